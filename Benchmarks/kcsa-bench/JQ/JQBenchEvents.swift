import KubeAudit
import JSONValue

/// Builds one audit event after another, as a busy cluster's API server logs
/// them: mostly reads by controllers and nodes, some humans, a few risky calls.
struct EventGenerator {
    private var rng: JQBenchRandom
    private var clock: Int = 1_714_557_600_000_000 // 2024-05-01T10:00:00Z in microseconds
    private var counter: UInt64 = 0

    init(seed: UInt64) {
        rng = JQBenchRandom(state: seed)
    }

    static let humans = (1...40).map { "user\($0)@example.com" } + ["alice@example.com", "bob@example.com", "mallory@example.com"]
    static let serviceAccounts = ["kube-system:replicaset-controller", "kube-system:deployment-controller",
                                  "kube-system:endpointslice-controller", "monitoring:prometheus", "ci:deployer",
                                  "default:default", "ingress-nginx:ingress-nginx", "cert-manager:cert-manager"]
    static let namespaces = ["default", "kube-system", "prod", "staging", "monitoring", "ci", "payments", "web"]
    static let nodeCount = 60

    enum Kind { case node, controller, human, anonymous }

    mutating func next() -> JSON {
        counter += 1
        clock += 1_000 + rng.below(20_000)
        let kind: Kind
        switch rng.below(100) {
        case 0 ..< 35: kind = .node
        case 35 ..< 75: kind = .controller
        case 75 ..< 98: kind = .human
        default: kind = .anonymous
        }
        let (username, groups) = user(kind)
        var resource = rng.pick(["pods", "pods", "pods", "configmaps", "secrets", "services", "deployments",
                                 "nodes", "leases", "events", "roles", "rolebindings", "clusterrolebindings"])
        var verb = rng.pick(["get", "get", "list", "watch", "list", "update", "patch", "create", "delete"])
        var subresource: String? = nil
        if kind == .human && resource == "pods" && rng.chance(25) {
            subresource = rng.pick(["exec", "attach", "log", "portforward"])
            verb = subresource == "log" ? "get" : "create"
        }
        if kind == .node && rng.chance(50) { resource = "leases"; verb = "update" }
        let namespace = resource == "nodes" || resource == "clusterrolebindings" ? nil : rng.pick(EventGenerator.namespaces)
        let name = verb == "list" || verb == "watch" ? nil : objectName(resource)
        let code = kind == .anonymous ? 401 : (rng.chance(4) ? 403 : (verb == "create" ? 201 : 200))
        let apiGroups: [String: String] = ["deployments": "apps", "roles": "rbac.authorization.k8s.io",
                                        "rolebindings": "rbac.authorization.k8s.io",
                                        "clusterrolebindings": "rbac.authorization.k8s.io", "leases": "coordination.k8s.io"]
        let group = apiGroups[resource]

        var uri = group.map { "/apis/\($0)/v1" } ?? "/api/v1"
        if let namespace { uri += "/namespaces/\(namespace)" }
        uri += "/\(resource)"
        if let name { uri += "/\(name)" }
        if let subresource { uri += "/\(subresource)" }
        if subresource == "exec" { uri += "?command=sh&container=app&stdin=true&stdout=true&tty=true" }
        if verb == "watch" { uri += "?resourceVersion=\(100_000 + rng.below(900_000))&watch=true" }

        var objectRef: JSONObject = ["resource": .string(resource)]
        if let namespace { objectRef["namespace"] = .string(namespace) }
        if let name { objectRef["name"] = .string(name) }
        objectRef["apiVersion"] = .string(group.map { "\($0)/v1" } ?? "v1")
        if let group { objectRef["apiGroup"] = .string(group) }
        if let subresource { objectRef["subresource"] = .string(subresource) }

        let received = timestamp(clock)
        var event: JSONObject = [
            "kind": .string("Event"), "apiVersion": .string("audit.k8s.io/v1"),
            "level": .string(resource == "secrets" ? "Metadata" : (verb == "create" || verb == "update" ? "RequestResponse" : "Request")),
            "auditID": .string(uuid()), "stage": .string("ResponseComplete"),
            "requestURI": .string(uri), "verb": .string(verb),
            "user": .object(["username": .string(username), "uid": .string(uuid()), "groups": .array(groups.map(JSON.string))]),
            "sourceIPs": .array([.string(sourceIP(kind))]),
            "userAgent": .string(userAgent(kind)),
            "objectRef": .object(objectRef),
            "responseStatus": .object(code >= 400
                ? ["metadata": .object([:]), "status": .string("Failure"), "reason": .string(code == 401 ? "Unauthorized" : "Forbidden"), "code": .number(code)]
                : ["metadata": .object([:]), "code": .number(code)]),
        ]
        if verb == "create" && resource == "pods" && subresource == nil {
            event["requestObject"] = pod(name: name ?? "pod", namespace: namespace ?? "default")
        } else if (resource == "rolebindings" || resource == "clusterrolebindings") && (verb == "create" || verb == "update") {
            event["requestObject"] = roleBinding(name: name ?? "binding", user: EventGenerator.humans[rng.below(EventGenerator.humans.count)])
        }
        event["requestReceivedTimestamp"] = .string(received)
        event["stageTimestamp"] = .string(timestamp(clock + 500 + rng.below(40_000)))
        event["annotations"] = .object([
            "authorization.k8s.io/decision": .string(code == 403 ? "forbid" : "allow"),
            "authorization.k8s.io/reason": .string(code == 403 ? "" : "RBAC: allowed by ClusterRoleBinding \"system:\(kind)\""),
        ])
        return .object(event)
    }

    private mutating func user(_ kind: Kind) -> (String, [String]) {
        switch kind {
        case .node:
            return ("system:node:node-\(rng.below(EventGenerator.nodeCount))", ["system:nodes", "system:authenticated"])
        case .controller:
            return ("system:serviceaccount:\(rng.pick(EventGenerator.serviceAccounts))",
                    ["system:serviceaccounts", "system:authenticated"])
        case .human:
            return (rng.pick(EventGenerator.humans), ["developers", "system:authenticated"])
        case .anonymous:
            return ("system:anonymous", ["system:unauthenticated"])
        }
    }

    private mutating func objectName(_ resource: String) -> String {
        let stems = ["web", "api", "db", "cache", "worker", "frontend", "payments", "auth", "metrics"]
        switch resource {
        case "nodes": return "node-\(rng.below(EventGenerator.nodeCount))"
        case "secrets": return rng.pick(["db-password", "tls-cert", "api-token", "registry-creds"]) + "-\(rng.below(20))"
        default: return "\(rng.pick(stems))-\(String(rng.next() % 0xFFFFF, radix: 16))"
        }
    }

    private mutating func pod(name: String, namespace: String) -> JSON {
        let privileged = rng.chance(8)
        var containers: [JSON] = []
        for i in 0 ..< 1 + rng.below(3) {
            var security: JSONObject = ["runAsNonRoot": .bool(!privileged)]
            if privileged && i == 0 { security["privileged"] = .bool(true) }
            if rng.chance(30) { security["allowPrivilegeEscalation"] = .bool(false) }
            containers.append(.object([
                "name": .string(i == 0 ? "app" : "sidecar-\(i)"),
                "image": .string("registry.example.com/\(rng.pick(["web", "api", "worker"])):1.\(rng.below(30)).\(rng.below(10))"),
                "ports": .array([.object(["containerPort": .number(8080 + i), "protocol": .string("TCP")])]),
                "resources": .object(["limits": .object(["cpu": .string("500m"), "memory": .string("256Mi")])]),
                "securityContext": .object(security),
            ]))
        }
        var spec: JSONObject = ["containers": .array(containers), "serviceAccountName": .string("default")]
        if privileged && rng.chance(50) { spec["hostNetwork"] = .bool(true) }
        return .object([
            "kind": .string("Pod"), "apiVersion": .string("v1"),
            "metadata": .object(["name": .string(name), "namespace": .string(namespace),
                                 "labels": .object(["app": .string(name.split(separator: "-").first.map(String.init) ?? name)])]),
            "spec": .object(spec),
        ])
    }

    private mutating func roleBinding(name: String, user: String) -> JSON {
        .object([
            "kind": .string("RoleBinding"), "apiVersion": .string("rbac.authorization.k8s.io/v1"),
            "metadata": .object(["name": .string(name)]),
            "roleRef": .object(["apiGroup": .string("rbac.authorization.k8s.io"), "kind": .string("ClusterRole"),
                                "name": .string(rng.pick(["view", "edit", "admin", "cluster-admin"]))]),
            "subjects": .array([.object(["kind": .string("User"), "name": .string(user)])]),
        ])
    }

    private mutating func uuid() -> String {
        let a = rng.next(), b = rng.next()
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: max(0, digits - s.count)) + s.suffix(digits)
        }
        return "\(hex(a >> 32, 8))-\(hex(a >> 16 & 0xFFFF, 4))-4\(hex(a & 0xFFF, 3))-\(hex(8 | b >> 62, 1))\(hex(b >> 48 & 0xFFF, 3))-\(hex(b & 0xFFFF_FFFF_FFFF, 12))"
    }

    private mutating func sourceIP(_ kind: Kind) -> String {
        switch kind {
        case .node: return "10.0.\(rng.below(4)).\(10 + rng.below(EventGenerator.nodeCount))"
        case .controller: return "10.96.\(rng.below(256)).\(rng.below(256))"
        case .human: return "192.168.\(rng.below(8)).\(rng.below(256))"
        case .anonymous: return "\(rng.pick([45, 103, 185, 198])).\(rng.below(256)).\(rng.below(256)).\(rng.below(256))"
        }
    }

    private mutating func userAgent(_ kind: Kind) -> String {
        switch kind {
        case .node: return "kubelet/v1.30.2 (linux/amd64) kubernetes/39683505"
        case .controller: return "kube-controller-manager/v1.30.2 (linux/amd64) kubernetes/39683505/system:serviceaccount"
        case .human: return rng.pick(["kubectl/v1.30.2 (linux/amd64) kubernetes/39683505", "kubectl/v1.29.4 (darwin/arm64) kubernetes/55022e0"])
        case .anonymous: return rng.pick(["curl/8.5.0", "python-requests/2.31.0", "Go-http-client/1.1"])
        }
    }

    /// RFC 3339 with microseconds, UTC, as audit events carry them.
    private func timestamp(_ micros: Int) -> String { MicroTime.format(Int64(micros)) }
}
