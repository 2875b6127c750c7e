import Diagnostics
import Foundation
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

    /// Problems as "line:col message", for the exact-position tests below.
    func positioned(_ yaml: String, name: String = "x.yaml") -> [String] {
        let source = SourceFile(name: name, text: yaml)
        return LabDecoder.decode(source).1.map { d in
            "\(d.span.map { "\(source.location(ofByte: $0.start))" } ?? "-") \(d.message)"
        }
    }

    @Test(arguments: [
        ("strict: no", "14:9 `strict` must be true or false, not a string (\"maybe\")", "strict: maybe"),
        ("seeds: [1]", "13:12 `seeds[1]` must be a whole number, not a string (\"two\")", "seeds: [1, two]"),
        ("id: x", "8:5 id \"X_1\" must be kebab-case (lower-case letters and digits, in words joined by single hyphens)", "id: X_1"),
        ("id: x", "8:5 id \"z\" does not match the file name x.yaml", "id: z"),
        ("format_version: 1", "1:17 format_version 2 is not supported (this kcsa reads format_version 1)", "format_version: 2"),
        ("title: Fixture", "2:8 `title` must be a string, not a number (42)", "title: 42"),
        ("reference: .\n", "1:1 missing `reference:`", ""),
    ])
    func schemaProblemsNameLineAndColumn(from: String, expected: String, to: String) {
        let yaml = LabFixtures.common + "id: x\nkind: query\nscenario: dev-small\npolicy: seed-minimal\nreference: .\nseeds: [1]\nstrict: no\n"
        #expect(positioned(yaml.replacingOccurrences(of: from, with: to)) == [expected])
    }

    @Test func nestedProblemsNameTheirFieldPath() {
        let yaml = LabFixtures.common + """
        id: x
        kind: policy
        reference: r
        expect:
          - name: first
            request: {method: GET, url: /api/v1/pods, user: [a]}
            level: Metadata
          - name: second
            request: {url: /api/v1/pods}
            levl: None

        """
        #expect(positioned(yaml) == [
            "13:53 `expect[0].request.user` must be a string, not a list",
            "16:14 missing `method:` in `expect[1].request`",
            "15:5 expectation \"second\" states nothing (level, at_least, at_most, stages or omits)",
            "17:5 unknown key \"levl\" in `expect[1]`; did you mean level?",
        ])
    }

    @Test func theCatalogIsReadWithPositions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-catalog-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/Labs/labs", withIntermediateDirectories: true)
        try "format_version: 1\nlabs:\n  - a-lab\n  - Bad_Id\n  - a-lab\nlab: []\n"
            .write(toFile: dir + "/Labs/catalog.yaml", atomically: true, encoding: .utf8)
        let catalog = LabCatalog.load(root: dir)
        let found = catalog.problems.prefix(3).map { p in
            "\(p.diagnostic.span.map { "\(p.file.location(ofByte: $0.start))" } ?? "-") \(p.diagnostic.message)"
        }
        #expect(found == [
            "4:5 lab id \"Bad_Id\" must be kebab-case (lower-case letters and digits, in words joined by single hyphens)",
            "5:5 lab a-lab is listed twice",
            "6:1 unknown key \"lab\"; did you mean labs?",
        ])
        #expect(catalog.problems.allSatisfy { $0.path == dir + "/Labs/catalog.yaml" })
    }
}
