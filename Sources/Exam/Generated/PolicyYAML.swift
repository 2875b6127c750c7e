import KubeAudit

/// Writes a policy as the YAML a learner would read in the docs: flow lists of quoted
/// strings, a `# rule N` comment above each rule (numbered from 1, as the questions count).
enum PolicyYAML {
    static func render(_ p: AuditPolicy) -> String {
        var out = "apiVersion: audit.k8s.io/v1\nkind: Policy\n"
        if !p.omitStages.isEmpty { out += "omitStages: \(list(p.omitStages))\n" }
        out += "rules:\n"
        for (i, r) in p.rules.enumerated() {
            out += "  # rule \(i + 1)\n  - level: \(r.level)\n"
            if !r.users.isEmpty { out += "    users: \(list(r.users))\n" }
            if !r.userGroups.isEmpty { out += "    userGroups: \(list(r.userGroups))\n" }
            if !r.verbs.isEmpty { out += "    verbs: \(list(r.verbs))\n" }
            if !r.resources.isEmpty {
                out += "    resources:\n"
                for gr in r.resources {
                    out += "      - group: \(quote(gr.group))\n"
                    if !gr.resources.isEmpty { out += "        resources: \(list(gr.resources))\n" }
                    if !gr.resourceNames.isEmpty { out += "        resourceNames: \(list(gr.resourceNames))\n" }
                }
            }
            if !r.namespaces.isEmpty { out += "    namespaces: \(list(r.namespaces))\n" }
            if !r.nonResourceURLs.isEmpty { out += "    nonResourceURLs: \(list(r.nonResourceURLs))\n" }
            if !r.omitStages.isEmpty { out += "    omitStages: \(list(r.omitStages))\n" }
        }
        return out
    }

    /// One line for explanations: `rule 2 (level: Metadata, verbs: get, resources: secrets)`.
    static func summary(_ r: PolicyRule, index: Int) -> String {
        var parts = ["level: \(r.level)"]
        if !r.users.isEmpty { parts.append("users: \(r.users.joined(separator: ", "))") }
        if !r.userGroups.isEmpty { parts.append("userGroups: \(r.userGroups.joined(separator: ", "))") }
        if !r.verbs.isEmpty { parts.append("verbs: \(r.verbs.joined(separator: ", "))") }
        for gr in r.resources {
            let group = gr.group.isEmpty ? "core" : gr.group
            var s = "resources: \(gr.resources.joined(separator: ", ")) in group \(group)"
            if !gr.resourceNames.isEmpty { s += " named \(gr.resourceNames.joined(separator: ", "))" }
            parts.append(s)
        }
        if !r.namespaces.isEmpty { parts.append("namespaces: \(r.namespaces.joined(separator: ", "))") }
        if !r.nonResourceURLs.isEmpty { parts.append("nonResourceURLs: \(r.nonResourceURLs.joined(separator: ", "))") }
        if parts.count == 1 { parts.append("no conditions") }
        return "rule \(index + 1) (\(parts.joined(separator: "; ")))"
    }

    static func list(_ xs: [String]) -> String { "[" + xs.map(quote).joined(separator: ", ") + "]" }

    static func quote(_ s: String) -> String { "\"" + s + "\"" }
}
