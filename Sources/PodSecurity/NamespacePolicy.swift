import Diagnostics

/// The policy of a namespace: a level and version for each of enforce, audit and warn.
public struct NamespacePolicy: Sendable, Hashable, CustomStringConvertible {
    public var enforce: LevelVersion
    public var audit: LevelVersion
    public var warn: LevelVersion

    public init(enforce: LevelVersion = .privilegedLatest, audit: LevelVersion = .privilegedLatest,
                warn: LevelVersion = .privilegedLatest) {
        self.enforce = enforce
        self.audit = audit
        self.warn = warn
    }

    /// privileged:latest for every mode: what kube-apiserver uses with no configuration.
    public static let privileged = NamespacePolicy()

    public var isFullyPrivileged: Bool {
        enforce.level == .privileged && audit.level == .privileged && warn.level == .privileged
    }

    public func isEquivalent(to other: NamespacePolicy) -> Bool {
        enforce.isEquivalent(to: other.enforce) && audit.isEquivalent(to: other.audit) && warn.isEquivalent(to: other.warn)
    }

    public var description: String { "enforce=\(enforce), audit=\(audit), warn=\(warn)" }
}

/// The namespace labels Pod Security reads (api/constants.go).
public enum PodSecurityLabels {
    public static let prefix = "pod-security.kubernetes.io/"
    public static let enforce = prefix + "enforce"
    public static let enforceVersion = prefix + "enforce-version"
    public static let audit = prefix + "audit"
    public static let auditVersion = prefix + "audit-version"
    public static let warn = prefix + "warn"
    public static let warnVersion = prefix + "warn-version"
}

/// An invalid namespace label, as field.Invalid renders it:
/// `metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "foo": must be one of ...`.
public struct LabelError: Sendable, Hashable, CustomStringConvertible {
    public var label: String
    public var value: String
    public var message: String

    public var description: String {
        "metadata.labels[\(label)]: Invalid value: \(GoQuote.quote(value)): \(message)"
    }
}

extension NamespacePolicy {
    /// api.PolicyToEvaluate: the labels over the defaults. An invalid enforce level fails
    /// closed (restricted), invalid audit and warn levels fail open (privileged), invalid
    /// versions become latest; warn is raised to a stricter, validly labelled enforce level
    /// when no warn label is set.
    public static func fromLabels(_ labels: [String: String], defaults: NamespacePolicy = .privileged)
        -> (policy: NamespacePolicy, errors: [LabelError]) {
        var p = defaults
        var errors: [LabelError] = []
        if labels.isEmpty { return (p, errors) }
        func note(_ label: String, _ value: String, _ message: String?) {
            if let message { errors.append(LabelError(label: label, value: value, message: message)) }
        }
        var hasEnforceLevel = false
        if let v = labels[PodSecurityLabels.enforce] {
            let r = PodSecurityLevel.parse(v)
            p.enforce.level = r.level
            hasEnforceLevel = r.error == nil
            note(PodSecurityLabels.enforce, v, r.error)
        }
        if let v = labels[PodSecurityLabels.enforceVersion] {
            let r = PodSecurityVersion.parse(v)
            p.enforce.version = r.version
            note(PodSecurityLabels.enforceVersion, v, r.error)
        }
        if let v = labels[PodSecurityLabels.audit] {
            let r = PodSecurityLevel.parse(v)
            p.audit.level = r.error == nil ? r.level : .privileged
            note(PodSecurityLabels.audit, v, r.error)
        }
        if let v = labels[PodSecurityLabels.auditVersion] {
            let r = PodSecurityVersion.parse(v)
            p.audit.version = r.version
            note(PodSecurityLabels.auditVersion, v, r.error)
        }
        let hasWarnLevel = labels[PodSecurityLabels.warn] != nil
        if let v = labels[PodSecurityLabels.warn] {
            let r = PodSecurityLevel.parse(v)
            p.warn.level = r.error == nil ? r.level : .privileged
            note(PodSecurityLabels.warn, v, r.error)
        }
        let hasWarnVersion = labels[PodSecurityLabels.warnVersion] != nil
        if let v = labels[PodSecurityLabels.warnVersion] {
            let r = PodSecurityVersion.parse(v)
            p.warn.version = r.version
            note(PodSecurityLabels.warnVersion, v, r.error)
        }
        if !hasWarnLevel && hasEnforceLevel && p.enforce.level > p.warn.level {
            p.warn.level = p.enforce.level
            if !hasWarnVersion { p.warn.version = p.enforce.version }
        }
        return (p, errors)
    }
}

/// utilerrors.NewAggregate(...).Error(): one message alone, several in brackets, duplicates dropped.
func aggregateMessage(_ messages: [String]) -> String {
    var seen = Set<String>()
    let unique = messages.filter { seen.insert($0).inserted }
    return unique.count == 1 ? unique[0] : "[" + unique.joined(separator: ", ") + "]"
}
