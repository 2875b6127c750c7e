import Testing
@testable import Diagnostics

@Suite struct SourceFileTests {
    @Test func locationsAreOneBasedLineAndScalarColumn() {
        let f = SourceFile(name: "p.yaml", text: "ab\nçd: x\n")
        #expect(f.location(ofByte: 0) == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(f.location(ofByte: 3).description == "2:1")
        // "ç" is two bytes; the byte after it is column 2.
        #expect(f.location(ofByte: 5).description == "2:2")
        #expect(f.offset(line: 2, column: 2) == 5)
        #expect(f.lineText(2) == "çd: x")
    }

    @Test func offsetPastTheEndClampsToTheLastLine() {
        let f = SourceFile(name: "x", text: "a\nb")
        #expect(f.location(ofByte: 99).description == "2:2")
    }
}

@Suite struct RendererTests {
    @Test func caretSitsUnderTheSpan() {
        let f = SourceFile(name: "policy.yaml", text: "rules:\n  - level: Verbose\n")
        let d = Diagnostic.error("unsupported level", at: Span(start: 18, end: 25), label: "not a level",
                                 help: "one of None, Metadata, Request, RequestResponse")
        let text = DiagnosticRenderer().render(d, in: f)
        #expect(text == """
        error: unsupported level
         --> policy.yaml:2:12
          |
        2 |   - level: Verbose
          |            ^^^^^^^ not a level
          = help: one of None, Metadata, Request, RequestResponse

        """)
    }

    @Test func longLinesAreWindowedAroundTheCaret() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let f = SourceFile(name: "q", text: line)
        let text = DiagnosticRenderer(maxLineWidth: 40).render(.error("here", at: Span(start: 300, end: 301)), in: f)
        let lines = text.split(separator: "\n")
        let src = lines[3], caret = lines[4]
        #expect(src.hasPrefix("1 | ...") && src.hasSuffix("..."))
        let xIndex = src.firstIndex(of: "X").map { src.distance(from: src.startIndex, to: $0) }
        let caretIndex = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
        #expect(xIndex != nil && xIndex == caretIndex)
    }

    @Test func colourOnlyWhenAsked() {
        let f = SourceFile(name: "q", text: "x")
        #expect(!DiagnosticRenderer(color: false).render(.error("e", at: .at(0)), in: f).contains("\u{1B}"))
        #expect(DiagnosticRenderer(color: true).render(.error("e", at: .at(0)), in: f).contains("\u{1B}[31m"))
    }
}

@Suite struct DidYouMeanTests {
    @Test(arguments: [
        ("verbz", "verbs"), ("namespace", "namespaces"), ("Level", "level"), ("usergroups", "userGroups"),
    ])
    func suggestsTheClosestKey(typo: String, expected: String) {
        let keys = ["level", "users", "userGroups", "verbs", "resources", "namespaces", "nonResourceURLs", "omitStages"]
        #expect(DidYouMean.suggest(typo, among: keys) == expected)
    }

    @Test func nothingCloseMeansNoSuggestion() {
        #expect(DidYouMean.suggest("zzzzzzzz", among: ["level", "verbs"]) == nil)
    }
}
