import Diagnostics
import KubeAudit

/// Audit policy files: what `kcsa policy validate|eval|explain` do with a file.
enum PolicyFuzz {
    /// A few requests of each shape the evaluator distinguishes (resource, subresource,
    /// non-resource, no user), decided and explained under every policy that loads.
    static let requests: [(String, String, UserInfo?)] = [
        ("GET", "/api/v1/namespaces/default/pods/web", UserInfo(username: "alice", groups: ["system:authenticated"])),
        ("POST", "/apis/apps/v1/namespaces/prod/deployments", UserInfo(username: "system:serviceaccount:kube-system:x",
                                                                        groups: ["system:serviceaccounts"])),
        ("PATCH", "/api/v1/namespaces/kube-system/secrets/token/status", UserInfo(username: "bob", groups: [])),
        ("GET", "/healthz", UserInfo(username: "system:anonymous", groups: ["system:unauthenticated"])),
        ("DELETE", "/api/v1/nodes/node-1", nil),
    ]

    @Sendable static func run(_ data: UnsafeRawBufferPointer) {
        let source = FuzzTarget.source(data, name: "policy.yaml")
        let loaded = PolicyLoader.load(source)
        FuzzTarget.render(loaded.diagnostics, source)
        if let error = loaded.apiserverError { _ = PolicyLoader.apiserverStartupError(error, path: source.name) }
        guard let evaluator = loaded.evaluator() else { return }
        for (method, url, user) in requests {
            guard let info = try? RequestInfo.parse(method: method, url: url, user: user) else { continue }
            let decision = evaluator.evaluate(info.attributes)
            _ = StagePlan(decision: decision, attributes: info.attributes)
            _ = evaluator.explain(info.attributes).summary
        }
    }
}
