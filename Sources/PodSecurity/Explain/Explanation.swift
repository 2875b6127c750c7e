/// One check's line in an explanation (the equivalent of `kcsa policy explain` for pods).
public struct CheckExplanation: Sendable {
    public enum Status: Sendable, Equatable {
        case pass
        case fail(reason: String, detail: String)
        /// A baseline check replaced at the restricted level by a stricter one.
        case replaced(by: CheckID)
        /// The check does not exist yet at the version evaluated.
        case notYet(since: Int)
        /// A restricted check, not part of the baseline level.
        case notInLevel
    }

    public var check: CheckID
    public var level: PodSecurityLevel
    public var status: Status
    /// The upstream function that ran (e.g. `allowPrivilegeEscalation_1_25`).
    public var functionName: String?
}

/// Every check, in check order, with what it decided for one pod at one level and version.
public struct Explanation: Sendable {
    public var levelVersion: LevelVersion
    /// The version whose checks ran (`latest` and newer versions evaluate v1.35).
    public var evaluatedMinor: Int
    public var checks: [CheckExplanation]
    public var result: AggregateResult

    public init(_ lv: LevelVersion, _ meta: PodMetadata, _ spec: PodSpec, registry: CheckRegistry = .standard) {
        levelVersion = lv
        evaluatedMinor = registry.evaluatedMinor(lv.version)
        result = registry.evaluate(lv, meta, spec)
        var byID: [CheckID: CheckOutcome] = [:]
        for o in result.outcomes { byID[o.check] = o }
        let minor = evaluatedMinor
        let ordered = registry.checks.sorted {
            ($0.level == .baseline ? 0 : 1, $0.id) < ($1.level == .baseline ? 0 : 1, $1.id)
        }
        let overriders = ordered.filter { $0.level == .restricted }.compactMap { c in
            c.implementation(atMinor: minor).map { (c.id, $0.overrides) }
        }
        checks = ordered.map { c in
            let impl = c.implementation(atMinor: minor)
            var status: CheckExplanation.Status
            if let o = byID[c.id] {
                status = o.result.allowed ? .pass
                    : .fail(reason: o.result.forbiddenReason.isEmpty ? AggregateResult.unknownForbiddenReason : o.result.forbiddenReason,
                            detail: o.result.forbiddenDetail)
            } else if lv.level == .privileged {
                status = .notInLevel
            } else if c.level == .restricted && lv.level == .baseline {
                status = .notInLevel
            } else if impl == nil {
                status = .notYet(since: c.versions.first?.minimumVersion ?? 0)
            } else if let by = overriders.first(where: { $0.1.contains(c.id) }) {
                status = .replaced(by: by.0)
            } else {
                status = .notInLevel
            }
            return CheckExplanation(check: c.id, level: c.level, status: status, functionName: impl?.functionName)
        }
    }
}
