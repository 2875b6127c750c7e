/// The strings of every rule, numbered once when the authorizer is built, so matching a
/// request compares small integers instead of strings.
struct SymbolTable: Sendable {
    private var ids: [String: Int32] = [:]

    mutating func intern(_ s: String) -> Int32 {
        if let id = ids[s] { return id }
        let id = Int32(ids.count)
        ids[s] = id
        return id
    }

    /// The number of a string, or -1 for one no rule mentions (it can only match a wildcard).
    func lookup(_ s: String) -> Int32 { ids[s] ?? -1 }

    /// The numbers of a request's attributes, looked up once per request.
    func symbols(of r: AuthorizationRequest) -> RequestSymbols {
        RequestSymbols(verb: lookup(r.verb), group: lookup(r.apiGroup), combined: lookup(r.combinedResource),
                       subresource: r.subresource.isEmpty ? nil : lookup(r.subresource))
    }
}

/// A request's attributes as symbols.
struct RequestSymbols {
    var verb: Int32
    var group: Int32
    var combined: Int32
    /// nil when the request has no subresource.
    var subresource: Int32?
}

/// A PolicyRule with its verbs, groups and resources as symbols. Matching gives the
/// same answer as `RuleMatching.allows` on the rule it was built from:
/// `*` is a flag; a rule resource `*/sub` matches exactly when the request's
/// subresource is `sub` (the length, prefix and suffix checks of `ResourceMatches`
/// come to that); resource names and non-resource URLs are matched as strings.
struct CompiledRule: Sendable {
    let rule: PolicyRule
    let anyVerb: Bool
    let verbs: [Int32]
    let anyGroup: Bool
    let groups: [Int32]
    let anyResource: Bool
    let resources: [Int32]
    let subresourceWildcards: [Int32]

    init(_ rule: PolicyRule, _ table: inout SymbolTable) {
        self.rule = rule
        anyVerb = rule.verbs.contains(RuleMatching.verbAll)
        verbs = rule.verbs.map { table.intern($0) }
        anyGroup = rule.apiGroups.contains(RuleMatching.apiGroupAll)
        groups = rule.apiGroups.map { table.intern($0) }
        anyResource = rule.resources.contains(RuleMatching.resourceAll)
        resources = rule.resources.map { table.intern($0) }
        subresourceWildcards = rule.resources.compactMap { r in
            r.utf8.starts(with: "*/".utf8) ? table.intern(String(decoding: r.utf8.dropFirst(2), as: UTF8.self)) : nil
        }
    }

    @inline(__always)
    func allows(_ request: AuthorizationRequest, _ s: RequestSymbols) -> Bool {
        guard anyVerb || verbs.contains(s.verb) else { return false }
        guard request.isResourceRequest else { return RuleMatching.nonResourceURLMatches(rule, request.path) }
        guard anyGroup || groups.contains(s.group) else { return false }
        guard anyResource || resources.contains(s.combined)
            || (s.subresource.map { subresourceWildcards.contains($0) } ?? false) else { return false }
        return rule.resourceNames.isEmpty || rule.resourceNames.contains(request.name)
    }
}
