import Diagnostics

/// Things kube-apiserver accepts but that do not do what a learner usually means.
/// They are warnings: the policy still loads.
enum PolicyLints {
    /// Resources that live outside the core group, so `group: ""` (or no group) never matches them.
    static let nonCoreResources: [String: String] = [
        "deployments": "apps", "daemonsets": "apps", "statefulsets": "apps", "replicasets": "apps",
        "roles": "rbac.authorization.k8s.io", "rolebindings": "rbac.authorization.k8s.io",
        "clusterroles": "rbac.authorization.k8s.io", "clusterrolebindings": "rbac.authorization.k8s.io",
        "networkpolicies": "networking.k8s.io", "ingresses": "networking.k8s.io",
        "jobs": "batch", "cronjobs": "batch", "leases": "coordination.k8s.io",
        "tokenreviews": "authentication.k8s.io", "subjectaccessreviews": "authorization.k8s.io",
        "certificatesigningrequests": "certificates.k8s.io", "endpointslices": "discovery.k8s.io",
        "customresourcedefinitions": "apiextensions.k8s.io", "validatingwebhookconfigurations": "admissionregistration.k8s.io",
        "mutatingwebhookconfigurations": "admissionregistration.k8s.io", "podsecuritypolicies": "policy",
        "poddisruptionbudgets": "policy", "horizontalpodautoscalers": "autoscaling", "storageclasses": "storage.k8s.io",
    ]

    static func lint(_ policy: AuditPolicy) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var catchAll: Int?
        for (i, rule) in policy.rules.enumerated() {
            let path = "rules[\(i)]"
            if let c = catchAll {
                out.append(Diagnostic(.warning, "rule \(i) can never match",
                                      at: policy.spans.span(for: path),
                                      label: "unreachable",
                                      notes: ["rule \(c) matches every request, and the first matching rule wins"],
                                      help: "move the catch-all rule to the end", code: "unreachable"))
            }
            for (field, values) in [("verbs", rule.verbs), ("users", rule.users), ("userGroups", rule.userGroups),
                                    ("namespaces", rule.namespaces)] {
                if let j = values.firstIndex(of: "*") {
                    out.append(Diagnostic(.warning, "\"*\" in \(field) is not a wildcard",
                                          at: policy.spans.span(for: "\(path).\(field)[\(j)]"),
                                          label: "matches only a value that is literally \"*\"",
                                          help: "leave `\(field)` out to match every value", code: "star-literal"))
                }
            }
            for (j, gr) in rule.resources.enumerated() where gr.group.isEmpty {
                for (k, res) in gr.resources.enumerated() {
                    let base = String(res.split(separator: "/").first ?? "")
                    if let g = nonCoreResources[base] {
                        out.append(Diagnostic(.warning, "\(base) are not in the core group",
                                              at: policy.spans.span(for: "\(path).resources[\(j)].resources[\(k)]"),
                                              label: "this entry has group \"\" (core)",
                                              help: "\(base) are in `\(g)`: add `group: \"\(g)\"` to this entry (or `group: \"*\"`)",
                                              code: "wrong-group"))
                    }
                }
            }
            let selectsAll = rule.users.isEmpty && rule.userGroups.isEmpty && rule.verbs.isEmpty
                && rule.resources.isEmpty && rule.namespaces.isEmpty && rule.nonResourceURLs.isEmpty
            if selectsAll && catchAll == nil { catchAll = i }
        }
        return out
    }
}
