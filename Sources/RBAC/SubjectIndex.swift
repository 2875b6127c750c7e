/// The bindings of one scope (all ClusterRoleBindings, or the RoleBindings of one
/// namespace) indexed by the names their subjects match, so that authorizing a request
/// looks only at the bindings that apply to its user instead of testing every subject.
///
/// The positions returned are in the scope's visit order, so the first allowing binding
/// (and the reason naming it) is the same as a linear `appliesTo` scan finds.
struct SubjectIndex: Sendable {
    private var users: [String: [Int]] = [:]
    private var groups: [String: [Int]] = [:]
    /// Full service account user names (`system:serviceaccount:ns:name`).
    private var serviceAccounts: [String: [Int]] = [:]

    /// `namespace` is the RoleBindings' namespace (it fills in unqualified service
    /// accounts), or empty for ClusterRoleBindings.
    init(_ bindings: [ResolvedBinding], namespace: String) {
        for (position, rb) in bindings.enumerated() {
            for s in rb.binding.subjects {
                switch s.kind {
                case "User": Self.add(position, s.name, &users)
                case "Group": Self.add(position, s.name, &groups)
                case "ServiceAccount":
                    let ns = s.namespace.isEmpty ? namespace : s.namespace
                    if !ns.isEmpty {
                        Self.add(position, ServiceAccountName.usernamePrefix + ns + ":" + s.name, &serviceAccounts)
                    }
                default: break
                }
            }
        }
    }

    private static func add(_ position: Int, _ key: String, _ map: inout [String: [Int]]) {
        if map[key]?.last != position { map[key, default: []].append(position) }
    }

    /// Positions of the bindings with a subject that applies to `user`, ascending.
    func applicable(to user: UserInfo) -> [Int] {
        var lists: [[Int]] = []
        if let u = users[user.name] { lists.append(u) }
        if let sa = serviceAccounts[user.name] { lists.append(sa) }
        for g in user.groups {
            if let l = groups[g] { lists.append(l) }
        }
        switch lists.count {
        case 0: return []
        case 1: return lists[0]
        default:
            var merged = lists.flatMap { $0 }
            merged.sort()
            var out: [Int] = []
            out.reserveCapacity(merged.count)
            for p in merged where out.last != p { out.append(p) }
            return out
        }
    }
}

/// One scope of bindings in visit order, with what the hot path needs laid out flat:
/// the subject index, each binding's rules, and each binding's resolution error.
struct BindingScope: Sendable {
    let bindings: [ResolvedBinding]
    let namespace: String
    let index: SubjectIndex
    let rules: [[CompiledRule]]
    let failures: [ResolutionError?]
    let sources: [GrantSource?]
    /// `RBAC: allowed by <describer>` for each binding and subject, built once.
    let reasons: [[String]]

    /// `compiled` holds each role's rules compiled once (keyed by `RBACObject.key`).
    init(_ bindings: [ResolvedBinding], namespace: String, compiled: [String: [CompiledRule]]) {
        self.bindings = bindings
        self.namespace = namespace
        self.index = SubjectIndex(bindings, namespace: namespace)
        var rules: [[CompiledRule]] = []
        var failures: [ResolutionError?] = []
        for rb in bindings {
            switch rb.resolution {
            case .rules(let role):
                rules.append(compiled[RBACObject.role(role).key] ?? [])
                failures.append(nil)
            case .failed(let e):
                rules.append([])
                failures.append(e)
            }
        }
        self.rules = rules
        self.failures = failures
        self.sources = bindings.map(\.source)
        self.reasons = bindings.map { rb in
            rb.binding.subjects.indices.map { "RBAC: allowed by " + Grant.describe(rb.binding, subjectIndex: $0) }
        }
    }

    /// The first rule of the first applicable binding that allows `request`, as
    /// `VisitRulesFor` with the authorizing visitor finds it; lister errors of the
    /// applicable bindings before it are appended to `errors`.
    func firstGrant(_ request: AuthorizationRequest, _ symbols: RequestSymbols, _ user: UserInfo,
                    errors: inout [String]) -> (grant: Grant, reason: String)? {
        for position in index.applicable(to: user) {
            if let failure = failures[position] {
                errors.append(failure.message(.lister))
                continue
            }
            let ruleIndex = rules[position].withUnsafeBufferPointer { buffer in
                buffer.firstIndex { $0.allows(request, symbols) }
            }
            guard let ruleIndex, let source = sources[position] else { continue }
            let subjectIndex = SubjectMatching.firstMatch(user, source.binding.subjects, namespace: namespace) ?? 0
            return (Grant(source, subjectIndex: subjectIndex, ruleIndex: ruleIndex), reasons[position][subjectIndex])
        }
        return nil
    }
}
