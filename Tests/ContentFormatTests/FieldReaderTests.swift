import ContentFormat
import Diagnostics
import Testing

/// The field reader: every problem is collected, each at the line and column of the
/// value (wrong type), the key (unknown) or the mapping (missing).
@Suite struct FieldReaderTests {
    /// Runs `body` over the document's root mapping; the problems as (message, "line:col").
    func problems(_ yaml: String, name: String = "t.yaml",
                  _ body: (inout FieldReader, inout YAMLFields) -> Void) -> [(message: String, at: String)] {
        var r = FieldReader(source: SourceFile(name: name, text: yaml))
        if var root = r.document("a test file", keys: "a, b") { body(&r, &root) }
        let source = r.source
        return r.diagnostics.map { d in
            (message: d.message, at: d.span.map { "\(source.location(ofByte: $0.start))" } ?? "-")
        }
    }

    @Test func soundFieldsReadWithoutProblems() {
        var got: (String?, Int?, Bool?, Double?, [String]?, [Int]?) = (nil, nil, nil, nil, nil, nil)
        let p = problems("s: text\ni: 1_000\nb: yes\nd: 2.5\nl: [x, \"y\"]\nn: 0x1F\n") { r, f in
            got = (r.string(&f, "s", required: true), r.int(&f, "i"), r.bool(&f, "b"), r.double(&f, "d"),
                   r.strings(&f, "l"), r.ints(&f, "n", single: true))
            r.finish(f)
        }
        #expect(p.isEmpty, "\(p)")
        #expect(got.0 == "text" && got.1 == 1000 && got.2 == true && got.3 == 2.5)
        #expect(got.4 == ["x", "y"] && got.5 == [31])
    }

    @Test func aWrongTypeIsReportedAtTheValue() {
        let p = problems("title: ok\nrevision: one\nname: 42\n") { r, f in
            _ = r.string(&f, "title")
            _ = r.int(&f, "revision")
            _ = r.string(&f, "name")
            r.finish(f)
        }
        #expect(p.count == 2)
        #expect(p[0].message == "`revision` must be a whole number, not a string (\"one\")" && p[0].at == "2:11")
        #expect(p[1].message == "`name` must be a string, not a number (42)" && p[1].at == "3:7")
    }

    @Test func aBooleanLookingWordInATextFieldGetsAQuoteHint() {
        var r = FieldReader(source: SourceFile(name: "t.yaml", text: "text: No\n"))
        var f = r.document("a test file", keys: "text")!
        #expect(r.string(&f, "text") == nil)
        #expect(r.diagnostics.first?.message == "`text` must be a string, not a boolean (No)")
        #expect(r.diagnostics.first?.help?.contains("quote it (\"No\")") == true)
    }

    @Test func textThatReadsAsAMappingIsExplained() {
        let p = problems("hints:\n  - set level: Metadata\n") { r, f in _ = r.strings(&f, "hints") }
        #expect(p.count == 1 && p[0].message.contains("`hints[0]` must be a string, but it reads as a mapping") && p[0].at == "2:5")
    }

    @Test func aMissingKeyIsReportedAtItsMapping() {
        let p = problems("outer:\n  inner:\n    a: 1\n") { r, f in
            guard var outer = r.mapping(&f, "outer", required: true),
                  var inner = r.mapping(&outer, "inner") else { return }
            _ = r.int(&inner, "a")
            _ = r.string(&inner, "why", required: true)
            _ = r.string(&f, "title", required: true)
        }
        #expect(p.map(\.message) == ["missing `why:` in `outer.inner`", "missing `title:`"])
        #expect(p.map(\.at) == ["3:5", "1:1"])
    }

    @Test func anEmptyRequiredValueIsNotAbsent() {
        let p = problems("base: ~\ntitle:\n") { r, f in
            #expect(r.string(&f, "base") == nil)
            _ = r.string(&f, "title", required: true)
        }
        #expect(p.count == 1 && p[0].message == "`title` has no value; it must be a string" && p[0].at == "2:1", "\(p)")
    }

    @Test func unknownKeysGetADidYouMeanOrTheKnownKeys() {
        var r = FieldReader(source: SourceFile(name: "t.yaml", text: "title: t\ntitel: u\nzzz: 1\n"))
        var f = r.document("a test file", keys: "title")!
        _ = r.string(&f, "title")
        f.allow(["subtitle"])
        r.finish(f, context: " for a test")
        #expect(r.diagnostics.map(\.message) == ["unknown key \"titel\" for a test; did you mean title?",
                                                 "unknown key \"zzz\" for a test"])
        #expect(r.diagnostics[1].help == "the keys here are `title`, `subtitle`")
        #expect(r.diagnostics.map(\.code) == ["unknown-field", "unknown-field"])
        #expect(r.diagnostics.map { r.source.location(ofByte: $0.span!.start).line } == [2, 3])
    }

    @Test func listEntriesOfTheWrongTypeAreLeftOutAndNamedByIndex() {
        var got: [String]?
        let p = problems("l:\n  - a\n  - {x: 1}\n  - 3\n") { r, f in got = r.strings(&f, "l") }
        #expect(got == ["a"])
        #expect(p.map(\.at) == ["3:5", "4:5"])
        #expect(p[1].message == "`l[2]` must be a string, not a number (3)")
    }

    @Test func oneStringReadsAsAListOnlyWhenAllowed() {
        var single: [String]?
        var strict: [String]?
        let p = problems("a: x\nb: z\n") { r, f in
            single = r.strings(&f, "a", single: true)
            strict = r.strings(&f, "b")
        }
        #expect(single == ["x"] && strict == nil)
        #expect(p.count == 1 && p[0].message == "`b` must be a list of strings, not a string (\"z\")", "\(p)")
    }

    @Test(arguments: [
        ("a: [1\n", "YAML syntax error", "2:1"),
        ("", "the file is empty; a test file is a YAML mapping (a, b)", "1:1"),
        ("- a\n- b\n", "a test file must be a YAML mapping (a, b), not a list", "1:1"),
        ("a: 1\na: 2\n", "duplicate key \"a\" (first at line 1)", "2:1"),
    ])
    func documentsThatAreNotAMappingAreReported(yaml: String, message: String, at: String) {
        let p = problems(yaml) { _, _ in Issue.record("no root mapping expected") }
        #expect(p.count == 1 && p[0].message.hasPrefix(message) && p[0].at == at, "\(p)")
    }

    @Test func formatVersionIsRequiredAndChecked() {
        #expect(problems("a: 1\n") { r, f in r.formatVersion(&f) }.map(\.message) == ["missing `format_version:`"])
        let two = problems("format_version: 2\n") { r, f in r.formatVersion(&f) }
        #expect(two.map(\.message) == ["format_version 2 is not supported (this kcsa reads format_version 1)"])
        #expect(two.map(\.at) == ["1:17"])
        #expect(problems("format_version: 2\n") { r, f in r.formatVersion(&f, supported: 1...2) }.isEmpty)
        let text = problems("format_version: \"1\"\n") { r, f in r.formatVersion(&f) }
        #expect(text.map(\.message) == ["`format_version` must be a whole number, not a string (\"1\")"])
    }

    @Test func idsFollowTheKebabRuleAndTheFileName() {
        let bad = problems("id: Audit_Logging\n", name: "dir/audit.yaml") { r, f in _ = r.id(&f, matchingFileName: true) }
        #expect(bad.count == 1 && bad[0].message.hasPrefix("id \"Audit_Logging\" must be kebab-case") && bad[0].at == "1:5")
        let other = problems("id: audit-logging\n", name: "dir/audit.yaml") { r, f in _ = r.id(&f, matchingFileName: true) }
        #expect(other.map(\.message) == ["id \"audit-logging\" does not match the file name audit.yaml"])
        #expect(problems("id: audit\n", name: "dir/audit.yaml") { r, f in _ = r.id(&f, matchingFileName: true) }.isEmpty)
        #expect(problems("id: x\n", name: "<stdin>") { r, f in _ = r.id(&f, matchingFileName: true) }.isEmpty)
    }
}

/// The one id rule, `[a-z0-9]+(-[a-z0-9]+)*`.
@Suite struct ContentIDTests {
    @Test(arguments: ["a", "secrets-at-metadata", "sf-gen-level-7", "k8s", "2024", "a-1-b"])
    func valid(id: String) { #expect(ContentID.isValid(id)) }

    @Test(arguments: ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a.yaml", "-"])
    func invalid(id: String) { #expect(!ContentID.isValid(id)) }

    @Test func suggestionsAreKebabCase() {
        #expect(ContentID.suggestion(for: "Audit_Logging") == "audit-logging")
        #expect(ContentID.suggestion(for: "--a--b--") == "a-b")
        #expect(ContentID.suggestion(for: "___") == nil)
        #expect(ContentID.suggestion(for: "Audit_Logging").map(ContentID.isValid) == true)
    }
}

/// A content problem renders as `file:line:col` with the line and a caret.
@Suite struct ContentProblemTests {
    @Test func rendersWithFileLineColumnAndCaret() {
        let file = SourceFile(name: "Questions/x.yaml", text: "format_version: 1\nrevision: one\n")
        let p = ContentProblem(file: file, diagnostic: .error("`revision` must be a whole number", at: Span(start: 28, end: 31)))
        #expect(p.description == "Questions/x.yaml:2:11: error: `revision` must be a whole number")
        #expect(p.rendered() == """
        error: `revision` must be a whole number
         --> Questions/x.yaml:2:11
          |
        2 | revision: one
          |           ^^^

        """)
        let error = ContentError([p, ContentProblem(path: "gone.yaml", diagnostic: .error("cannot read"))])
        #expect(error.description == "Questions/x.yaml:2:11: error: `revision` must be a whole number\ngone.yaml: error: cannot read")
    }
}
