import ContentFormat
import Diagnostics
import Testing

/// The YAML reader's limits: expanded text as well as nodes, and long single lines.
struct YAMLLimitTests {
    @Test func aStringAliasBombIsRefusedByExpandedBytes() throws {
        let big = String(repeating: "x", count: 1_000_000)
        let yaml = "a: &s \"\(big)\"\nb: [" + Array(repeating: "*s", count: 3_000).joined(separator: ", ") + "]\n"
        let source = SourceFile(name: "bomb.yaml", text: yaml)
        #expect(throws: YAMLParseError.self) { try YAMLReader.read(source) }
        do {
            _ = try YAMLReader.read(source)
        } catch {
            #expect(error.message == "the document expands to more than 64 MB of text (aliases?)")
            // Yams resolves an alias to its anchored node, so the caret is at the anchor's value.
            #expect(source.location(ofByte: error.span.start).line == 1)
            #expect(error.help == "each use of an alias (*name) copies what its anchor (&name) holds")
        }
        let (documents, error) = YAMLReader.readDocuments(source)
        #expect(documents.isEmpty && error?.message.contains("64 MB") == true)
    }

    @Test func aFewAliasesOfALargeStringAreRead() throws {
        let big = String(repeating: "y", count: 1_000_000)
        let yaml = "a: &s \"\(big)\"\nb: [*s, *s, *s]\n"
        guard case .mapping(let pairs, _)? = try YAMLReader.read(SourceFile(name: "ok.yaml", text: yaml)),
              case .sequence(let items, _) = pairs[1].value else { Issue.record("not a mapping"); return }
        #expect(items.count == 3)
    }

    @Test func aLongFlowListOnOneLineKeepsItsPositions() throws {
        let count = 50_000
        let yaml = "users: [" + (0..<count).map { "u\($0)" }.joined(separator: ", ") + "]\n"
        let source = SourceFile(name: "flow.yaml", text: yaml)
        guard case .mapping(let pairs, _)? = try YAMLReader.read(source),
              case .sequence(let items, _) = pairs[0].value,
              case .scalar(let last) = items.last else { Issue.record("not a flow list"); return }
        #expect(items.count == count)
        #expect(source.location(ofByte: last.span.start).column == yaml.utf8.count - "u49999]\n".utf8.count + 1)
        #expect(last.text == "u49999")
    }

    static func depthError(_ yaml: String) -> String? {
        do { _ = try YAMLReader.read(SourceFile(name: "deep.yaml", text: yaml)); return nil } catch { return error.message }
    }

    @Test(arguments: [
        ("block indentation", "rules:\n" + (0..<2_000).map { String(repeating: " ", count: $0) + "- \n" }.joined()),
        ("nested mappings", (0..<300).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()),
        ("flow after a comment", "# a comment\nrules: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)),
        ("flow after an apostrophe", "title: don't\nrules: " + String(repeating: "{a: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000)),
        ("dashes on one line", "x:\n" + String(repeating: "- ", count: 300) + "a\n"),
    ])
    func deepDocumentsAreRefusedBeforeParsing(_ name: String, _ yaml: String) {
        #expect(Self.depthError(yaml) == "the YAML is nested more than 200 levels deep", "\(name)")
    }

    @Test(arguments: [
        "a: \"[[[[[[[[\" # ]]]]\nb: '{{{{'\nc: |\n  text\n    indented\n  back\n",
        "task: |\n" + (0..<300).map { "  line \($0) with don't and # and [\n" }.joined(),
        String(repeating: "- a: 1\n  b: [1, 2]\n", count: 1_000),
    ])
    func ordinaryDocumentsAreNotTooDeep(_ yaml: String) {
        #expect(Self.depthError(yaml) == nil)
    }
}
