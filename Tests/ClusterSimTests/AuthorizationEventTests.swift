import Foundation
import Testing
@testable import ClusterSim
@testable import KubeAudit
import RBAC

/// Simulated requests are authorized as kube-apiserver's chain authorizes them
/// (system:masters, Node, RBAC): the `authorization.k8s.io/*` annotations are the engine's,
/// a refusal is the Forbidden Status, RBAC writes are checked for escalation and change
/// the cluster for the requests after them.
@Suite struct AuthorizationEventTests {
    static func builder(_ level: String, cluster: ClusterState = .bootstrap) throws -> EventBuilder {
        let policy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: \(level)\n"
        return EventBuilder(evaluator: try #require(PolicyLoader.load(.init(name: "p", text: policy)).evaluator()), seed: 5,
                            cluster: cluster)
    }

    static func request(_ method: String, _ url: String, user: String, groups: [String] = ["system:authenticated"],
                        status: Int = 200, body: String? = nil, impersonate: String? = nil) -> SimRequest {
        SimRequest(time: 1_772_442_000_000_000, method: method, url: url,
                   user: KubeAudit.UserInfo(username: user, groups: groups), userAgent: "kubectl/v1.36.0",
                   sourceIP: "203.0.113.9", status: status, body: body, incident: nil, impersonate: impersonate)
    }

    /// A cluster from RBAC YAML on top of the bootstrap policy.
    static func cluster(_ yaml: String) throws -> ClusterState {
        let result = RBACObjectDecoder.decode(.init(name: "rbac.yaml", text: yaml))
        #expect(!result.hasErrors)
        var objects = ScenarioObjects()
        objects.add(result.objects)
        return ClusterState(objects)
    }

    static let viewerInDev = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: alice-view, namespace: dev}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: User, apiGroup: rbac.authorization.k8s.io, name: alice@example.com}]
        """

    // MARK: golden events

    @Test func aDeniedListIsTheForbiddenStatusByteForByte() throws {
        let builder = try Self.builder("RequestResponse")
        let r = Self.request("GET", "/api/v1/namespaces/default/pods", user: "x")
        let out = try #require(builder.events(for: r, index: 0))
        #expect(out.status == 403)
        let line = AuditEventEncoder.json(try #require(out.events.last))
        #expect(line == #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"\#(out.auditID)","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/pods","verb":"list","user":{"username":"x","groups":["system:authenticated"]},"sourceIPs":["203.0.113.9"],"userAgent":"kubectl/v1.36.0","objectRef":{"resource":"pods","namespace":"default","apiVersion":"v1"},"responseStatus":{"metadata":{},"status":"Failure","message":"pods is forbidden: User \"x\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403},"responseObject":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"x\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403},"requestReceivedTimestamp":"2026-03-02T09:00:00.000000Z","stageTimestamp":"\#(MicroTime.format(out.events.last!.stageTimestamp))","annotations":{"authorization.k8s.io/decision":"forbid","authorization.k8s.io/reason":""}}"# + "\n")
        #expect(EventRules.violations(r, out, evaluator: builder.evaluator).isEmpty)
    }

    @Test func anAllowedReadCarriesTheEnginesReason() throws {
        let builder = try Self.builder("Metadata", cluster: try Self.cluster(Self.viewerInDev))
        let r = Self.request("GET", "/api/v1/namespaces/dev/configmaps/app-config", user: "alice@example.com")
        let out = try #require(builder.events(for: r, index: 1))
        #expect(out.status == 200)
        let line = AuditEventEncoder.json(try #require(out.events.last))
        #expect(line == #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"\#(out.auditID)","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/dev/configmaps/app-config","verb":"get","user":{"username":"alice@example.com","groups":["system:authenticated"]},"sourceIPs":["203.0.113.9"],"userAgent":"kubectl/v1.36.0","objectRef":{"resource":"configmaps","namespace":"dev","name":"app-config","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"2026-03-02T09:00:00.000000Z","stageTimestamp":"\#(MicroTime.format(out.events.last!.stageTimestamp))","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"RBAC: allowed by RoleBinding \"alice-view/dev\" of ClusterRole \"view\" to User \"alice@example.com\""}}"# + "\n")
        #expect(EventRules.violations(r, out, evaluator: builder.evaluator).isEmpty)
    }

    // MARK: the Forbidden message's shapes (responsewriters.forbiddenMessage + NewForbidden)

    @Test(arguments: [
        ("GET", "/api/v1/nodes", "nodes is forbidden: User \"x\" cannot list resource \"nodes\" in API group \"\" at the cluster scope", #"{"kind":"nodes"}"#),
        ("GET", "/api/v1/namespaces/dev/pods/web-1/log", "pods \"web-1\" is forbidden: User \"x\" cannot get resource \"pods/log\" in API group \"\" in the namespace \"dev\"", #"{"name":"web-1","kind":"pods"}"#),
        ("DELETE", "/apis/apps/v1/namespaces/dev/deployments/web", "deployments.apps \"web\" is forbidden: User \"x\" cannot delete resource \"deployments\" in API group \"apps\" in the namespace \"dev\"", #"{"name":"web","group":"apps","kind":"deployments"}"#),
        ("GET", "/metrics", "forbidden: User \"x\" cannot get path \"/metrics\"", "{}"),
    ])
    func forbiddenMessages(method: String, url: String, message: String, details: String) throws {
        let builder = try Self.builder("Metadata")
        let out = try #require(builder.events(for: Self.request(method, url, user: "x"), index: 2))
        let status = try #require(out.events.last?.responseStatus)
        #expect(status.code == 403 && status.reason == "Forbidden")
        #expect(status.message == message)
        #expect(status.details == details)
    }

    @Test func theSanitizerEscapesMarkupAndTheReasonIsAppended() {
        let a = ForbiddenStatus.Attributes(user: "<b>&", verb: "get", resource: "pods", namespace: "dev")
        let s = ForbiddenStatus.authorization(a, reason: "RBAC: clusterrole.rbac.authorization.k8s.io \"gone\" not found")
        #expect(s.message == "pods is forbidden: User \"&lt;b&gt;&amp;\" cannot get resource \"pods\" in API group \"\" in the namespace \"dev\": RBAC: clusterrole.rbac.authorization.k8s.io \"gone\" not found")
    }

    // MARK: the chain

    @Test func systemMastersIsAllowedWithAnEmptyReason() throws {
        let builder = try Self.builder("Metadata")
        let r = Self.request("GET", "/api/v1/secrets", user: "admin", groups: ["system:masters", "system:authenticated"])
        let out = try #require(builder.events(for: r, index: 3))
        #expect(out.status == 200)
        #expect(out.events.last?.annotations == ["authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": ""])
    }

    @Test func theNodeAuthorizerDecidesKubeletRequests() throws {
        let builder = try Self.builder("Metadata")
        let node = ["system:nodes", "system:authenticated"]
        let own = Self.request("PUT", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1", user: "system:node:node-1",
                               groups: node, body: "lease")
        #expect(try #require(builder.events(for: own, index: 4)).status == 200)
        let other = Self.request("PUT", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-2", user: "system:node:node-1",
                                 groups: node, body: "lease")
        let out = try #require(builder.events(for: other, index: 5))
        #expect(out.status == 403)
        #expect(out.events.last?.annotations["authorization.k8s.io/reason"] == "can only access node lease with the same name as the requesting node")
        let pods = Self.request("GET", "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1&watch=true", user: "system:node:node-1", groups: node)
        #expect(try #require(builder.events(for: pods, index: 6)).status == 200)
        let allPods = Self.request("GET", "/api/v1/pods", user: "system:node:node-1", groups: node)
        let denied = try #require(builder.events(for: allPods, index: 7))
        #expect(denied.status == 403)
        #expect(denied.events.last?.responseStatus?.message
                == "pods is forbidden: User \"system:node:node-1\" cannot list resource \"pods\" in API group \"\" at the cluster scope: can only list/watch pods with spec.nodeName field selector")
    }

    @Test func refusedImpersonationIsForbiddenWithoutAuthorizationAnnotations() throws {
        let builder = try Self.builder("Metadata", cluster: try Self.cluster(Self.viewerInDev))
        let r = Self.request("GET", "/api/v1/namespaces/dev/pods", user: "alice@example.com", impersonate: "system:serviceaccount:dev:builder")
        let out = try #require(builder.events(for: r, index: 8))
        #expect(out.status == 403)
        let last = try #require(out.events.last)
        #expect(last.responseStatus?.message == "serviceaccounts \"builder\" is forbidden: User \"alice@example.com\" cannot impersonate resource \"serviceaccounts\" in API group \"\" in the namespace \"dev\"")
        #expect(last.annotations.isEmpty)
        #expect(last.impersonatedUser == nil)
        #expect(EventRules.violations(r, out, evaluator: builder.evaluator).isEmpty)
    }

    // MARK: escalation and state

    static let provisioner = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: binder}
        rules:
        - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterrolebindings], verbs: [create]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: binder}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: binder}
        subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
        """

    static let ci = "system:serviceaccount:ci:deployer"
    static let ciGroups = ["system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"]

    @Test func aBindingOfCluserAdminWithoutBindIsAnEscalation() throws {
        let builder = try Self.builder("Metadata", cluster: try Self.cluster(Self.provisioner))
        let r = Self.request("POST", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", user: Self.ci, groups: Self.ciGroups,
                             status: 201, body: "self-cluster-admin-binding")
        let out = try #require(builder.events(for: r, index: 9))
        #expect(out.status == 403)
        #expect(out.change == nil)
        let last = try #require(out.events.last)
        // Authorization allowed the create; the storage's escalation check refused it.
        #expect(last.annotations["authorization.k8s.io/decision"] == "allow")
        let message = try #require(last.responseStatus?.message)
        #expect(message.hasPrefix("clusterrolebindings.rbac.authorization.k8s.io \"clusterrolebinding-"))
        #expect(message.contains("is forbidden: user \"system:serviceaccount:ci:deployer\" (groups=[\"system:serviceaccounts\" \"system:serviceaccounts:ci\" \"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[\"*\"], Resources:[\"*\"], Verbs:[\"*\"]}"))
        #expect(last.responseStatus?.details?.contains(#""group":"rbac.authorization.k8s.io","kind":"clusterrolebindings"}"#) == true)
    }

    @Test func withBindTheBindingIsStoredAndAllowsTheLaterReads() throws {
        let withBind = Self.provisioner + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: binder-bind}
            rules: [{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: binder-bind}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: binder-bind}
            subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
            """
        var builder = try Self.builder("Metadata", cluster: try Self.cluster(withBind))
        let read = Self.request("GET", "/api/v1/namespaces/payments/secrets/db", user: Self.ci, groups: Self.ciGroups)
        #expect(try #require(builder.events(for: read, index: 10)).status == 403)
        let create = Self.request("POST", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", user: Self.ci,
                                  groups: Self.ciGroups, status: 201, body: "self-cluster-admin-binding")
        let out = try #require(builder.events(for: create, index: 11))
        #expect(out.status == 201)
        #expect(out.access?.escalation?.decidedBy == .bind)
        let change = try #require(out.change)
        builder.cluster.apply(change)
        let name = try #require(out.events.last?.objectRef?.name)
        let after = try #require(builder.events(for: read, index: 12))
        #expect(after.status == 200)
        #expect(after.events.last?.annotations["authorization.k8s.io/reason"]
                == "RBAC: allowed by ClusterRoleBinding \"\(name)\" of ClusterRole \"cluster-admin\" to ServiceAccount \"deployer/ci\"")
    }

    @Test func deletingARoleBindingTakesItsAccessAway() throws {
        var builder = try Self.builder("Metadata", cluster: try Self.cluster(Self.viewerInDev))
        let read = Self.request("GET", "/api/v1/namespaces/dev/pods", user: "alice@example.com")
        #expect(try #require(builder.events(for: read, index: 13)).status == 200)
        let delete = Self.request("DELETE", "/apis/rbac.authorization.k8s.io/v1/namespaces/dev/rolebindings/alice-view",
                                  user: "admin", groups: ["system:masters"], body: "rolebinding")
        let out = try #require(builder.events(for: delete, index: 14))
        builder.cluster.apply(try #require(out.change))
        #expect(try #require(builder.events(for: read, index: 15)).status == 403)
    }

    // MARK: the incident scenarios

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func log(_ id: String) throws -> AuditLog {
        let s = try Scenario.load(path: root.appendingPathComponent("Labs/scenarios/\(id).yaml").path)
        let policy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n"
        let evaluator = try #require(PolicyLoader.load(.init(name: "p", text: policy)).evaluator())
        return try AuditLog.generate(scenario: s, evaluator: evaluator, seed: 1, duration: 3_600_000_000)
    }

    @Test func theEscalationIncidentHoldsWithRealBindings() throws {
        let log = try Self.log("incident-escalation")
        let ci = log.events.filter { $0.stage == .responseComplete && $0.user?.username == Self.ci && $0.userAgent.hasPrefix("kubectl") }
        #expect(ci.map(\.responseStatus?.code) == [403, 403, 201, 200, 200, 200, 201])
        let binding = try #require(ci[2].objectRef?.name)
        #expect(ci[2].annotations["authorization.k8s.io/reason"]
                == "RBAC: allowed by ClusterRoleBinding \"ci-namespace-provisioner\" of ClusterRole \"ci-namespace-provisioner\" to ServiceAccount \"deployer/ci\"")
        for e in ci[3...] {
            #expect(e.annotations["authorization.k8s.io/reason"]
                    == "RBAC: allowed by ClusterRoleBinding \"\(binding)\" of ClusterRole \"cluster-admin\" to ServiceAccount \"deployer/ci\"")
        }
    }

    @Test func theTamperingIncidentDeletesThePolicyFromTheCluster() throws {
        let s = try Scenario.load(path: Self.root.appendingPathComponent("Labs/scenarios/incident-tampering.yaml").path)
        let before = try ClusterReplay.state(s, at: .before(incident: "networkpolicy-deleted"))
        let after = try ClusterReplay.state(s, at: .after(incident: "networkpolicy-deleted"))
        #expect(before.network.policies.contains { $0.name == "default-deny" && $0.namespace == "payments" })
        #expect(!after.network.policies.contains { $0.name == "default-deny" })
        #expect(after.network.policies.count == before.network.policies.count - 1)
        let end = try ClusterReplay.state(s, at: .after(incident: "evidence-deleted"))
        #expect(before.rbacObject(kind: "RoleBinding", namespace: "payments", name: "ops-temp") != nil)
        #expect(end.rbacObject(kind: "RoleBinding", namespace: "payments", name: "ops-temp") == nil)
        #expect(throws: ClusterReplay.Problem.self) { try ClusterReplay.state(s, at: .before(incident: "nope")) }
    }

    @Test func aDeclaredSuccessTheClusterRefusesIsAContentError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-authz-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let yaml = """
            format_version: 1
            id: claims
            title: Claims
            start: "2026-03-02T09:00:00Z"
            nodes: 1
            namespaces: [default]
            actors: []
            incidents:
              - id: read
                description: A read nobody allowed.
                at: 1m
                user: "mallory@example.com"
                user_agent: curl
                source_ip: "203.0.113.1"
                requests:
                  - {method: GET, url: "/api/v1/namespaces/default/secrets", status: 200}
            """
        try yaml.write(toFile: dir + "/claims.yaml", atomically: true, encoding: .utf8)
        let (count, problems) = Scenario.check(directory: dir)
        #expect(count == 1)
        let p = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(p.description.hasPrefix(dir + "/claims.yaml:16:"))
        #expect(p.description.contains("`incidents[0].requests[0].status` says the request succeeds, but the cluster refuses it: secrets is forbidden: User \"mallory@example.com\" cannot list resource \"secrets\""))
        try yaml.replacingOccurrences(of: "status: 200", with: "status: 403").write(toFile: dir + "/claims.yaml", atomically: true, encoding: .utf8)
        let (_, again) = Scenario.check(directory: dir)
        #expect(again.first?.description.contains("403 is decided by the authorizer") == true)
    }
}
