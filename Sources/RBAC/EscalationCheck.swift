import Diagnostics

/// Escalation prevention on writes of Roles, ClusterRoles and bindings: the checks the
/// policy-based storages in `pkg/registry/rbac/*/policybased` run before storing.
///
/// The authorizer consulted for `escalate` and `bind` is the RBAC authorizer itself
/// (a cluster may chain others before it; kcsa models RBAC alone).
public enum EscalationCheck {
    /// Which check decided a write.
    public enum Decider: String, Sendable, Hashable {
        /// The user is in `system:masters` (`EscalationAllowed`).
        case systemMasters = "system:masters"
        /// The user may `escalate` roles/clusterroles (`RoleEscalationAuthorized`).
        case escalate
        /// The user may `bind` the referenced role (`BindingAuthorized`).
        case bind
        /// `ConfirmNoEscalation`: the user already holds every rule granted.
        case covers
        /// A ClusterRole with an aggregationRule needs full authority.
        case aggregationRule
        /// The binding's role reference could not be resolved.
        case roleRef
    }

    /// Create or update. On update the `escalate` check names the object, and an
    /// aggregationRule on the stored object also needs full authority.
    public enum Operation: Sendable, Hashable {
        case create
        case update(old: RBACObject?)
    }

    /// The outcome of one write.
    public struct Outcome: Sendable, Hashable {
        public var allowed: Bool
        /// The API server's error text when refused.
        public var error: String?
        public var decidedBy: Decider
        /// For a covers refusal, the broken-down rules the user lacks.
        public var missing: [PolicyRule]
    }

    static let rbacGroup = "rbac.authorization.k8s.io"

    /// `fullAuthority` of the ClusterRole storage: `*` on `*.*` and on every URL.
    public static let fullAuthority = [
        PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]),
        PolicyRule(verbs: ["*"], nonResourceURLs: ["*"]),
    ]

    /// Whether the API server would store `object` written by `user`.
    public static func check(_ object: RBACObject, by user: UserInfo, using authorizer: RBACAuthorizer,
                             operation: Operation = .create) -> Outcome {
        if user.groups.contains(UserInfo.systemMasters) {
            return Outcome(allowed: true, error: nil, decidedBy: .systemMasters, missing: [])
        }
        switch object {
        case .role(let role): return checkRole(role, user, authorizer, operation)
        case .binding(let binding): return checkBinding(binding, user, authorizer)
        }
    }

    private static func checkRole(_ role: RoleObject, _ user: UserInfo, _ authorizer: RBACAuthorizer,
                                  _ operation: Operation) -> Outcome {
        let resource = role.kind == .role ? "roles" : "clusterroles"
        var name = ""
        var oldAggregates = false
        if case .update(let old) = operation {
            name = role.name
            if case .role(let o)? = old, let a = o.aggregationRule, !a.clusterRoleSelectors.isEmpty { oldAggregates = true }
        }
        let escalate = AuthorizationRequest(verb: "escalate", apiGroup: rbacGroup, resource: resource, name: name,
                                            namespace: role.namespace)
        if authorizer.authorize(escalate, as: user).allowed {
            return Outcome(allowed: true, error: nil, decidedBy: .escalate, missing: [])
        }
        if let (message, missing) = confirmNoEscalation(authorizer, user, namespace: role.namespace, rules: role.rules) {
            return Outcome(allowed: false, error: forbidden(resource, role.name, message), decidedBy: .covers,
                           missing: missing)
        }
        let aggregates = role.kind == .clusterRole && !(role.aggregationRule?.clusterRoleSelectors.isEmpty ?? true)
        if aggregates || (role.kind == .clusterRole && oldAggregates),
           let (_, missing) = confirmNoEscalation(authorizer, user, namespace: "", rules: fullAuthority) {
            let message = "must have cluster-admin privileges to use the aggregationRule"
            return Outcome(allowed: false, error: forbidden(resource, role.name, message), decidedBy: .aggregationRule,
                           missing: missing)
        }
        return Outcome(allowed: true, error: nil, decidedBy: .covers, missing: [])
    }

    private static func checkBinding(_ binding: BindingObject, _ user: UserInfo, _ authorizer: RBACAuthorizer) -> Outcome {
        let resource = binding.kind == .roleBinding ? "rolebindings" : "clusterrolebindings"
        let namespace = binding.kind == .roleBinding ? binding.namespace : ""
        if bindingAuthorized(binding.roleRef, namespace: namespace, user, authorizer) {
            return Outcome(allowed: true, error: nil, decidedBy: .bind, missing: [])
        }
        let rules: [PolicyRule]
        switch authorizer.index.resolve(binding.roleRef, bindingNamespace: namespace) {
        case .failed(let e):
            return Outcome(allowed: false, error: e.message(.registry), decidedBy: .roleRef, missing: [])
        case .rules(let role):
            rules = role.rules
        }
        if let (message, missing) = confirmNoEscalation(authorizer, user, namespace: namespace, rules: rules) {
            return Outcome(allowed: false, error: forbidden(resource, binding.name, message), decidedBy: .covers,
                           missing: missing)
        }
        return Outcome(allowed: true, error: nil, decidedBy: .covers, missing: [])
    }

    /// `BindingAuthorized`: `bind` on the referenced role, in the binding's namespace.
    static func bindingAuthorized(_ ref: RoleRef, namespace: String, _ user: UserInfo,
                                  _ authorizer: RBACAuthorizer) -> Bool {
        let resource: String
        switch ref.kind {
        case "ClusterRole": resource = "clusterroles"
        case "Role": resource = "roles"
        default: return false
        }
        let bind = AuthorizationRequest(verb: "bind", apiGroup: ref.apiGroup, resource: resource, name: ref.name,
                                        namespace: namespace)
        return authorizer.authorize(bind, as: user).allowed
    }

    /// `ConfirmNoEscalation`: nil when the rules the user holds in `namespace` cover
    /// `rules`; otherwise upstream's message and the missing rules. The rule resolver of
    /// the storages reads the registry, so resolution errors use its wording.
    public static func confirmNoEscalation(_ authorizer: RBACAuthorizer, _ user: UserInfo, namespace: String,
                                           rules: [PolicyRule]) -> (message: String, missing: [PolicyRule])? {
        let (owner, errors) = authorizer.rulesFor(user, namespace: namespace, reader: .registry)
        let (covered, missing) = RuleCoverage.covers(owner: owner, servant: rules)
        if covered { return nil }
        let descriptions = Set(RuleCoverage.compactForEscalation(missing).map(\.compactString))
        var message = "user " + GoQuote.quote(user.name) + " (groups=" + GoFormat.quotedList(user.groups)
            + ") is attempting to grant RBAC permissions not currently held:\n"
            + descriptions.sorted(by: GoQuote.less).joined(separator: "\n")
        if !errors.isEmpty {
            // `%v` of a one-element []error holding the aggregate.
            message += "; resolution errors: [" + ErrorAggregate.message(errors) + "]"
        }
        return (message, missing)
    }

    /// `errors.NewForbidden(groupResource, name, err).Error()`.
    static func forbidden(_ resource: String, _ name: String, _ message: String) -> String {
        if name.isEmpty { return resource + "." + rbacGroup + " is forbidden: " + message }
        return resource + "." + rbacGroup + " " + GoQuote.quote(name) + " is forbidden: " + message
    }
}
