import Diagnostics

/// Why a request was denied, in terms a learner can act on: the rule that came closest
/// and what it lacks, or that no binding names the user at all.
public struct DenialExplanation: Sendable, Equatable {
    /// The rule (among those that apply to the user) that matches the most attributes.
    public var closest: Grant?
    /// What the closest rule lacks, one sentence per attribute.
    public var lacks: [String]
    /// How many bindings name the user (or one of their groups) for this namespace.
    public var bindingsForUser: Int
    /// RoleBindings in other namespaces that would allow the same request there.
    public var elsewhere: [Grant]

    /// Explains a request `authorizer` did not allow.
    public static func explain(_ request: AuthorizationRequest, as user: UserInfo,
                               in authorizer: RBACAuthorizer) -> DenialExplanation {
        var best: (score: Int, grant: Grant)?
        var bindings = Set<Int>()
        authorizer.visitRules(for: user, namespace: request.namespace) { visit in
            if case .rule(let g) = visit {
                bindings.insert(g.bindingIndex)
                let s = score(g.rule, request)
                if s > 0, best == nil || s > best!.score { best = (s, g) }
            }
            return true
        }
        var elsewhere: [Grant] = []
        if request.isResourceRequest {
            for (ns, rbs) in authorizer.roleBindings.sorted(by: { GoQuote.less($0.key, $1.key) }) where ns != request.namespace {
                var moved = request
                moved.namespace = ns
                if let g = authorizer.authorize(moved, as: user).grant, g.binding.kind == .roleBinding,
                   rbs.contains(where: { $0.index == g.bindingIndex }) {
                    elsewhere.append(g)
                }
            }
        }
        let lacks = best.map { missing($0.grant.rule, request) } ?? []
        return DenialExplanation(closest: best?.grant, lacks: lacks, bindingsForUser: bindings.count, elsewhere: elsewhere)
    }

    /// How close a rule comes: twice the attributes it matches among verb, group and
    /// resource (verb and URL for a URL request), plus one for the name; 0 when none
    /// match, -1 for a rule of the other kind (a URL rule for a resource request).
    static func score(_ rule: PolicyRule, _ r: AuthorizationRequest) -> Int {
        if r.isResourceRequest {
            if rule.resources.isEmpty { return -1 }
            // An unrestricted name matches every request, so the name only breaks ties.
            let main = [RuleMatching.verbMatches(rule, r.verb), RuleMatching.apiGroupMatches(rule, r.apiGroup),
                        RuleMatching.resourceMatches(rule, combined: r.combinedResource, subresource: r.subresource)]
                .filter { $0 }.count
            return main == 0 ? 0 : 2 * main + (RuleMatching.resourceNameMatches(rule, r.name) ? 1 : 0)
        }
        if rule.nonResourceURLs.isEmpty { return -1 }
        return 2 * [RuleMatching.verbMatches(rule, r.verb), RuleMatching.nonResourceURLMatches(rule, r.path)].filter { $0 }.count
    }

    static func missing(_ rule: PolicyRule, _ r: AuthorizationRequest) -> [String] {
        var out: [String] = []
        if !RuleMatching.verbMatches(rule, r.verb) {
            out.append("verb \(GoQuote.quote(r.verb)) is not in verbs \(GoFormat.quotedList(rule.verbs))")
        }
        guard r.isResourceRequest else {
            if !RuleMatching.nonResourceURLMatches(rule, r.path) {
                out.append("path \(GoQuote.quote(r.path)) is not matched by nonResourceURLs \(GoFormat.quotedList(rule.nonResourceURLs))")
            }
            return out
        }
        if !RuleMatching.apiGroupMatches(rule, r.apiGroup) {
            out.append("API group \(GoQuote.quote(r.apiGroup)) is not in apiGroups \(GoFormat.quotedList(rule.apiGroups))")
        }
        if !RuleMatching.resourceMatches(rule, combined: r.combinedResource, subresource: r.subresource) {
            var text = "resource \(GoQuote.quote(r.combinedResource)) is not in resources \(GoFormat.quotedList(rule.resources))"
            if !r.subresource.isEmpty {
                text += " (a subresource is granted only as \(GoQuote.quote(r.combinedResource)) or \(GoQuote.quote("*/" + r.subresource)))"
            }
            out.append(text)
        }
        if !RuleMatching.resourceNameMatches(rule, r.name) {
            out.append(r.name.isEmpty
                ? "the request names no object, but the rule is limited to resourceNames \(GoFormat.quotedList(rule.resourceNames)) (list, watch and create cannot be limited by name)"
                : "name \(GoQuote.quote(r.name)) is not in resourceNames \(GoFormat.quotedList(rule.resourceNames))")
        }
        return out
    }
}
