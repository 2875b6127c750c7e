import ContentFormat
import Diagnostics
import Testing
@testable import PodSecurity

/// Manifests to objects: templates per kind, Lists, type errors, unknown fields, defaulting.
@Suite struct DecoderTests {
    static func read(_ yaml: String) -> [DecodedDocument] {
        ManifestReader.read(SourceFile(name: "t.yaml", text: yaml)).map(\.result)
    }

    static func object(_ yaml: String) throws -> PodSecurityObject {
        guard case .object(let o)? = read(yaml).first else { throw VectorError("not an object") }
        return o
    }

    @Test(arguments: [
        ("apps/v1", "Deployment", "spec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec: {hostIPC: true}\n"),
        ("apps/v1", "DaemonSet", "spec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec: {hostIPC: true}\n"),
        ("apps/v1", "StatefulSet", "spec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec: {hostIPC: true}\n"),
        ("apps/v1", "ReplicaSet", "spec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec: {hostIPC: true}\n"),
        ("batch/v1", "Job", "spec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec: {hostIPC: true}\n"),
        ("v1", "ReplicationController", "spec:\n  template:\n    metadata: {annotations: {a: b}}\n    spec: {hostIPC: true}\n"),
        ("v1", "PodTemplate", "template:\n  metadata: {annotations: {a: b}}\n  spec: {hostIPC: true}\n"),
        ("batch/v1", "CronJob", "spec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {annotations: {a: b}}\n        spec: {hostIPC: true}\n"),
    ])
    func everyWorkloadKindYieldsItsTemplate(_ apiVersion: String, _ kind: String, _ body: String) throws {
        let o = try Self.object("apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata: {name: w, namespace: ns}\n" + body)
        #expect(o.kind.rawValue == kind)
        #expect(o.name == "w" && o.namespace == "ns")
        #expect(o.podSpec?.hostIPC == true)
        #expect(o.podMetadata.annotations == ["a": "b"])
    }

    @Test func aReplicationControllerWithoutTemplateHasNothingToCheck() throws {
        #expect(try Self.object("apiVersion: v1\nkind: ReplicationController\nmetadata: {name: r}\nspec: {replicas: 1}\n").podSpec == nil)
        #expect(try Self.object("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 1}\n").podSpec == PodSpec())
    }

    @Test func listsAndTypedListsExpand() {
        let docs = Self.read("""
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Pod, metadata: {name: a}}
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}
        ---
        apiVersion: v1
        kind: PodList
        items:
        - {metadata: {name: b}, spec: {hostPID: true}}
        """)
        #expect(docs.count == 3)
        if case .object(let b) = docs[2] { #expect(b.kind == .pod && b.name == "b" && b.podSpec?.hostPID == true) } else {
            Issue.record("typed list item")
        }
        if case .skipped(let kind, let name, _) = docs[1] { #expect(kind == "ConfigMap" && name == "c") } else { Issue.record("skip") }
    }

    @Test func everyWrongTypeIsReportedWithItsPlace() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: {n: 1}}\nspec:\n  containers: {name: a}\n  volumes: [{name: v, hostPath: /tmp}]\n"
        guard case .invalid(let errors)? = Self.read(text).first else { Issue.record("expected errors"); return }
        let source = SourceFile(name: "t.yaml", text: text)
        #expect(errors.map(\.message) == [
            "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string",
            "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container",
            "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Volume.spec.volumes.hostPath of type v1.HostPathVolumeSource",
        ])
        #expect(errors.map { source.location(ofByte: $0.span!.start).description } == ["3:38", "5:15", "6:33"])
    }

    @Test func yamlScalarsResolveAsKubectlSendsThem() throws {
        let o = try Self.object("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: yes\n  containers:\n  - name: a\n    ports: [{containerPort: 0x50, hostPort: 8080.0}]\n    securityContext: {runAsUser: 017}\n")
        #expect(o.podSpec?.hostNetwork == true)
        #expect(o.podSpec?.containers[0].ports == [ContainerPort(containerPort: 80, hostPort: 8080)])
        #expect(o.podSpec?.containers[0].securityContext?.runAsUser == 15)
    }

    @Test func unknownFieldsAreWarningsWithASuggestion() throws {
        let o = try Self.object("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwrok: true\n  containers: [{name: a, securityContex: {privileged: true}}]\n")
        #expect(o.warnings.map(\.message) == [
            "unknown field \"spec.hostNetwrok\" (kube-apiserver drops it; kubectl --validate=strict rejects it)",
            "unknown field \"spec.containers[0].securityContex\" (kube-apiserver drops it; kubectl --validate=strict rejects it)",
        ])
        #expect(o.warnings.map(\.help) == ["did you mean \"hostNetwork\"?", "did you mean \"securityContext\"?"])
        #expect(o.podSpec?.hostNetwork == false)
    }

    @Test func defaultingIsThatOfTheAPIServer() throws {
        var pod = try Self.object("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true\n  initContainers: [{name: i, ports: [{containerPort: 53}]}]\n  containers: [{name: a, ports: [{containerPort: 80, hostPort: 81}, {containerPort: 443}]}]\n  volumes: [{name: v}, {name: w, hostPath: null}, {name: s, secret: {}}]\n")
        APIDefaulting.apply(to: &pod)
        #expect(pod.podSpec?.containers[0].ports.map(\.hostPort) == [81, 443])
        #expect(pod.podSpec?.initContainers[0].ports.map(\.hostPort) == [53])
        #expect(pod.podSpec?.volumes.map(\.sources) == [["emptyDir"], ["emptyDir"], ["secret"]])
        var deployment = try Self.object("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers: [{name: a, ports: [{containerPort: 80}]}]\n")
        APIDefaulting.apply(to: &deployment)
        #expect(deployment.podSpec?.containers[0].ports.map(\.hostPort) == [0], "templates get no hostPort defaulting since 1.28")
    }

    @Test func goQuoteEscapesAsGo() {
        #expect(GoQuote.quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
        #expect(GoQuote.quote("tab\there") == "\"tab\\there\"")
        #expect(GoQuote.quote("\u{7F}x\u{00A0}é") == "\"\\x7fx\\u00a0é\"")
    }
}
