/// The audit annotation keys, as they appear in audit events (the plugin's keys with
/// the `pod-security.kubernetes.io/` prefix).
public enum PodSecurityAnnotations {
    public static let enforcePolicy = PodSecurityLabels.prefix + "enforce-policy"
    public static let auditViolations = PodSecurityLabels.prefix + "audit-violations"
    public static let exempt = PodSecurityLabels.prefix + "exempt"
    public static let error = PodSecurityLabels.prefix + "error"
}

/// One admission request for a pod or a pod controller.
public struct AdmissionRequest: Sendable {
    public enum Operation: String, Sendable { case create = "CREATE", update = "UPDATE" }

    public var object: PodSecurityObject
    /// The request's namespace (the object's own, or the default).
    public var namespace: String
    public var namespaceLabels: [String: String]
    public var userName: String
    public var operation: Operation
    /// The stored object, for updates: an update that changes no container image is not evaluated.
    public var oldObject: PodSecurityObject?
    /// A pod subresource (`status`, `exec`, `ephemeralcontainers`, ...); empty for the object itself.
    public var subresource: String

    public init(object: PodSecurityObject, namespace: String, namespaceLabels: [String: String], userName: String = "",
                operation: Operation = .create, oldObject: PodSecurityObject? = nil, subresource: String = "") {
        self.object = object
        self.namespace = namespace
        self.namespaceLabels = namespaceLabels
        self.userName = userName
        self.operation = operation
        self.oldObject = oldObject
        self.subresource = subresource
    }
}

/// What the plugin answers: allowed or not, the error, warnings and audit annotations.
public struct AdmissionResponse: Sendable, Equatable {
    public var allowed: Bool
    /// The enforce error, `violates PodSecurity "...": ...` (nil when allowed).
    public var message: String?
    /// `pods "web" is forbidden: violates PodSecurity ...` (nil when allowed).
    public var forbiddenError: String?
    /// Warnings returned to the client (kubectl prints `Warning: ...`).
    public var warnings: [String]
    /// Audit annotations, sorted by key as in an audit event.
    public var auditAnnotations: [(key: String, value: String)]
    /// The policy the namespace resolved to, when it was looked at.
    public var policy: NamespacePolicy?
    /// The enforce evaluation (pods only), when it ran.
    public var enforceResult: AggregateResult?

    public init(allowed: Bool = true, message: String? = nil, forbiddenError: String? = nil, warnings: [String] = [],
                auditAnnotations: [String: String] = [:], policy: NamespacePolicy? = nil,
                enforceResult: AggregateResult? = nil) {
        self.allowed = allowed
        self.message = message
        self.forbiddenError = forbiddenError
        self.warnings = warnings
        self.auditAnnotations = auditAnnotations.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        self.policy = policy
        self.enforceResult = enforceResult
    }

    public func annotation(_ key: String) -> String? { auditAnnotations.first { $0.key == key }?.value }

    public static func == (a: Self, b: Self) -> Bool {
        a.allowed == b.allowed && a.message == b.message && a.forbiddenError == b.forbiddenError
            && a.warnings == b.warnings && a.auditAnnotations.map(\.key) == b.auditAnnotations.map(\.key)
            && a.auditAnnotations.map(\.value) == b.auditAnnotations.map(\.value) && a.policy == b.policy
            && a.enforceResult == b.enforceResult
    }
}

/// The answer to a namespace create or update.
public struct NamespaceResponse: Sendable, Equatable {
    public var allowed: Bool
    /// `Namespace "x" is invalid: metadata.labels[...]: Invalid value: ...` when refused.
    public var error: String?
    public var warnings: [String]

    public init(allowed: Bool = true, error: String? = nil, warnings: [String] = []) {
        self.allowed = allowed
        self.error = error
        self.warnings = warnings
    }
}
