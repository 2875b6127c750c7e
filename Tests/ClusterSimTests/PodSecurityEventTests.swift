import ContentFormat
import Diagnostics
import Foundation
import Testing
@testable import ClusterSim
@testable import KubeAudit
import PodSecurity
import RBAC

/// Pod Security admission in the simulated cluster (issue 11): what kube-apiserver's
/// PodSecurity plugin annotates, refuses and warns, as the audit log shows it.
@Suite struct PodSecurityEventTests {
    static let labels: [String: [String: String]] = [
        "payments": ["pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/audit": "restricted",
                     "pod-security.kubernetes.io/warn": "restricted"],
        "strict": ["pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/audit": "restricted"],
        "dev": ["pod-security.kubernetes.io/audit": "restricted", "pod-security.kubernetes.io/warn": "baseline"],
    ]

    static func evaluator(_ level: String, omitRequestReceived: Bool = true) throws -> PolicyEvaluator {
        let omit = omitRequestReceived ? "omitStages: [RequestReceived]\n" : ""
        let policy = "apiVersion: audit.k8s.io/v1\nkind: Policy\n\(omit)rules:\n- level: \(level)\n"
        return try #require(PolicyLoader.load(.init(name: "p", text: policy)).evaluator())
    }

    /// Admission runs after authorization: the developers group is bound to cluster-admin
    /// here, so every request of these tests reaches admission.
    static let cluster: ClusterState = {
        let yaml = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: developers-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: Group, apiGroup: rbac.authorization.k8s.io, name: developers}]
            """
        var objects = ScenarioObjects()
        objects.add(RBACObjectDecoder.decode(SourceFile(name: "rbac.yaml", text: yaml)).objects)
        return ClusterState(objects)
    }()

    static func builder(_ level: String, omitRequestReceived: Bool = true) throws -> EventBuilder {
        EventBuilder(evaluator: try evaluator(level, omitRequestReceived: omitRequestReceived), seed: 5,
                     namespaceLabels: labels, cluster: cluster)
    }

    static let bob = KubeAudit.UserInfo(username: "bob@example.com", groups: ["developers", "system:authenticated"])

    static func create(_ url: String, body: String, user: KubeAudit.UserInfo? = bob, status: Int = 201,
                       method: String = "POST") -> SimRequest {
        SimRequest(time: 1_772_442_000_000_000, method: method, url: url, user: user, userAgent: "kubectl/v1.36.0",
                   sourceIP: "192.168.10.34", status: status, body: body, incident: nil)
    }

    static func clean(_ r: SimRequest, _ out: EventBuilder.Output, _ level: String) throws -> [String] {
        EventRules.violations(r, out, evaluator: try evaluator(level), namespaceLabels: labels)
    }

    @Test func aPrivilegedPodInABaselineNamespaceIsRefusedWithUpstreamsStatus() throws {
        let r = Self.create("/api/v1/namespaces/payments/pods", body: "privileged-pod")
        let out = try #require(try Self.builder("RequestResponse").events(for: r, index: 0))
        #expect(out.status == 403)
        let e = try #require(out.events.last)
        let name = try #require(e.objectRef?.name)
        let message = "pods \"\(name)\" is forbidden: violates PodSecurity \"baseline:latest\": "
            + "privileged (container \"app\" must not set securityContext.privileged=true)"
        #expect(e.responseStatus == ResponseStatus(code: 403, status: "Failure", message: message, reason: "Forbidden",
                                                   details: #"{"name":"\#(name)","kind":"pods"}"#))
        let line = AuditEventEncoder.json(e)
        let quoted = message.replacingOccurrences(of: "\"", with: "\\\"")
        #expect(line.contains(#""responseStatus":{"metadata":{},"status":"Failure","message":"\#(quoted)","reason":"Forbidden","details":{"name":"\#(name)","kind":"pods"},"code":403}"#))
        // At RequestResponse the Status written to the client is the responseObject.
        #expect(line.contains(#""responseObject":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"\#(quoted)","reason":"Forbidden","details":{"name":"\#(name)","kind":"pods"},"code":403}"#))
        #expect(e.annotations[PodSecurityAnnotations.enforcePolicy] == "baseline:latest")
        #expect(e.annotations[PodSecurityAnnotations.auditViolations]?.hasPrefix("would violate PodSecurity \"restricted:latest\": privileged") == true)
        // A refused request gets no warnings (admission.go: "avoid adding warnings to a request we're already going to reject").
        #expect(out.admission?.warnings == [])
        #expect(try Self.clean(r, out, "RequestResponse").isEmpty)
    }

    @Test(arguments: ["None", "Metadata", "Request", "RequestResponse"])
    func annotationsAppearAtEveryLevelButNone(level: String) throws {
        let r = Self.create("/api/v1/namespaces/payments/pods", body: "pod")
        let out = try #require(try Self.builder(level, omitRequestReceived: false).events(for: r, index: 0))
        #expect(out.status == 201)
        if level == "None" {
            #expect(out.events.isEmpty)
            #expect(out.admission?.annotations[PodSecurityAnnotations.enforcePolicy] == "baseline:latest")
            return
        }
        #expect(out.events.map(\.stage) == [.requestReceived, .responseComplete])
        // RequestReceived is written before admission runs.
        #expect(out.events[0].annotations.isEmpty)
        let done = out.events[1].annotations
        #expect(done[PodSecurityAnnotations.enforcePolicy] == "baseline:latest")
        #expect(done[PodSecurityAnnotations.auditViolations] == #"would violate PodSecurity "restricted:latest": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")"#)
        // The warning (warn: restricted) goes to the client, not into the event.
        #expect(out.admission?.warnings.count == 1)
        #expect(done.keys.filter { $0.hasPrefix("pod-security.kubernetes.io/") }.sorted()
                == [PodSecurityAnnotations.auditViolations, PodSecurityAnnotations.enforcePolicy])
        #expect(EventRules.violations(r, out, evaluator: try Self.evaluator(level, omitRequestReceived: false),
                                      namespaceLabels: Self.labels).isEmpty)
    }

    @Test func aCompliantPodCarriesOnlyTheEnforcePolicy() throws {
        let r = Self.create("/api/v1/namespaces/payments/pods", body: "restricted-pod")
        let out = try #require(try Self.builder("Metadata").events(for: r, index: 0))
        let psa = out.events[0].annotations.filter { $0.key.hasPrefix("pod-security.kubernetes.io/") }
        #expect(psa == [PodSecurityAnnotations.enforcePolicy: "baseline:latest"])
        #expect(out.admission?.warnings == [])
    }

    @Test func anUnlabelledNamespaceIsPrivileged() throws {
        let r = Self.create("/api/v1/namespaces/default/pods", body: "privileged-pod")
        let out = try #require(try Self.builder("Metadata").events(for: r, index: 0))
        #expect(out.status == 201)
        let psa = out.events[0].annotations.filter { $0.key.hasPrefix("pod-security.kubernetes.io/") }
        #expect(psa == [PodSecurityAnnotations.enforcePolicy: "privileged:latest"])
    }

    @Test(arguments: ["POST /apis/apps/v1/namespaces/strict/deployments",
                      "PATCH /apis/apps/v1/namespaces/strict/deployments/web",
                      "PUT /apis/apps/v1/namespaces/dev/deployments/web"])
    func controllersAreAuditedAndNeverRefused(call: String) throws {
        let parts = call.split(separator: " ").map(String.init)
        let r = Self.create(parts[1], body: "deployment", status: parts[0] == "POST" ? 201 : 200, method: parts[0])
        let out = try #require(try Self.builder("RequestResponse").events(for: r, index: 0))
        #expect(out.status == r.status)
        let e = try #require(out.events.last)
        #expect(e.responseStatus?.code == r.status)
        let psa = e.annotations.filter { $0.key.hasPrefix("pod-security.kubernetes.io/") }
        // No enforce-policy: controllers are not enforced.
        #expect(psa.keys.sorted() == [PodSecurityAnnotations.auditViolations])
        #expect(psa[PodSecurityAnnotations.auditViolations]?.hasPrefix("would violate PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false") == true)
        #expect(try Self.clean(r, out, "RequestResponse").isEmpty)
    }

    @Test func subresourcesAndPodUpdatesWithTheSameImagesAreNotEvaluated() throws {
        let status = Self.create("/api/v1/namespaces/payments/pods/web-1/status", body: "privileged-pod", status: 200,
                                 method: "PATCH")
        let out = try #require(try Self.builder("Metadata").events(for: status, index: 0))
        #expect(out.admission?.annotations == [:] && out.status == 200)
        let update = Self.create("/api/v1/namespaces/payments/pods/web-1", body: "privileged-pod", status: 200, method: "PUT")
        let updated = try #require(try Self.builder("Metadata").events(for: update, index: 0))
        #expect(updated.admission?.annotations == [:] && updated.status == 200)
        #expect(try Self.clean(update, updated, "Metadata").isEmpty)
    }

    @Test(arguments: [401, 403])
    func requestsThatNeverReachAdmissionCarryNoPodSecurityAnnotations(status: Int) throws {
        let r = Self.create("/api/v1/namespaces/payments/pods", body: "privileged-pod", user: status == 401 ? nil : Self.bob,
                            status: status)
        let out = try #require(try Self.builder("RequestResponse").events(for: r, index: 0))
        #expect(out.admission == nil)
        for e in out.events {
            #expect(!e.annotations.keys.contains { $0.hasPrefix("pod-security.kubernetes.io/") })
            #expect(e.responseStatus?.message.contains("PodSecurity") == false)
        }
        #expect(try Self.clean(r, out, "RequestResponse").isEmpty)
    }

    @Test func theRulesCatchMissingAnnotationsAndWrongStatuses() throws {
        let r = Self.create("/api/v1/namespaces/payments/pods", body: "privileged-pod")
        let out = try #require(try Self.builder("RequestResponse").events(for: r, index: 0))
        func broken(_ change: (inout EventBuilder.Output) -> Void) throws -> [String] {
            var o = out
            change(&o)
            return try Self.clean(r, o, "RequestResponse")
        }
        #expect(try !broken { $0.events[0].annotations[PodSecurityAnnotations.auditViolations] = nil }.isEmpty)
        #expect(try !broken { $0.events[0].annotations[PodSecurityAnnotations.enforcePolicy] = "restricted:latest" }.isEmpty)
        #expect(try !broken { $0.events[0].responseStatus = ResponseStatus(code: 201) }.isEmpty)
        #expect(try !broken { $0.events[0].responseStatus?.details = #"{"kind":"pods"}"# }.isEmpty)
        #expect(try !broken { $0.events[0].responseObject = "{}" }.isEmpty)
        #expect(try !broken { $0.status = 201 }.isEmpty)
        // A controller refused is caught too.
        let d = Self.create("/apis/apps/v1/namespaces/strict/deployments", body: "deployment")
        var dout = try #require(try Self.builder("Metadata").events(for: d, index: 0))
        dout.status = 403
        dout.events[0].responseStatus = ResponseStatus(code: 403, status: "Failure",
                                                       message: "deployments.apps \"x\" is forbidden: violates PodSecurity", reason: "Forbidden")
        #expect(!EventRules.violations(d, dout, evaluator: try Self.evaluator("Metadata"), namespaceLabels: Self.labels).isEmpty)
    }

    @Test func scenariosCarryNamespaceLabelsAndInheritThemFromTheBase() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let s = try Scenario.load(path: root.appendingPathComponent("Labs/scenarios/workloads-pss.yaml").path)
        #expect(s.labels(ofNamespace: "payments")["pod-security.kubernetes.io/enforce"] == "baseline")
        #expect(s.labels(ofNamespace: "kube-system")["pod-security.kubernetes.io/enforce"] == "privileged")
        #expect(s.labels(ofNamespace: "default").isEmpty)
        let bad = """
            format_version: 1
            id: s
            title: t
            start: "2026-03-02T09:00:00Z"
            nodes: 1
            namespaces: [default]
            namespace_labels:
              default: [enforce]
            actors: []
            incidents: []
            """
        #expect(throws: ContentError.self) { try Scenario.load(bad) }
    }
}
