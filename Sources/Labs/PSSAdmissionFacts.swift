import PodSecurity

/// What Pod Security admission does with one object created in a labelled namespace, as
/// the facts a Pod Security lab states: allowed, warning or forbidden, and which checks
/// each mode names. Computed by the engine (PodSecurityAdmission) on every check.
public struct PSSAdmissionFacts: Sendable {
    public enum Outcome: String, Sendable {
        case allowed, warning, forbidden
    }

    public var response: AdmissionResponse
    /// The checks that fail at the enforce level (pods only: controllers are never enforced).
    public var enforceChecks: [CheckID]
    /// The checks named in the warning (none when there is no warning).
    public var warnChecks: [CheckID]
    /// The checks named in the audit-violations annotation.
    public var auditChecks: [CheckID]

    public var outcome: Outcome {
        if !response.allowed { return .forbidden }
        return response.warnings.isEmpty ? .allowed : .warning
    }

    /// The checks of the message that decides the outcome: enforce's when forbidden,
    /// warn's when warned, none when allowed.
    public var checks: [CheckID] {
        switch outcome {
        case .forbidden: enforceChecks
        case .warning: warnChecks
        case .allowed: []
        }
    }

    /// The audit-violations annotation, as the audit log records it.
    public var auditViolations: String? { response.annotation(PodSecurityAnnotations.auditViolations) }

    /// What the API server says: the forbidden error, else the warning, else nothing.
    public var message: String? { response.forbiddenError ?? response.warnings.first }

    /// Evaluates `object` created in `namespace` with `labels` (the default plugin
    /// configuration: privileged defaults, no exemptions; API defaulting applied).
    public static func evaluate(_ object: PodSecurityObject, namespace: String, labels: [String: String],
                                admission: PodSecurityAdmission = PodSecurityAdmission()) -> PSSAdmissionFacts {
        let response = admission.validate(AdmissionRequest(object: object, namespace: namespace, namespaceLabels: labels))
        var facts = PSSAdmissionFacts(response: response, enforceChecks: [], warnChecks: [], auditChecks: [])
        guard let policy = response.policy else { return facts }
        var defaulted = object
        if admission.applyDefaulting { APIDefaulting.apply(to: &defaulted) }
        guard let spec = defaulted.podSpec else { return facts }
        func failing(_ lv: LevelVersion) -> [CheckID] {
            admission.registry.evaluate(lv, defaulted.podMetadata, spec).violations.map(\.check)
        }
        if let r = response.enforceResult { facts.enforceChecks = r.violations.map(\.check) }
        if !response.warnings.isEmpty { facts.warnChecks = failing(policy.warn) }
        if facts.auditViolations != nil { facts.auditChecks = failing(policy.audit) }
        return facts
    }
}

extension CheckID {
    /// A check id as a learner may write it: the id (`capabilities_restricted`), case-insensitively.
    public static func named(_ text: String) -> CheckID? {
        CheckID(rawValue: text) ?? CheckID.allCases.first { $0.rawValue.lowercased() == text.lowercased() }
    }
}
