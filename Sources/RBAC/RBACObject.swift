import Diagnostics

/// Where an object came from: the file it was read from and its span there, so an
/// explanation can point at the binding or role that decided.
public struct ObjectOrigin: Sendable, Hashable {
    public var file: String
    public var span: Span

    public init(file: String, span: Span) {
        self.file = file
        self.span = span
    }
}

/// A Role (namespaced) or a ClusterRole.
public struct RoleObject: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case role = "Role"
        case clusterRole = "ClusterRole"
    }

    public var kind: Kind
    public var name: String
    /// Empty for a ClusterRole.
    public var namespace: String
    public var labels: [String: String]
    public var rules: [PolicyRule]
    /// Only a ClusterRole has one; nil means none (Go's nil `*AggregationRule`).
    public var aggregationRule: AggregationRule?
    public var origin: ObjectOrigin?

    public init(kind: Kind, name: String, namespace: String = "", labels: [String: String] = [:],
                rules: [PolicyRule], aggregationRule: AggregationRule? = nil, origin: ObjectOrigin? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.rules = rules
        self.aggregationRule = aggregationRule
        self.origin = origin
    }
}

/// `aggregationRule.clusterRoleSelectors` of a ClusterRole.
public struct AggregationRule: Sendable, Hashable {
    public var clusterRoleSelectors: [LabelSelector]

    public init(clusterRoleSelectors: [LabelSelector]) {
        self.clusterRoleSelectors = clusterRoleSelectors
    }
}

/// What a binding grants: a Role in the binding's namespace or a ClusterRole.
public struct RoleRef: Sendable, Hashable {
    public var apiGroup: String
    /// `Role` or `ClusterRole`; anything else is kept so the authorizer can report it.
    public var kind: String
    public var name: String

    public init(apiGroup: String = "rbac.authorization.k8s.io", kind: String, name: String) {
        self.apiGroup = apiGroup
        self.kind = kind
        self.name = name
    }
}

/// One subject of a binding: a User, a Group or a ServiceAccount.
public struct Subject: Sendable, Hashable {
    public var kind: String
    public var apiGroup: String
    public var name: String
    /// For a ServiceAccount; empty means the binding's namespace (RoleBindings only).
    public var namespace: String

    public init(kind: String, apiGroup: String = "", name: String, namespace: String = "") {
        self.kind = kind
        self.apiGroup = apiGroup
        self.name = name
        self.namespace = namespace
    }
}

/// A RoleBinding (namespaced) or a ClusterRoleBinding.
public struct BindingObject: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case roleBinding = "RoleBinding"
        case clusterRoleBinding = "ClusterRoleBinding"
    }

    public var kind: Kind
    public var name: String
    /// Empty for a ClusterRoleBinding.
    public var namespace: String
    public var roleRef: RoleRef
    public var subjects: [Subject]
    public var origin: ObjectOrigin?

    public init(kind: Kind, name: String, namespace: String = "", roleRef: RoleRef, subjects: [Subject],
                origin: ObjectOrigin? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.roleRef = roleRef
        self.subjects = subjects
        self.origin = origin
    }
}

/// Any of the four RBAC kinds, in the order they were read.
public enum RBACObject: Sendable, Hashable {
    case role(RoleObject)
    case binding(BindingObject)

    public var kindName: String {
        switch self {
        case .role(let r): r.kind.rawValue
        case .binding(let b): b.kind.rawValue
        }
    }

    public var name: String {
        switch self {
        case .role(let r): r.name
        case .binding(let b): b.name
        }
    }

    public var namespace: String {
        switch self {
        case .role(let r): r.namespace
        case .binding(let b): b.namespace
        }
    }

    public var origin: ObjectOrigin? {
        switch self {
        case .role(let r): r.origin
        case .binding(let b): b.origin
        }
    }

    /// `Kind/namespace/name`, the identity a cluster keeps one object per.
    public var key: String { kindName + "/" + namespace + "/" + name }
}
