import Diagnostics

/// A check's implementation: pod metadata and spec in, result out.
public typealias CheckFunction = @Sendable (PodMetadata, PodSpec) -> CheckResult

/// The ids of the v0.36.2 checks.
public enum CheckID: String, Sendable, Hashable, CaseIterable, Comparable {
    case appArmorProfile
    case capabilitiesBaseline = "capabilities_baseline"
    case hostNamespaces
    case hostPathVolumes
    case hostPorts
    case hostProbesAndHostLifecycle
    case privileged
    case procMount
    case seLinuxOptions
    case seccompProfileBaseline = "seccompProfile_baseline"
    case sysctls
    case windowsHostProcess
    case allowPrivilegeEscalation
    case capabilitiesRestricted = "capabilities_restricted"
    case procMountRestricted = "procMount_restricted"
    case restrictedVolumes
    case runAsNonRoot
    case runAsUser
    case seccompProfileRestricted = "seccompProfile_restricted"

    /// Byte-wise order of the ids, as Go's slices.Sort orders them.
    public static func < (a: Self, b: Self) -> Bool { GoQuote.less(a.rawValue, b.rawValue) }
}

/// One implementation of a check, in force from `minimumVersion` until the next one.
public struct VersionedCheck: Sendable {
    public var minimumVersion: Int
    public var function: CheckFunction
    /// The Go function's name upstream, e.g. `allowPrivilegeEscalation_1_25`.
    public var functionName: String
    /// Baseline checks this restricted check replaces at the restricted level.
    public var overrides: [CheckID]
}

/// A check: its id, level and versioned implementations (policy/checks.go Check).
public struct Check: Sendable {
    public var id: CheckID
    public var level: PodSecurityLevel
    public var versions: [VersionedCheck]

    /// The implementation in force at a policy minor version, if the check exists then.
    public func implementation(atMinor minor: Int) -> VersionedCheck? {
        versions.last { $0.minimumVersion <= minor }
    }
}

/// The ordered check lists for every level and version (policy/registry.go): baseline
/// ids sorted, then restricted ids sorted; at the restricted level a baseline check named
/// in a restricted check's overrides at that version is dropped.
public struct CheckRegistry: Sendable {
    public let checks: [Check]
    /// The newest version evaluated: v1.35, or an older emulated version.
    public let maxMinor: Int
    private let baseline: [[(CheckID, VersionedCheck)]]
    private let restricted: [[(CheckID, VersionedCheck)]]

    /// The v0.36.2 check set.
    public static let standard = CheckRegistry(checks: StandardChecks.all)

    /// - Parameter emulatedMinor: like kube-apiserver's emulation version, caps the policy
    ///   version evaluated (so `latest` means that version's checks).
    public init(checks: [Check], emulatedMinor: Int? = nil) {
        self.checks = checks
        let newest = checks.compactMap { $0.versions.last?.minimumVersion }.max() ?? 0
        maxMinor = min(newest, emulatedMinor ?? newest)
        let ordered = checks.sorted { ($0.level == .baseline ? 0 : 1, $0.id) < ($1.level == .baseline ? 0 : 1, $1.id) }
        var baseline: [[(CheckID, VersionedCheck)]] = []
        var restricted: [[(CheckID, VersionedCheck)]] = []
        for minor in 0...max(newest, 0) {
            let present = ordered.compactMap { c in c.implementation(atMinor: minor).map { (c, $0) } }
            let overridden = Set(present.filter { $0.0.level == .restricted }.flatMap { $0.1.overrides })
            baseline.append(present.filter { $0.0.level == .baseline }.map { ($0.0.id, $0.1) })
            restricted.append(present.filter { $0.0.level == .restricted || !overridden.contains($0.0.id) }
                .map { ($0.0.id, $0.1) })
        }
        self.baseline = baseline
        self.restricted = restricted
    }

    public func check(_ id: CheckID) -> Check? { checks.first { $0.id == id } }

    /// The minor version whose check set a requested version evaluates.
    public func evaluatedMinor(_ version: PodSecurityVersion) -> Int {
        switch version {
        case .latest: maxMinor
        case .minor(let n): min(n, maxMinor)
        }
    }

    /// The checks that run at a level and version, in order (none at privileged).
    public func checks(for lv: LevelVersion) -> [(id: CheckID, implementation: VersionedCheck)] {
        let minor = evaluatedMinor(lv.version)
        switch lv.level {
        case .privileged: return []
        case .baseline: return baseline[minor].map { ($0.0, $0.1) }
        case .restricted: return restricted[minor].map { ($0.0, $0.1) }
        }
    }

    /// Runs every check for the level and version on the pod.
    public func evaluate(_ lv: LevelVersion, _ meta: PodMetadata, _ spec: PodSpec) -> AggregateResult {
        let outcomes = checks(for: lv).map { id, impl in
            CheckOutcome(check: id, implementedSince: .minor(impl.minimumVersion), result: impl.function(meta, spec))
        }
        return AggregateResult(levelVersion: lv, outcomes: outcomes)
    }
}
