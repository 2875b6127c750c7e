import Testing
@testable import RBAC

/// `authorize` looks bindings up by subject; `visitRules` walks every binding as
/// `VisitRulesFor` does. On a random cluster they must give the same decisions and reasons.
@Suite struct AuthorizerDifferentialTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
    }

    static let namespaces = ["a", "b", "c"]
    static let verbs = ["get", "list", "delete", "*"]
    static let resources = ["pods", "pods/log", "secrets", "*", "*/log"]

    func cluster(_ g: inout Generator) -> [RBACObject] {
        var objects: [RBACObject] = []
        for i in 0..<30 {
            var rules = (0..<2).map { _ in
                PolicyRule(verbs: [g.pick(Self.verbs)], apiGroups: [g.pick(["", "*", "apps"])], resources: [g.pick(Self.resources)],
                           resourceNames: g.pick([[], [], ["x"]]))
            }
            rules.append(PolicyRule(verbs: [g.pick(Self.verbs)], nonResourceURLs: [g.pick(["/healthz", "/api/*", "*"])]))
            let cluster = i % 3 == 0
            objects.append(.role(RoleObject(kind: cluster ? .clusterRole : .role, name: "r\(i % 10)",
                                            namespace: cluster ? "" : g.pick(Self.namespaces), rules: rules)))
        }
        for i in 0..<60 {
            let subjects = (0..<2).map { _ in
                g.pick([Subject(kind: "User", name: g.pick(["u1", "u2", "u3"])), Subject(kind: "Group", name: g.pick(["g1", "g2", ""])),
                        Subject(kind: "ServiceAccount", name: "sa", namespace: g.pick(["", "a", "b"])), Subject(kind: "Bogus", name: "u1")])
            }
            let cluster = i % 4 == 0
            objects.append(.binding(BindingObject(kind: cluster ? .clusterRoleBinding : .roleBinding, name: "b\(i)",
                                                  namespace: cluster ? "" : g.pick(Self.namespaces),
                                                  roleRef: RoleRef(kind: g.pick(["Role", "ClusterRole", "ClusterRole", "Thing"]),
                                                                   name: "r\(Int(g.next() % 12))"),
                                                  subjects: subjects)))
        }
        return objects
    }

    /// The authorizing visitor of `rbac.go` over `visitRules`.
    func reference(_ a: RBACAuthorizer, _ request: AuthorizationRequest, _ user: UserInfo) -> (Bool, String) {
        var allowed = false, reason = "", errors: [String] = []
        a.visitRules(for: user, namespace: request.namespace) { visit in
            switch visit {
            case .rule(let grant):
                if RuleMatching.allows(grant.rule, request) {
                    allowed = true
                    reason = "RBAC: allowed by " + grant.description
                    return false
                }
            case .error(let e):
                errors.append(e)
            }
            return true
        }
        if !allowed && !errors.isEmpty { reason = "RBAC: " + ErrorAggregate.message(errors) }
        return (allowed, reason)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64]) func indexedLookupAgreesWithTheVisitor(_ seed: UInt64) {
        var g = Generator(state: seed)
        let a = RBACAuthorizer(objects: cluster(&g))
        var allowedCount = 0
        for _ in 0..<2_000 {
            let user = g.pick([UserInfo(name: "u1", groups: ["g1"]), UserInfo(name: "u2", groups: [""]),
                               UserInfo(name: "system:serviceaccount:a:sa", groups: ["g2"]), UserInfo(name: "u3")])
            let request = AuthorizationRequest(verb: g.pick(["get", "list", "delete"]), apiGroup: g.pick(["", "apps"]),
                                               resource: g.pick(["pods", "secrets"]), subresource: g.pick(["", "log"]),
                                               name: g.pick(["", "x"]), namespace: g.pick(Self.namespaces + [""]))
            let asked = g.next() % 5 == 0 ? AuthorizationRequest.nonResource(verb: request.verb, path: g.pick(["/healthz", "/api/v1", "/metrics"]))
                : request
            let d = a.authorize(asked, as: user)
            let (allowed, reason) = reference(a, asked, user)
            #expect(d.allowed == allowed && d.reason == reason, "\(user) \(asked)")
            if allowed { allowedCount += 1 }
        }
        #expect(allowedCount > 100, "the random cluster allows a fair share")
    }
}
