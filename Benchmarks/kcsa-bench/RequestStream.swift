import ClusterSim
import KubeAudit
import Seeded

/// A deterministic, realistic mix of API-server traffic for benchmarks: kubelets,
/// kube-proxy, controllers, the scheduler, health probes, people with kubectl, CI
/// service accounts, authentication reviews and failed logins, in the proportions a
/// busy production cluster shows. Requests are built from method + URL through
/// `RequestInfo`, exactly as the apiserver derives attributes.
struct RequestStream {
    struct Actor {
        var name: String
        var weight: Int
        var make: (inout SeededGenerator) -> (String, String, UserInfo?)
    }

    static let namespaces = ["default", "prod", "staging", "kube-system", "monitoring", "payments", "web", "ci"]

    static func actors(nodes: Int) -> [Actor] {
        func pick<T>(_ xs: [T], _ r: inout SeededGenerator) -> T { xs[Int(r.next() % UInt64(xs.count))] }
        func ns(_ r: inout SeededGenerator) -> String { pick(namespaces, &r) }
        func pod(_ r: inout SeededGenerator) -> String { "app-\(r.next() % 400)-\(String(r.next() % 0xfffff, radix: 36))" }
        let authed = "system:authenticated"
        return [
            Actor(name: "kubelet", weight: 26) { r in
                let n = "node-\(r.next() % UInt64(nodes))"
                let user = UserInfo(username: "system:node:\(n)", groups: ["system:nodes", authed])
                switch r.next() % 6 {
                case 0: return ("PATCH", "/api/v1/nodes/\(n)/status", user)
                case 1: return ("PUT", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/\(n)", user)
                case 2: return ("GET", "/api/v1/pods?fieldSelector=spec.nodeName%3D\(n)&watch=true", user)
                case 3: return ("PATCH", "/api/v1/namespaces/\(ns(&r))/pods/\(pod(&r))/status", user)
                case 4: return ("GET", "/api/v1/namespaces/\(ns(&r))/secrets?fieldSelector=metadata.name%3Ddb-creds&watch=true", user)
                default: return ("GET", "/api/v1/namespaces/\(ns(&r))/configmaps?fieldSelector=metadata.name%3Dkube-root-ca.crt&watch=true", user)
                }
            },
            Actor(name: "kube-proxy", weight: 8) { r in
                let user = UserInfo(username: "system:kube-proxy", groups: [authed])
                switch r.next() % 3 {
                case 0: return ("GET", "/api/v1/endpoints?watch=true", user)
                case 1: return ("GET", "/api/v1/services?watch=true", user)
                default: return ("GET", "/apis/discovery.k8s.io/v1/endpointslices?watch=true", user)
                }
            },
            Actor(name: "controllers", weight: 18) { r in
                let sa = pick(["deployment-controller", "replicaset-controller", "endpoint-controller",
                               "endpointslice-controller", "namespace-controller", "job-controller"], &r)
                let user = UserInfo(username: "system:serviceaccount:kube-system:\(sa)",
                                    groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system", authed])
                switch r.next() % 8 {
                case 0: return ("GET", "/apis/apps/v1/replicasets?watch=true", user)
                case 1: return ("PUT", "/apis/apps/v1/namespaces/\(ns(&r))/deployments/web/status", user)
                case 2: return ("POST", "/api/v1/namespaces/\(ns(&r))/pods", user)
                case 3: return ("PUT", "/api/v1/namespaces/\(ns(&r))/endpoints/web", user)
                case 4: return ("GET", "/api/v1/namespaces/\(ns(&r))/pods", user)
                case 5: return ("PATCH", "/apis/apps/v1/namespaces/\(ns(&r))/replicasets/web-\(r.next() % 50)", user)
                case 6: return ("PUT", "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager",
                                UserInfo(username: "system:kube-controller-manager", groups: [authed]))
                default: return ("DELETE", "/api/v1/namespaces/\(ns(&r))/pods/\(pod(&r))", user)
                }
            },
            Actor(name: "scheduler", weight: 5) { r in
                let user = UserInfo(username: "system:kube-scheduler", groups: [authed])
                switch r.next() % 3 {
                case 0: return ("POST", "/api/v1/namespaces/\(ns(&r))/pods/\(pod(&r))/binding", user)
                case 1: return ("GET", "/api/v1/pods?watch=true&fieldSelector=status.phase%21%3DSucceeded", user)
                default: return ("PUT", "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler", user)
                }
            },
            Actor(name: "probes", weight: 12) { r in
                let user = UserInfo(username: pick(["system:anonymous", "system:serviceaccount:monitoring:prometheus"], &r),
                                    groups: ["system:unauthenticated"])
                return ("GET", pick(["/healthz", "/livez", "/readyz", "/metrics", "/version", "/api", "/apis",
                                     "/openapi/v2", "/readyz/etcd"], &r), user)
            },
            Actor(name: "humans", weight: 14) { r in
                let user = UserInfo(username: pick(["alice@example.com", "bob@example.com", "carol@example.com",
                                                    "dave@example.com"], &r),
                                    groups: [pick(["developers", "sre", "security"], &r), authed])
                let n = ns(&r)
                switch r.next() % 12 {
                case 0: return ("GET", "/api/v1/namespaces/\(n)/pods", user)
                case 1: return ("GET", "/api/v1/namespaces/\(n)/pods/\(pod(&r))", user)
                case 2: return ("GET", "/api/v1/namespaces/\(n)/secrets/db-creds", user)
                case 3: return ("GET", "/api/v1/namespaces/\(n)/configmaps", user)
                case 4: return ("POST", "/api/v1/namespaces/\(n)/pods/\(pod(&r))/exec?command=sh&stdin=true&tty=true", user)
                case 5: return ("GET", "/api/v1/namespaces/\(n)/pods/\(pod(&r))/log?follow=true", user)
                case 6: return ("PATCH", "/apis/apps/v1/namespaces/\(n)/deployments/web", user)
                case 7: return ("DELETE", "/api/v1/namespaces/\(n)/pods/\(pod(&r))", user)
                case 8: return ("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/\(n)/rolebindings", user)
                case 9: return ("GET", "/apis/apps/v1/namespaces/\(n)/deployments", user)
                case 10: return ("POST", "/api/v1/namespaces/\(n)/pods/\(pod(&r))/portforward", user)
                default: return ("DELETE", "/apis/networking.k8s.io/v1/namespaces/\(n)/networkpolicies/default-deny", user)
                }
            },
            Actor(name: "ci", weight: 9) { r in
                let user = UserInfo(username: "system:serviceaccount:ci:deployer",
                                    groups: ["system:serviceaccounts", "system:serviceaccounts:ci", authed])
                let n = ns(&r)
                switch r.next() % 5 {
                case 0: return ("PATCH", "/apis/apps/v1/namespaces/\(n)/deployments/api", user)
                case 1: return ("PUT", "/api/v1/namespaces/\(n)/configmaps/app-config", user)
                case 2: return ("GET", "/api/v1/namespaces/\(n)/secrets/registry", user)
                case 3: return ("POST", "/api/v1/namespaces/\(n)/services", user)
                default: return ("POST", "/api/v1/namespaces/\(n)/serviceaccounts/deployer/token", user)
                }
            },
            Actor(name: "reviews", weight: 5) { r in
                let user = UserInfo(username: "system:kube-apiserver", groups: [authed])
                return r.next() % 2 == 0 ? ("POST", "/apis/authentication.k8s.io/v1/tokenreviews", user)
                    : ("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", user)
            },
            Actor(name: "unauthenticated", weight: 3) { r in
                ("GET", pick(["/api/v1/secrets", "/api/v1/namespaces/kube-system/pods", "/apis", "/api/v1/nodes"], &r), nil)
            },
        ]
    }

    /// `count` requests drawn by actor weight, reproducibly from `seed`.
    static func generate(count: Int, seed: UInt64 = 42, nodes: Int = 100) -> (requests: [RequestAttributes], mix: [String: Int]) {
        var rng = SeededGenerator(seed: seed)
        let actors = actors(nodes: nodes)
        let total = actors.reduce(0) { $0 + $1.weight }
        var out: [RequestAttributes] = []
        out.reserveCapacity(count)
        var mix: [String: Int] = [:]
        while out.count < count {
            var roll = Int(rng.next() % UInt64(total))
            var actor = actors[0]
            for a in actors {
                if roll < a.weight { actor = a; break }
                roll -= a.weight
            }
            let (method, url, user) = actor.make(&rng)
            guard let info = try? RequestInfo.parse(method: method, url: url, user: user) else { continue }
            out.append(info.attributes)
            mix[actor.name, default: 0] += 1
        }
        return (out, mix)
    }
}
