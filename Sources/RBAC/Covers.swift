/// Rule coverage (`component-helpers/auth/rbac/validation/policy_comparator.go`) and the
/// two `CompactRules` that shorten its output: the apiserver's (escalation messages)
/// and kubectl's (`auth can-i --list`).
public enum RuleCoverage {
    /// `Covers`: whether `owner` allows everything `servant` does, and the servant's
    /// rules broken down to single verb/resource/name tuples that no owner rule covers,
    /// in the order upstream produces them.
    public static func covers(owner: [PolicyRule], servant: [PolicyRule]) -> (covered: Bool, missing: [PolicyRule]) {
        var missing: [PolicyRule] = []
        for rule in servant {
            for sub in breakdown(rule) where !owner.contains(where: { ruleCovers($0, sub) }) {
                missing.append(sub)
            }
        }
        return (missing.isEmpty, missing)
    }

    /// `BreakdownRule`: one rule per group × resource × verb (× resourceName), then one
    /// per non-resource URL × verb.
    public static func breakdown(_ rule: PolicyRule) -> [PolicyRule] {
        var out: [PolicyRule] = []
        for group in rule.apiGroups {
            for resource in rule.resources {
                for verb in rule.verbs {
                    if rule.resourceNames.isEmpty {
                        out.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource]))
                    } else {
                        for name in rule.resourceNames {
                            out.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource],
                                                  resourceNames: [name]))
                        }
                    }
                }
            }
        }
        for url in rule.nonResourceURLs {
            for verb in rule.verbs {
                out.append(PolicyRule(verbs: [verb], nonResourceURLs: [url]))
            }
        }
        return out
    }

    /// `ruleCovers`: `owner` may have many values per field, `sub` at most one.
    public static func ruleCovers(_ owner: PolicyRule, _ sub: PolicyRule) -> Bool {
        let verbs = owner.verbs.contains(RuleMatching.verbAll) || hasAll(owner.verbs, sub.verbs)
        let groups = owner.apiGroups.contains(RuleMatching.apiGroupAll) || hasAll(owner.apiGroups, sub.apiGroups)
        let resources = resourceCoversAll(owner.resources, sub.resources)
        let urls = sub.nonResourceURLs.allSatisfy { path in
            owner.nonResourceURLs.contains { nonResourceURLCovers($0, path) }
        }
        let names: Bool
        if sub.resourceNames.isEmpty {
            names = owner.resourceNames.isEmpty
        } else {
            names = owner.resourceNames.isEmpty || hasAll(owner.resourceNames, sub.resourceNames)
        }
        return verbs && groups && resources && names && urls
    }

    static func hasAll(_ set: [String], _ contains: [String]) -> Bool {
        contains.allSatisfy { set.contains($0) }
    }

    static func resourceCoversAll(_ set: [String], _ covers: [String]) -> Bool {
        if set.contains(RuleMatching.resourceAll) || hasAll(set, covers) { return true }
        for path in covers where !set.contains(path) {
            // Only `*/subresource` can cover a resource the owner does not name.
            guard let slash = path.firstIndex(of: "/") else { return false }
            if !set.contains("*/" + path[path.index(after: slash)...]) { return false }
        }
        return true
    }

    static func nonResourceURLCovers(_ owner: String, _ sub: String) -> Bool {
        if owner == sub { return true }
        return owner.utf8.last == UInt8(ascii: "*")
            && sub.utf8.starts(with: RuleMatching.trimTrailingStars(owner).utf8)
    }

    /// The apiserver's `CompactRules` (`pkg/registry/rbac/validation/policy_compact.go`):
    /// rules with exactly one group and one resource and nothing but verbs otherwise are
    /// merged per group/resource by appending verbs (duplicates kept). The order of the
    /// result does not matter: callers sort the printed forms.
    public static func compactForEscalation(_ rules: [PolicyRule]) -> [PolicyRule] {
        var compacted: [PolicyRule] = []
        var simple: [String: Int] = [:]
        var simpleRules: [PolicyRule] = []
        for rule in rules {
            let simpleKey = rule.resourceNames.isEmpty && rule.nonResourceURLs.isEmpty
                && rule.apiGroups.count == 1 && rule.resources.count == 1
                ? rule.apiGroups[0] + "\u{0}" + rule.resources[0] : nil
            guard let key = simpleKey else {
                compacted.append(rule)
                continue
            }
            if let i = simple[key] {
                simpleRules[i].verbs += rule.verbs
            } else {
                simple[key] = simpleRules.count
                simpleRules.append(rule)
            }
        }
        return compacted + simpleRules
    }

    /// kubectl's `CompactRules` (`pkg/util/rbac`): like the apiserver's, but a rule may
    /// also carry one resource name (part of the key), and verbs are not repeated.
    public static func compactForList(_ rules: [PolicyRule]) -> [PolicyRule] {
        var compacted: [PolicyRule] = []
        var simple: [String: Int] = [:]
        var simpleRules: [PolicyRule] = []
        for rule in rules {
            let isSimple = rule.resourceNames.count <= 1 && rule.nonResourceURLs.isEmpty
                && rule.apiGroups.count == 1 && rule.resources.count == 1
            guard isSimple else {
                compacted.append(rule)
                continue
            }
            let key = rule.apiGroups[0] + "\u{0}" + rule.resources[0] + "\u{0}"
                + (rule.resourceNames.first.map { "1" + $0 } ?? "0")
            if let i = simple[key] {
                for verb in rule.verbs where !simpleRules[i].verbs.contains(verb) {
                    simpleRules[i].verbs.append(verb)
                }
            } else {
                simple[key] = simpleRules.count
                simpleRules.append(rule)
            }
        }
        return compacted + simpleRules
    }
}
