/// Why a request got its level: each rule in order with the first condition that failed,
/// the rule that won, and what will be recorded.
public struct PolicyExplanation: Sendable {
    public enum Verdict: Sendable, Equatable {
        case matched
        case failed(String)
        /// After the winning rule: never looked at.
        case notReached
    }

    public struct RuleCheck: Sendable {
        public var index: Int
        public var level: String
        public var verdict: Verdict
    }

    public var attributes: RequestAttributes
    public var checks: [RuleCheck]
    public var decision: PolicyDecision
    public var plan: StagePlan

    /// One sentence a learner can act on.
    public var summary: String {
        if let r = decision.rule {
            let before = r == 1 ? " (rule 0 did not match)" : r > 1 ? " (rules 0-\(r - 1) did not match)" : ""
            if decision.level == .none {
                return "not logged (level None) because rule \(r) matched first" + before
            }
            return "logged at \(decision.level.rawValue) because rule \(r) matched first" + before
        }
        return "not logged (level None): no rule matched"
    }
}

extension PolicyEvaluator {
    /// Explains the decision for one request. The rules are walked as written, in the
    /// apiserver's order of checks (users, userGroups, verbs, then resources or
    /// non-resource URLs), and the first failing condition is reported.
    public func explain(_ a: RequestAttributes, outcome: StagePlan.Outcome = .completed) -> PolicyExplanation {
        var checks: [PolicyExplanation.RuleCheck] = []
        var winner: Int?
        for (i, rule) in policy.rules.enumerated() {
            if winner != nil {
                checks.append(.init(index: i, level: rule.level, verdict: .notReached))
            } else if let why = RuleCheck.firstFailure(rule, a) {
                checks.append(.init(index: i, level: rule.level, verdict: .failed(why)))
            } else {
                checks.append(.init(index: i, level: rule.level, verdict: .matched))
                winner = i
            }
        }
        let decision = evaluate(a)
        return PolicyExplanation(attributes: a, checks: checks, decision: decision,
                                 plan: StagePlan(decision: decision, attributes: a, outcome: outcome))
    }
}

/// The apiserver's `ruleMatches`, written plainly over the policy as written, reporting
/// the first condition that fails. It is the reference the compiled evaluator is tested against.
enum RuleCheck {
    static func list(_ xs: [String]) -> String {
        "[" + xs.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ", ") + "]"
    }

    static func quoted(_ s: String) -> String { s.isEmpty ? "\"\"" : s }

    /// nil when the rule matches.
    static func firstFailure(_ r: PolicyRule, _ a: RequestAttributes) -> String? {
        if !r.users.isEmpty {
            guard let u = a.user else { return "users \(list(r.users)) cannot match a request with no user (authentication failed)" }
            if !r.users.contains(u.username) { return "users \(list(r.users)) does not include \(quoted(u.username))" }
        }
        if !r.userGroups.isEmpty {
            guard let u = a.user else {
                return "userGroups \(list(r.userGroups)) cannot match a request with no user (authentication failed)"
            }
            if !u.groups.contains(where: r.userGroups.contains) {
                return "userGroups \(list(r.userGroups)) shares no group with the user's groups \(list(u.groups))"
            }
        }
        if !r.verbs.isEmpty && !r.verbs.contains(a.verb) {
            return "verbs \(list(r.verbs)) does not include \(quoted(a.verb))"
        }
        if !r.resources.isEmpty || !r.namespaces.isEmpty {
            guard a.resourceRequest else {
                return "the rule has resources/namespaces, so it only matches resource requests; \(a.path) is a non-resource URL"
            }
            if !r.namespaces.isEmpty && !r.namespaces.contains(a.namespace) {
                let ns = a.namespace.isEmpty ? "\"\" (cluster-scoped or all namespaces)" : a.namespace
                return "namespaces \(list(r.namespaces)) does not include \(ns)"
            }
            if r.resources.isEmpty || r.resources.contains(where: { entryMatches($0, a) }) { return nil }
            return resourceFailure(r.resources, a)
        }
        if !r.nonResourceURLs.isEmpty {
            if a.resourceRequest {
                return "the rule has nonResourceURLs, which never match a resource request (\(a.combinedResource))"
            }
            if !r.nonResourceURLs.contains(where: { URLPattern($0).matches(a.path) }) {
                return "nonResourceURLs \(list(r.nonResourceURLs)) do not match \(a.path)"
            }
        }
        return nil
    }

    /// One `resources` entry, as the apiserver's loop checks it.
    static func entryMatches(_ gr: GroupResources, _ a: RequestAttributes) -> Bool {
        guard gr.group == a.apiGroup || gr.group == "*" else { return false }
        if gr.resources.isEmpty { return true }
        let combined = a.combinedResource
        for res in gr.resources {
            guard gr.resourceNames.isEmpty || gr.resourceNames.contains(a.name) else { continue }
            if res == combined || res == "*" { return true }
            if !a.subresource.isEmpty && res == "*/" + a.subresource { return true }
            if res.hasSuffix("/*") && a.resource == String(res.dropLast(2)) { return true }
        }
        return false
    }

    private static func resourceFailure(_ entries: [GroupResources], _ a: RequestAttributes) -> String {
        let group = a.apiGroup.isEmpty ? "\"\" (core)" : a.apiGroup
        let inGroup = entries.filter { $0.group == a.apiGroup || $0.group == "*" }
        if inGroup.isEmpty {
            let groups = entries.map { $0.group.isEmpty ? "\"\" (core)" : $0.group }
            return "resources name groups [\(groups.joined(separator: ", "))], not \(group) where \(a.resource) live"
        }
        let anyNameAllowed = inGroup.contains { $0.resourceNames.isEmpty || $0.resourceNames.contains(a.name) }
        if !anyNameAllowed {
            let names = inGroup.flatMap(\.resourceNames)
            return "resourceNames \(list(names)) does not include \(quoted(a.name))"
                + (a.name.isEmpty ? " (create, list and watch requests carry no name)" : "")
        }
        let listed = inGroup.flatMap(\.resources)
        var why = "resources \(list(listed)) does not include \(a.combinedResource)"
        if !a.subresource.isEmpty && listed.contains(a.resource) {
            why += " (a subresource needs \(a.combinedResource), \(a.resource)/* or */\(a.subresource))"
        }
        return why
    }
}
