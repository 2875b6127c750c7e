import Diagnostics
import Testing
@testable import KubeAudit

/// Bad input gives a clear, positioned error, never a crash.
@Suite struct PolicyLoaderTests {
    func location(_ r: PolicyLoadResult, _ d: Diagnostic) -> String {
        d.span.map { r.source.location(ofByte: $0.start).description } ?? "-"
    }

    @Test func emptyFileIsRejectedLikeTheApiserver() {
        let r = loadPolicy("")
        #expect(!r.isValid)
        #expect(r.apiserverError == "unknown group version field audit.k8s.io/__internal, Kind=Policy in policy")
    }

    @Test func binaryGarbageIsNotText() {
        var bytes: [UInt8] = Array("apiVersion: audit.k8s.io/v1\n".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0x12, 0x80]
        let r = PolicyLoader.load(SourceFile(name: "bin", bytes: bytes))
        #expect(!r.isValid)
        #expect(r.diagnostics.first?.message.contains("NUL") == true)
        #expect(location(r, r.diagnostics[0]) == "2:3")
    }

    @Test func invalidUTF8IsReportedAtTheBadByte() {
        let bytes: [UInt8] = Array("kind: Policy\nrules: [".utf8) + [0xC3, 0x28] + Array("]\n".utf8)
        let r = PolicyLoader.load(SourceFile(name: "bad", bytes: bytes))
        #expect(r.diagnostics.first?.message.contains("UTF-8") == true)
        #expect(location(r, r.diagnostics[0]) == "2:9")
    }

    @Test func aYAMLListIsNotAPolicy() {
        let r = loadPolicy("- level: Metadata\n- level: None\n")
        #expect(!r.isValid)
        #expect(r.apiserverError?.hasPrefix("failed decoding: couldn't get version/kind") == true)
        #expect(r.diagnostics.first?.message.contains("not a list") == true)
    }

    @Test func deeplyNestedYAMLIsRefusedBeforeParsing() {
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: " + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000)
        let r = loadPolicy(text)
        #expect(!r.isValid)
        #expect(r.diagnostics.first?.message.contains("nested more than") == true)
    }

    @Test func deepBlockSequencesAreRefused() {
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n" + String(repeating: "- ", count: 5000) + "x\n"
        #expect(!loadPolicy(text).isValid)
    }

    @Test func anOversizedPolicyIsRefused() {
        let rule = "- level: Metadata\n  users: [\"someone\"]\n"
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n" + String(repeating: rule, count: 300_000)
        let r = loadPolicy(text)
        #expect(!r.isValid)
        #expect(r.diagnostics.first?.code == "too-large")
    }

    @Test func unknownLevelAndStageUseTheApiserverWordsAndPointAtTheValue() throws {
        let r = loadPolicy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestRecieved"]
        rules:
          - level: metadata
        """)
        #expect(r.apiserverError == "[omitStages[0]: Invalid value: \"RequestRecieved\": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic, rules[0].level: Unsupported value: \"metadata\": supported values: \"None\", \"Metadata\", \"Request\", \"RequestResponse\"]")
        let level = try #require(r.diagnostics.first { $0.message.hasPrefix("rules[0].level") })
        #expect(location(r, level) == "5:12")
        #expect(level.help?.contains("Metadata") == true)
        let stage = try #require(r.diagnostics.first { $0.message.hasPrefix("omitStages[0]") })
        #expect(location(r, stage) == "3:14")
        #expect(stage.help?.contains("RequestReceived") == true)
    }

    @Test func misindentedVerbsAreDroppedWithAWarningAndTheRuleMatchesEveryVerb() throws {
        let r = loadPolicy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          resources:
          - group: coordination.k8s.io
            resources: ["leases"]
            verbs: ["watch"]
        """)
        #expect(r.isValid)
        let w = try #require(r.diagnostics.first { $0.code == "unknown-field" })
        #expect(w.severity == .warning)
        #expect(location(r, w) == "8:5")
        #expect(w.help?.contains("field of the rule") == true)
        let evaluator = try #require(r.evaluator())
        let update = RequestAttributes(user: UserInfo(username: "kubelet"), verb: "update", apiGroup: "coordination.k8s.io",
                                       resource: "leases", resourceRequest: true)
        #expect(evaluator.evaluate(update).rule == 0)
    }

    @Test(arguments: [
        ("users: jane", "json: cannot unmarshal string into Go struct field PolicyRule.rules.users of type []string"),
        ("verbs: [get, yes]", "json: cannot unmarshal bool into Go struct field PolicyRule.rules.verbs of type string"),
        ("namespaces: [no]", "json: cannot unmarshal bool into Go struct field PolicyRule.rules.namespaces of type string"),
        ("omitManagedFields: \"true\"", "json: cannot unmarshal string into Go struct field PolicyRule.rules.omitManagedFields of type bool"),
        ("resources: {group: apps}", "json: cannot unmarshal object into Go struct field PolicyRule.rules.resources of type []v1.GroupResources"),
    ])
    func wrongTypesFailDecoding(field: String, message: String) {
        let r = loadPolicy("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n  \(field)\n")
        #expect(r.apiserverError == "failed decoding: " + message)
        #expect(r.diagnostics.contains { $0.message == message && $0.span != nil })
    }

    @Test func numericLevelIsATypeError() {
        let r = loadPolicy("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: 3\n")
        #expect(r.apiserverError == "failed decoding: json: cannot unmarshal number into Go struct field PolicyRule.rules.level of type v1.Level")
    }

    @Test func yamlSyntaxErrorsCarryAPosition() throws {
        let r = loadPolicy("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    verbs: [get\n")
        #expect(!r.isValid)
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "yaml-syntax")
        #expect(d.span != nil)
    }

    @Test func tabIndentationGetsAHint() {
        let r = loadPolicy("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n\t- level: Metadata\n")
        #expect(r.diagnostics.first?.help?.contains("TAB") == true)
    }

    @Test func removedVersionsAreExplained() {
        let r = loadPolicy("apiVersion: audit.k8s.io/v1beta1\nkind: Policy\nrules:\n- level: Metadata\n")
        #expect(r.apiserverError?.contains("no kind \"Policy\" is registered for version \"audit.k8s.io/v1beta1\"") == true)
        #expect(r.diagnostics.first?.help?.contains("1.24") == true)
    }

    @Test func kindMayBeOmittedWhenTheVersionIsGiven() {
        #expect(loadPolicy("apiVersion: audit.k8s.io/v1\nrules:\n- level: Metadata\n").isValid)
    }

    @Test func lintsWarnAboutStarsUnreachableRulesAndWrongGroups() {
        let r = loadPolicy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: Request
          verbs: ["*"]
          resources: [{resources: ["deployments"]}]
        - level: Metadata
        - level: None
          users: ["system:kube-proxy"]
        """)
        #expect(r.isValid)
        let codes = Set(r.diagnostics.compactMap(\.code))
        #expect(codes == ["star-literal", "wrong-group", "unreachable"])
    }
}
