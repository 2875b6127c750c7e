@testable import Classroom
import Diagnostics
import Foundation
import Testing

/// class.yaml: every problem at its line and column, with a caret.
struct ClassDecoderTests {
    static let labs = ["levels-what-each-records", "query-secret-access", "fix-bad-level"]
    static let salt = String(repeating: "ab", count: 32)

    @Test func readsAClass() throws {
        let text = """
        format_version: 1
        id: spring
        title: Spring cohort
        salt: \(Self.salt)
        due: 2026-12-20
        labs:
          - levels-what-each-records
          - {id: fix-bad-level, points: 5, due: "2026-12-01T09:00:00Z"}
        exam:
          questions: 20
        """
        let (spec, diagnostics) = ClassDecoder.decode(SourceFile(name: "class.yaml", text: text), knownLabs: Self.labs)
        #expect(diagnostics.isEmpty)
        let s = try #require(spec)
        #expect(s.labs.map(\.id) == ["levels-what-each-records", "fix-bad-level"])
        #expect(s.labs.map(\.points) == [10, 5])
        #expect(s.labs[0].due == ClassDate.parse("2026-12-20T23:59:59Z"))
        #expect(s.labs[1].due == ClassDate.parse("2026-12-01T09:00:00Z"))
        #expect(s.exam == .init(questions: 20, points: 20, due: s.labs[0].due))
        #expect(s.maxTotal == 35)
    }

    @Test func anUnknownLabIsReportedAtItsLine() throws {
        let text = "format_version: 1\nid: spring\ntitle: T\nsalt: \(Self.salt)\nlabs:\n  - fix-bad-levle\n"
        let source = SourceFile(name: "class.yaml", text: text)
        let (spec, diagnostics) = ClassDecoder.decode(source, knownLabs: Self.labs)
        #expect(spec == nil)
        let d = try #require(diagnostics.first)
        #expect(d.message == "there is no lab \"fix-bad-levle\" in the course")
        #expect(d.help == "did you mean fix-bad-level?")
        let rendered = DiagnosticRenderer().render(d, in: source)
        #expect(rendered.contains("class.yaml:6:5"))
        #expect(rendered.contains("^"))
    }

    @Test(arguments: [
        ("salt: abc\n", "the salt must be at least 32 hexadecimal digits (`kcsa class init` writes 64)"),
        ("due: tomorrow\n", "\"tomorrow\" is not an ISO 8601 date (like 2026-12-20T18:00:00Z or 2026-12-20)"),
        ("exam: {questions: 0}\n", "exam questions must be 1 to 200"),
        ("colour: red\n", "unknown key \"colour\" in a class file"),
    ])
    func problems(_ extra: String, _ message: String) {
        var lines = ["format_version: 1", "id: spring", "title: T", "labs: [fix-bad-level]"]
        if !extra.hasPrefix("salt") { lines.append("salt: \(Self.salt)") }
        let (_, diagnostics) = ClassDecoder.decode(SourceFile(name: "class.yaml", text: lines.joined(separator: "\n") + "\n" + extra),
                                                   knownLabs: Self.labs)
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix(message) }, "\(diagnostics.map(\.message))")
    }

    @Test func encodeReadsBack() throws {
        let spec = ClassSpec(id: "c1", title: "A \"quoted\" title", labs: [.init(id: "fix-bad-level", points: 7,
                                                                                  due: ClassDate.parse("2026-01-02T03:04:05Z"))],
                             exam: .init(questions: 3), salt: Self.salt)
        let (back, d) = ClassDecoder.decode(SourceFile(name: "class.yaml", text: ClassDecoder.encode(spec)), knownLabs: Self.labs)
        #expect(d.isEmpty)
        #expect(back == spec)
    }
}
