import Diagnostics

/// The RBAC authorizer over a fixed set of objects: build it once, then authorize
/// many requests (`plugin/pkg/auth/authorizer/rbac`).
///
/// Bindings are visited as `VisitRulesFor` visits them: every ClusterRoleBinding,
/// then the RoleBindings of the request's namespace. Within each group kcsa keeps the
/// order the objects were given in; a live API server lists them from a cache in no
/// fixed order, so when several bindings allow a request its reason may name another.
///
/// `authorize` takes a short cut that gives the same answers: bindings are indexed by
/// the names their subjects match (`SubjectIndex`) and rules are compiled to numbered
/// strings (`CompiledRule`). `visitRules` walks every binding as upstream does; a test
/// checks that the two agree.
public struct RBACAuthorizer: Sendable {
    let index: RoleIndex
    let clusterRoleBindings: [ResolvedBinding]
    let roleBindings: [String: [ResolvedBinding]]
    let clusterScope: BindingScope
    let namespaceScopes: [String: BindingScope]
    let symbols: SymbolTable
    /// Problems found while building (invalid aggregation selectors).
    public let problems: [String]

    /// - Parameter aggregate: run the ClusterRole aggregation controller first, so
    ///   roles such as `admin`, `edit` and `view` have the rules a cluster gives them.
    public init(objects: [RBACObject], aggregate: Bool = true) {
        var roles: [RoleObject] = []
        var bindings: [BindingObject] = []
        for object in objects {
            switch object {
            case .role(let r): roles.append(r)
            case .binding(let b): bindings.append(b)
            }
        }
        var problems: [String] = []
        if aggregate {
            let clusterRoles = roles.filter { $0.kind == .clusterRole }
            let (updated, found) = ClusterRoleAggregation.aggregateAll(clusterRoles)
            var next = updated.makeIterator()
            roles = roles.map { $0.kind == .clusterRole ? next.next()! : $0 }
            problems = found
        }
        let index = RoleIndex(roles)
        var crbs: [ResolvedBinding] = []
        var rbs: [String: [ResolvedBinding]] = [:]
        for (i, b) in bindings.enumerated() {
            switch b.kind {
            case .clusterRoleBinding:
                crbs.append(ResolvedBinding(binding: b, index: i, resolution: index.resolve(b.roleRef, bindingNamespace: "")))
            case .roleBinding:
                rbs[b.namespace, default: []].append(
                    ResolvedBinding(binding: b, index: i, resolution: index.resolve(b.roleRef, bindingNamespace: b.namespace)))
            }
        }
        self.index = index
        self.clusterRoleBindings = crbs
        self.roleBindings = rbs
        let (compiled, table) = Self.compile(index.all)
        self.symbols = table
        self.clusterScope = BindingScope(crbs, namespace: "", compiled: compiled)
        self.namespaceScopes = rbs.mapValues {
            BindingScope($0, namespace: $0.first?.binding.namespace ?? "", compiled: compiled)
        }
        self.problems = problems
    }

    /// Each role's rules compiled once (the first role of a key, as lookups find it).
    private static func compile(_ roles: [RoleObject]) -> ([String: [CompiledRule]], SymbolTable) {
        var table = SymbolTable()
        var compiled: [String: [CompiledRule]] = [:]
        for role in roles where compiled[RBACObject.role(role).key] == nil {
            compiled[RBACObject.role(role).key] = role.rules.map { CompiledRule($0, &table) }
        }
        return (compiled, table)
    }

    /// Every role after aggregation, in the order given.
    public var roles: [RoleObject] { index.all }

    /// Every binding, in the order given.
    public var bindings: [BindingObject] {
        (clusterRoleBindings + roleBindings.values.flatMap { $0 }).sorted { $0.index < $1.index }.map(\.binding)
    }

    /// The ClusterRole of a name (after aggregation), if there is one.
    public func clusterRole(named name: String) -> RoleObject? { index.clusterRole(name) }

    /// The Role of a namespace and name, if there is one.
    public func role(namespace: String, name: String) -> RoleObject? { index.role(namespace: namespace, name: name) }

    /// The bindings visited for a request in `namespace`, in visit order.
    func visitOrder(namespace: String) -> [ResolvedBinding] {
        namespace.isEmpty ? clusterRoleBindings : clusterRoleBindings + (roleBindings[namespace] ?? [])
    }

    /// `RBACAuthorizer.Authorize`: allowed (with the deciding grant) or no opinion,
    /// with upstream's reason string either way.
    public func authorize(_ request: AuthorizationRequest, as user: UserInfo) -> AuthorizationDecision {
        var errors: [String] = []
        let symbols = symbols.symbols(of: request)
        if let (grant, reason) = clusterScope.firstGrant(request, symbols, user, errors: &errors) {
            return AuthorizationDecision(allowed: true, reason: reason, grant: grant, errors: errors)
        }
        if !request.namespace.isEmpty, let scope = namespaceScopes[request.namespace],
           let (grant, reason) = scope.firstGrant(request, symbols, user, errors: &errors) {
            return AuthorizationDecision(allowed: true, reason: reason, grant: grant, errors: errors)
        }
        let reason = errors.isEmpty ? "" : "RBAC: " + ErrorAggregate.message(errors)
        return AuthorizationDecision(allowed: false, reason: reason, grant: nil, errors: errors)
    }

    /// `VisitRulesFor`: each rule that applies to `user` in `namespace` (with where it
    /// comes from), and each resolution error, until `visitor` returns false.
    public func visitRules(for user: UserInfo, namespace: String, reader: ResolutionError.Reader = .lister,
                           _ visitor: (RuleVisit) -> Bool) {
        for rb in visitOrder(namespace: namespace) {
            let ns = rb.binding.kind == .roleBinding ? namespace : ""
            guard let subjectIndex = SubjectMatching.firstMatch(user, rb.binding.subjects, namespace: ns) else {
                continue
            }
            switch rb.resolution {
            case .failed(let e):
                if !visitor(.error(e.message(reader))) { return }
            case .rules(let role):
                guard let source = rb.source else { continue }
                for i in role.rules.indices {
                    if !visitor(.rule(Grant(source, subjectIndex: subjectIndex, ruleIndex: i))) { return }
                }
            }
        }
    }

    /// `RulesFor`: every rule that applies, and the resolution errors met on the way.
    public func rulesFor(_ user: UserInfo, namespace: String,
                         reader: ResolutionError.Reader = .lister) -> (rules: [PolicyRule], errors: [String]) {
        var rules: [PolicyRule] = []
        var errors: [String] = []
        visitRules(for: user, namespace: namespace, reader: reader) { visit in
            switch visit {
            case .rule(let g): rules.append(g.rule)
            case .error(let e): errors.append(e)
            }
            return true
        }
        return (rules, errors)
    }
}

/// One step of `visitRules`: a rule with its source, or a resolution error.
public enum RuleVisit: Sendable {
    case rule(Grant)
    case error(String)
}

/// The authorizer's answer to one request.
public struct AuthorizationDecision: Sendable, Equatable {
    /// `DecisionAllow`; false is `DecisionNoOpinion` (RBAC never denies outright).
    public var allowed: Bool
    /// Upstream's reason text: `RBAC: allowed by ...`, `RBAC: <errors>` or empty.
    public var reason: String
    /// The rule that allowed the request and where it came from.
    public var grant: Grant?
    /// Role references that could not be resolved on the way (lister text).
    public var errors: [String]
}

/// A rule as one binding gives it to one user: the binding, the subject that matched,
/// the role and the rule's index in it.
public struct Grant: Sendable, Equatable {
    let source: GrantSource
    public let subjectIndex: Int
    public let ruleIndex: Int

    init(_ source: GrantSource, subjectIndex: Int, ruleIndex: Int) {
        self.source = source
        self.subjectIndex = subjectIndex
        self.ruleIndex = ruleIndex
    }

    public var binding: BindingObject { source.binding }
    /// Position of the binding among all bindings given to the authorizer.
    public var bindingIndex: Int { source.bindingIndex }
    public var role: RoleObject { source.role }

    public static func == (a: Grant, b: Grant) -> Bool {
        a.subjectIndex == b.subjectIndex && a.ruleIndex == b.ruleIndex && a.bindingIndex == b.bindingIndex
            && a.binding == b.binding && a.role == b.role
    }

    public var rule: PolicyRule { role.rules[ruleIndex] }
    public var subject: Subject { binding.subjects[subjectIndex] }

    /// The describers of `rule.go`:
    /// `ClusterRoleBinding "b" of ClusterRole "r" to User "u"`,
    /// `RoleBinding "b/ns" of Role "r" to ServiceAccount "sa/ns"`.
    public var description: String { Self.describe(binding, subjectIndex: subjectIndex) }

    static func describe(_ binding: BindingObject, subjectIndex: Int) -> String {
        let ref = binding.roleRef
        let subject = binding.subjects[subjectIndex]
        switch binding.kind {
        case .clusterRoleBinding:
            return "ClusterRoleBinding " + GoQuote.quote(binding.name) + " of " + ref.kind + " "
                + GoQuote.quote(ref.name) + " to " + SubjectMatching.describe(subject, bindingNamespace: "")
        case .roleBinding:
            return "RoleBinding " + GoQuote.quote(binding.name + "/" + binding.namespace) + " of " + ref.kind + " "
                + GoQuote.quote(ref.name) + " to " + SubjectMatching.describe(subject, bindingNamespace: binding.namespace)
        }
    }
}
