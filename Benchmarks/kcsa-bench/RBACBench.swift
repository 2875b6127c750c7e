import Foundation
import RBAC

/// RBAC authorizer throughput: a cluster of the default policy plus ~100 roles and
/// ~200 bindings over ten namespaces, asked a seeded mix of requests (about 40 % of
/// them allowed) from bound users, service accounts, groups and strangers.
enum RBACBench {
    static func main(_ args: [String]) {
        var count = 200_000, iterations = 5, seed: UInt64 = 42
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--requests": count = Int(value) ?? count; i += 1
            case "--iterations": iterations = max(1, Int(value) ?? iterations); i += 1
            case "--seed": seed = UInt64(value) ?? seed; i += 1
            default: print("unknown option \(args[i])"); exit(2)
            }
            i += 1
        }
        var rng = Generator(seed)
        let cluster = makeCluster(&rng)
        var start = threadCPUNanos()
        let authorizer = RBACAuthorizer(objects: BootstrapPolicy.objects + cluster)
        let buildMillis = Double(threadCPUNanos() - start) / 1e6
        let requests = makeRequests(count, &rng)

        var allowed = 0
        for (user, request) in requests.prefix(10_000) where authorizer.authorize(request, as: user).allowed { allowed += 1 }
        var perAuth: [Double] = []
        for _ in 0..<iterations {
            allowed = 0
            start = threadCPUNanos()
            for (user, request) in requests where authorizer.authorize(request, as: user).allowed { allowed += 1 }
            perAuth.append(Double(threadCPUNanos() - start) / Double(requests.count))
        }
        perAuth.sort()
        let median = perAuth[perAuth.count / 2]
        let roles = authorizer.roles.count, bindings = authorizer.bindings.count
        print("rbac: \(roles) roles, \(bindings) bindings (defaults: \(BootstrapPolicy.objects.count) objects); authorizer built in \(String(format: "%.1f", buildMillis)) ms")
        print("rbac: \(requests.count) requests, \(allowed) allowed (\(String(format: "%.0f", 100 * Double(allowed) / Double(requests.count)))%)")
        print("rbac: \(String(format: "%.0f", median)) ns per authorization (median of \(iterations); best \(String(format: "%.0f", perAuth[0]))) = \(String(format: "%.2f", 1e3 / median)) million authorizations/s on one core")
    }

    static let namespaces = (0..<10).map { "team-\($0)" }
    static let resources: [(group: String, resource: String)] = [
        ("", "pods"), ("", "services"), ("", "configmaps"), ("", "secrets"), ("apps", "deployments"),
        ("apps", "statefulsets"), ("batch", "jobs"), ("networking.k8s.io", "ingresses"), ("", "pods/log"),
        ("", "persistentvolumeclaims"),
    ]
    static let verbs = ["get", "list", "watch", "create", "update", "patch", "delete"]

    /// 80 Roles and 20 ClusterRoles; 170 RoleBindings and 30 ClusterRoleBindings.
    static func makeCluster(_ rng: inout Generator) -> [RBACObject] {
        var objects: [RBACObject] = []
        for r in 0..<100 {
            var rules: [PolicyRule] = []
            for _ in 0..<(3 + rng.next(5)) {
                let res = resources[rng.next(resources.count)]
                let vs = Array(verbs.shuffled(using: &rng).prefix(3 + rng.next(5)))
                let names = rng.next(8) == 0 ? ["item-\(rng.next(10))"] : []
                rules.append(PolicyRule(verbs: vs, apiGroups: [res.group], resources: [res.resource], resourceNames: names))
            }
            let isCluster = r >= 80
            objects.append(.role(RoleObject(kind: isCluster ? .clusterRole : .role, name: "role-\(r)",
                                            namespace: isCluster ? "" : namespaces[r % namespaces.count], rules: rules)))
        }
        for b in 0..<200 {
            let isCluster = b >= 170
            let ns = namespaces[b % namespaces.count]
            var subjects: [Subject] = []
            for _ in 0..<(1 + rng.next(3)) {
                switch rng.next(3) {
                case 0: subjects.append(Subject(kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "user-\(rng.next(60))"))
                case 1: subjects.append(Subject(kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "group-\(rng.next(15))"))
                default: subjects.append(Subject(kind: "ServiceAccount", name: "sa-\(rng.next(20))", namespace: isCluster ? ns : ""))
                }
            }
            let ref: RoleRef
            if isCluster || rng.next(4) == 0 {
                ref = RoleRef(kind: "ClusterRole", name: rng.next(6) == 0 ? ["view", "edit"][rng.next(2)] : "role-\(80 + rng.next(20))")
            } else {
                // A Role of the binding's namespace.
                ref = RoleRef(kind: "Role", name: "role-\((b % namespaces.count) + namespaces.count * rng.next(8))")
            }
            objects.append(.binding(BindingObject(kind: isCluster ? .clusterRoleBinding : .roleBinding, name: "binding-\(b)",
                                                  namespace: isCluster ? "" : ns, roleRef: ref, subjects: subjects)))
        }
        return objects
    }

    static func makeRequests(_ count: Int, _ rng: inout Generator) -> [(UserInfo, AuthorizationRequest)] {
        (0..<count).map { _ in
            let ns = namespaces[rng.next(namespaces.count)]
            let user: UserInfo
            switch rng.next(8) {
            case 0, 1: user = .impersonating("system:serviceaccount:\(ns):sa-\(rng.next(20))", groups: [])
            case 7: user = .impersonating("stranger-\(rng.next(100))", groups: [])
            default: user = .impersonating("user-\(rng.next(60))", groups: ["group-\(rng.next(15))"])
            }
            let res = resources[rng.next(resources.count)]
            let parts = res.resource.split(separator: "/").map(String.init)
            let request = AuthorizationRequest(verb: verbs[rng.next(verbs.count)], apiGroup: res.group, resource: parts[0],
                                               subresource: parts.count > 1 ? parts[1] : "",
                                               name: rng.next(2) == 0 ? "item-\(rng.next(10))" : "", namespace: ns)
            return (user, request)
        }
    }

    /// A small seeded generator (SplitMix64), so runs are comparable.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func next(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }
}
