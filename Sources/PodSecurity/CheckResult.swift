import Diagnostics

/// The outcome of one check on one pod (policy/checks.go CheckResult).
public struct CheckResult: Sendable, Equatable {
    public var allowed: Bool
    public var forbiddenReason: String
    public var forbiddenDetail: String

    public init(allowed: Bool, forbiddenReason: String = "", forbiddenDetail: String = "") {
        self.allowed = allowed
        self.forbiddenReason = forbiddenReason
        self.forbiddenDetail = forbiddenDetail
    }

    public static let allowed = CheckResult(allowed: true)

    public static func forbidden(_ reason: String, _ detail: String) -> CheckResult {
        CheckResult(allowed: false, forbiddenReason: reason, forbiddenDetail: detail)
    }
}

/// One check's result within an evaluation, with the check that produced it.
public struct CheckOutcome: Sendable, Equatable {
    public var check: CheckID
    /// The first version of the check's implementation that ran (e.g. v1.25 for allowPrivilegeEscalation at latest).
    public var implementedSince: PodSecurityVersion
    public var result: CheckResult

    public init(check: CheckID, implementedSince: PodSecurityVersion, result: CheckResult) {
        self.check = check
        self.implementedSince = implementedSince
        self.result = result
    }
}

/// A violation as reported: the check, its reason and detail.
public struct Violation: Sendable, Equatable {
    public var check: CheckID
    public var reason: String
    public var detail: String

    public init(check: CheckID, reason: String, detail: String) {
        self.check = check
        self.reason = reason
        self.detail = detail
    }
}

/// The results of every check run at a level and version, aggregated as
/// policy/checks.go AggregateCheckResults does.
public struct AggregateResult: Sendable, Equatable {
    /// What was asked for (printed in messages, e.g. `restricted:v1.99`).
    public var levelVersion: LevelVersion
    /// Every check that ran, in check order, passed or not.
    public var outcomes: [CheckOutcome]

    public init(levelVersion: LevelVersion, outcomes: [CheckOutcome]) {
        self.levelVersion = levelVersion
        self.outcomes = outcomes
    }

    /// Reported for a failed check with an empty reason.
    public static let unknownForbiddenReason = "unknown forbidden reason"

    public var allowed: Bool { outcomes.allSatisfy(\.result.allowed) }

    /// The failed checks, in check order.
    public var violations: [Violation] {
        outcomes.filter { !$0.result.allowed }.map {
            Violation(check: $0.check,
                      reason: $0.result.forbiddenReason.isEmpty ? Self.unknownForbiddenReason : $0.result.forbiddenReason,
                      detail: $0.result.forbiddenDetail)
        }
    }

    /// Reasons joined by ", " (used in namespace dry-run warnings).
    public var forbiddenReason: String { violations.map(\.reason).joined(separator: ", ") }

    /// `reason (detail), reason, ...` — detail in parentheses only when non-empty.
    public var forbiddenDetail: String {
        violations.map { $0.detail.isEmpty ? $0.reason : "\($0.reason) (\($0.detail))" }.joined(separator: ", ")
    }

    /// `violates PodSecurity "restricted:latest": ...`, the enforce error (nil when allowed).
    public var enforceMessage: String? {
        allowed ? nil : "violates PodSecurity \(GoQuote.quote(levelVersion.description)): \(forbiddenDetail)"
    }

    /// `would violate PodSecurity "...": ...`, the warning and audit-violations form (nil when allowed).
    public var warningMessage: String? {
        allowed ? nil : "would violate PodSecurity \(GoQuote.quote(levelVersion.description)): \(forbiddenDetail)"
    }
}
