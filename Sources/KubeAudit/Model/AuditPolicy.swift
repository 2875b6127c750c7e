import Diagnostics

/// An `audit.k8s.io/v1` Policy as written: strings are kept raw (a level or stage may be
/// misspelt), so validation can report exactly what kube-apiserver would.
public struct AuditPolicy: Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    public var rules: [PolicyRule]
    public var omitStages: [String]
    public var omitManagedFields: Bool
    /// Where each part was written, when the policy came from a file.
    public var spans: PolicySpans

    public init(apiVersion: String? = "audit.k8s.io/v1", kind: String? = "Policy", rules: [PolicyRule] = [],
                omitStages: [String] = [], omitManagedFields: Bool = false, spans: PolicySpans = PolicySpans()) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.rules = rules
        self.omitStages = omitStages
        self.omitManagedFields = omitManagedFields
        self.spans = spans
    }
}

/// One rule of a policy. Empty lists mean "any" (see the evaluator for the exact rules).
public struct PolicyRule: Sendable, Equatable {
    public var level: String
    public var users: [String]
    public var userGroups: [String]
    public var verbs: [String]
    public var resources: [GroupResources]
    public var namespaces: [String]
    public var nonResourceURLs: [String]
    public var omitStages: [String]
    /// nil means "use the policy's value".
    public var omitManagedFields: Bool?

    public init(level: String, users: [String] = [], userGroups: [String] = [], verbs: [String] = [],
                resources: [GroupResources] = [], namespaces: [String] = [], nonResourceURLs: [String] = [],
                omitStages: [String] = [], omitManagedFields: Bool? = nil) {
        self.level = level
        self.users = users
        self.userGroups = userGroups
        self.verbs = verbs
        self.resources = resources
        self.namespaces = namespaces
        self.nonResourceURLs = nonResourceURLs
        self.omitStages = omitStages
        self.omitManagedFields = omitManagedFields
    }
}

/// A group and resources within it. An absent `group` is the core group `""`.
public struct GroupResources: Sendable, Equatable {
    public var group: String
    public var resources: [String]
    public var resourceNames: [String]

    public init(group: String = "", resources: [String] = [], resourceNames: [String] = []) {
        self.group = group
        self.resources = resources
        self.resourceNames = resourceNames
    }
}

/// Byte spans of the parts of a policy file, keyed by field path
/// (`rules[0].level`, `rules[1].resources[0].group`, `rules[2].verbs[1]`, ...).
/// Paths always carry indices here, unlike the apiserver's messages.
public struct PolicySpans: Sendable, Equatable {
    /// Span of the value at a path.
    public var values: [String: Span] = [:]
    /// Span of the key that introduced a path.
    public var keys: [String: Span] = [:]

    public init() {}

    /// The best place to point at for a path: its value, else its key, else the
    /// nearest parent that has one.
    public func span(for path: String) -> Span? {
        var p = path
        while true {
            if let s = values[p] ?? keys[p] { return s }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            p = String(p[..<cut])
        }
    }
}
