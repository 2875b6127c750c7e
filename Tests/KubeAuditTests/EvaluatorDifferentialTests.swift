import ClusterSim
import Testing
@testable import KubeAudit
import Seeded

/// The compiled evaluator (fingerprints, rule index) against the plain reading of the
/// apiserver's rules in `RuleCheck`, over many generated policies and requests.
@Suite struct EvaluatorDifferentialTests {
    struct Rng {
        var generator: SeededGenerator
        init(state: UInt64) { generator = SeededGenerator(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
        mutating func some<T>(_ xs: [T], max: Int = 3) -> [T] {
            (0..<Int(next() % UInt64(max + 1))).map { _ in pick(xs) }
        }
        mutating func chance(_ n: UInt64) -> Bool { next() % n == 0 }
    }

    static let verbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "proxy", "*"]
    static let groups = ["", "apps", "rbac.authorization.k8s.io", "*", "batch", "networking.k8s.io"]
    static let resources = ["pods", "pods/exec", "pods/*", "*/status", "secrets", "*", "deployments", "deployments/scale",
                            "configmaps", "*/*", "roles", "pods/log/x", "services"]
    static let names = ["web", "db", "", "kube-root-ca.crt"]
    static let namespaces = ["", "default", "kube-system", "prod"]
    static let users = ["alice", "system:kube-proxy", "system:serviceaccount:ci:deployer", "*"]
    static let userGroups = ["system:authenticated", "developers", "system:nodes"]
    static let urls = ["/healthz*", "/metrics", "*", "/api*", "/logs/*", "/version"]

    static func randomPolicy(_ r: inout Rng) -> AuditPolicy {
        var rules: [PolicyRule] = []
        for _ in 0..<(1 + Int(r.next() % 8)) {
            var rule = PolicyRule(level: r.pick(AuditLevel.names))
            if r.chance(3) { rule.users = r.some(users) }
            if r.chance(3) { rule.userGroups = r.some(userGroups) }
            if r.chance(2) { rule.verbs = r.some(verbs) }
            if r.chance(4) {
                rule.nonResourceURLs = r.some(urls)
            } else {
                if r.chance(2) {
                    rule.resources = (0..<(1 + Int(r.next() % 3))).map { _ in
                        let res = r.some(resources)
                        return GroupResources(group: r.pick(groups), resources: res,
                                              resourceNames: res.isEmpty ? [] : r.some(names, max: 2))
                    }
                }
                if r.chance(3) { rule.namespaces = r.some(namespaces) }
            }
            if r.chance(3) { rule.omitStages = r.some(AuditStage.names, max: 2) }
            if r.chance(4) { rule.omitManagedFields = r.chance(2) }
            rules.append(rule)
        }
        return AuditPolicy(rules: rules, omitStages: r.some(AuditStage.names, max: 2), omitManagedFields: r.chance(2))
    }

    static func randomRequest(_ r: inout Rng) -> RequestAttributes {
        let user: UserInfo? = r.chance(8) ? nil : UserInfo(username: r.pick(users), groups: r.some(userGroups))
        if r.chance(4) {
            return RequestAttributes(user: user, verb: r.pick(["get", "post", "head"]),
                                     path: r.pick(["/healthz", "/healthz/etcd", "/metrics", "/apis", "/logs", "/logs/a", "/version"]),
                                     resourceRequest: false)
        }
        let res = r.pick(["pods", "secrets", "deployments", "configmaps", "roles", "services", "*"])
        let sub = r.pick(["", "", "exec", "status", "scale", "log", "*"])
        return RequestAttributes(user: user, verb: r.pick(verbs), namespace: r.pick(namespaces),
                                 apiGroup: r.pick(groups.filter { $0 != "*" }), apiVersion: "v1", resource: res,
                                 subresource: sub, name: r.pick(names), path: "/x", resourceRequest: true)
    }

    @Test(arguments: 0..<40)
    func compiledEvaluatorAgreesWithThePlainReading(seed: Int) throws {
        var r = Rng(state: UInt64(seed) &* 7919)
        let policy = Self.randomPolicy(&r)
        let evaluator = try PolicyEvaluator(policy)
        for _ in 0..<500 {
            let a = Self.randomRequest(&r)
            let expected = policy.rules.firstIndex { RuleCheck.firstFailure($0, a) == nil }
            let got = evaluator.evaluate(a)
            #expect(got.rule == expected, "policy \(policy.rules) request \(a.summary) user \(String(describing: a.user))")
            if let i = expected {
                #expect(got.level.rawValue == policy.rules[i].level)
                let stages = Set(policy.omitStages + policy.rules[i].omitStages)
                #expect(Set(got.omitStages.names) == stages)
                #expect(got.omitManagedFields == (policy.rules[i].omitManagedFields ?? policy.omitManagedFields))
            } else {
                #expect(got.level == .none)
            }
        }
    }

    @Test func batchAndSingleEvaluationAgree() throws {
        var r = Rng(state: 99)
        let evaluator = try PolicyEvaluator(Self.randomPolicy(&r))
        let requests = (0..<300).map { _ in Self.randomRequest(&r) }
        var batch: [PolicyDecision] = []
        evaluator.evaluate(requests) { _, d in batch.append(d) }
        #expect(batch == requests.map(evaluator.evaluate))
    }

    @Test func largePoliciesAreEvaluatedWithoutTheIndex() throws {
        // 70 rules: more than the 64 the rule index handles.
        var rules = (0..<69).map { PolicyRule(level: "None", users: ["user\($0)"]) }
        rules.append(PolicyRule(level: "Metadata"))
        let evaluator = try PolicyEvaluator(AuditPolicy(rules: rules))
        #expect(evaluator.evaluate(RequestAttributes(user: UserInfo(username: "user68"), verb: "get", resourceRequest: false)).rule == 68)
        #expect(evaluator.evaluate(RequestAttributes(user: UserInfo(username: "x"), verb: "get", resourceRequest: false)).rule == 69)
    }

    @Test func mutatingAttributesUpdatesWhatIsMatched() throws {
        let loaded = loadPolicy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: RequestResponse
          verbs: ["deletecollection"]
        - level: Metadata
          resources: [{group: "", resources: ["secrets"]}]
        """)
        let evaluator = try #require(loaded.evaluator())
        var a = RequestAttributes(user: UserInfo(username: "u"), verb: "get", apiGroup: "", resource: "pods",
                                  resourceRequest: true)
        let copy = a
        #expect(evaluator.evaluate(a).level == .none)
        a.resource = "secrets"
        #expect(evaluator.evaluate(a).level == .metadata)
        a.verb = "deletecollection"
        #expect(evaluator.evaluate(a).level == .requestResponse)
        // The copy taken before is unchanged (value semantics).
        #expect(evaluator.evaluate(copy).level == .none)
    }
}
