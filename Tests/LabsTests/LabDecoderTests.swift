import Diagnostics
import Testing
@testable import Labs

/// Lab files: every problem reported at once, at its line, with a suggestion.
@Suite struct LabDecoderTests {
    func problems(_ yaml: String) -> [(String, Int)] {
        let source = SourceFile(name: "x.yaml", text: yaml)
        let (_, d) = LabDecoder.decode(source)
        return d.map { ($0.message, $0.span.map { source.location(ofByte: $0.start).line } ?? 0) }
    }

    @Test func unknownKeysGetADidYouMean() {
        let p = problems(LabFixtures.common + "id: x\nkind: query\nscenario: dev-small\npolicy: p\nreference: .\nseeds: [1]\ncompar: ordered\n")
        #expect(p.contains { $0.0.contains("unknown key \"compar\"") && $0.0.contains("did you mean compare?") && $0.1 == 14 }, "\(p)")
    }

    @Test func aHintThatReadsAsAMappingIsExplained() {
        let yaml = LabFixtures.common.replacingOccurrences(of: "hints: [one, two]", with: "hints:\n  - set level: Metadata")
            + "id: x\nkind: predict\npolicy: p\nreference: 'a: {}'\nrequests:\n  - id: a\n    request: {method: GET, url: /api}\n"
        #expect(problems(yaml).contains { $0.0.contains("reads as a mapping") && $0.1 == 7 })
    }

    @Test func kindSpecificFieldsAreRequired() {
        let p = problems(LabFixtures.common + "id: x\nkind: policy\nreference: r\n")
        #expect(p.contains { $0.0.contains("needs `expect:`") })
        let q = problems(LabFixtures.common + "id: x\nkind: quiz\nreference: r\n")
        #expect(q.contains { $0.0.contains("unknown kind \"quiz\"") && $0.1 == 9 })
    }

    @Test func badLevelsAndStagesAreNamed() {
        let yaml = LabFixtures.common + """
        id: x
        kind: policy
        scenario: dev-small
        reference: r
        expect:
          - name: n
            match: {resource: pods}
            level: Full
            omits: [ResponseBegun]
        """
        let p = problems(yaml)
        #expect(p.contains { $0.0.contains("\"Full\" is not an audit level") && $0.1 == 15 })
        #expect(p.contains { $0.0.contains("\"ResponseBegun\" is not a stage") })
    }
}
