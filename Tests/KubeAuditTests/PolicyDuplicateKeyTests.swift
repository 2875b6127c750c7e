import Diagnostics
import Testing
@testable import KubeAudit

/// Issue 14 (5): a duplicate key is what kube-apiserver makes of it, a warning and the last
/// value kept (its strict decoder fails, `LoadPolicyFromBytes` falls back to lenient
/// decoding); the warning points at the duplicate and says what kcsa does.
@Suite struct PolicyDuplicateKeyTests {
    static let head = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n"

    func load(_ body: String) -> PolicyLoadResult { PolicyLoader.load(SourceFile(name: "p.yaml", text: Self.head + body)) }

    func at(_ r: PolicyLoadResult, _ d: Diagnostic) -> String { d.span.map { r.source.location(ofByte: $0.start).description } ?? "-" }

    @Test func theLastValueIsKeptWithAWarningAtTheDuplicate() throws {
        let r = load("- level: Metadata\n  verbs: [get]\n  level: None\n")
        #expect(r.isValid, "\(r.apiserverError ?? "")")
        let policy = try #require(r.policy)
        #expect(policy.rules.count == 1)
        #expect(policy.rules[0].level == "None")
        #expect(policy.rules[0].verbs == ["get"])
        let w = try #require(r.diagnostics.first { $0.code == "duplicate-key" })
        #expect(w.severity == .warning)
        #expect(w.message == "duplicate key \"level\" (first at line 4)")
        #expect(at(r, w) == "6:3")
        #expect(w.notes.contains { $0.contains("falling back to lenient decoding") && $0.contains("last value") })
        #expect(w.help?.contains("kcsa does the same: it keeps this value") == true)
        #expect(!r.diagnostics.contains { $0.code == "unknown-field" })
    }

    @Test func threeTimesKeepsTheThirdAndWarnsTwice() throws {
        let r = load("- level: Metadata\n  level: Request\n  level: RequestResponse\n  verbs: [get]\n")
        #expect(try #require(r.policy).rules[0].level == "RequestResponse")
        #expect(r.diagnostics.filter { $0.code == "duplicate-key" }.map { at(r, $0) } == ["5:3", "6:3"])
    }

    /// Fuzzing found this hanging: one-byte duplicates all got the same one-byte placeholder,
    /// which was itself a duplicate, so the reader went round for ever.
    @Test func repeatedOneByteKeysEnd() throws {
        let r = load("- level: Metadata\n  l: 1\n  l: 2\n  l: 3\n  l: 4\n")
        #expect(r.diagnostics.filter { $0.code == "duplicate-key" }.map { at(r, $0) } == ["6:3", "7:3", "8:3"])
    }

    @Test func flowMappingsQuotedKeysAndTopLevelKeysToo() throws {
        let flow = load("- {level: Metadata, verbs: [get], level: Request}\n")
        #expect(try #require(flow.policy).rules[0].level == "Request")
        #expect(flow.diagnostics.filter { $0.code == "duplicate-key" }.map { at(flow, $0) } == ["4:35"])

        let quoted = load("- level: Metadata\n  \"level\": None\n")
        #expect(try #require(quoted.policy).rules[0].level == "None")

        // Two `rules:` lists: the second replaces the first, as JSON decoding does.
        let twice = load("- level: Metadata\nrules:\n- level: Request\n- level: None\n")
        #expect(try #require(twice.policy).rules.map(\.level) == ["Request", "None"])
        #expect(twice.diagnostics.filter { $0.code == "duplicate-key" }.map { at(twice, $0) } == ["5:1"])
    }

    @Test func aKeptValueIsStillValidated() {
        let r = load("- level: Metadata\n  level: Loud\n")
        #expect(!r.isValid)
        #expect(r.apiserverError?.contains("rules[0].level: Unsupported value: \"Loud\"") == true)
    }

    @Test func aSyntaxErrorIsStillAnError() {
        let r = load("- level: Metadata\n  level: [None\n")
        #expect(!r.isValid)
        #expect(r.diagnostics.contains { $0.severity == .error })
    }
}
