/// A Pod Security Standards level, ordered by strictness (privileged < baseline < restricted).
public enum PodSecurityLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    case privileged
    case baseline
    case restricted

    private var rank: Int {
        switch self {
        case .privileged: 0
        case .baseline: 1
        case .restricted: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// The message upstream's ParseLevel returns for anything else.
    public static let parseErrorMessage = "must be one of privileged, baseline, restricted"

    /// Parses a level as api.ParseLevel does: an exact, case-sensitive match; anything else
    /// gives `restricted` together with an error message (the caller decides whether to fail open).
    public static func parse(_ text: String) -> (level: PodSecurityLevel, error: String?) {
        if let level = PodSecurityLevel(rawValue: text) { return (level, nil) }
        return (.restricted, parseErrorMessage)
    }
}

/// A policy version: `latest`, or `v1.N`. `latest` is newer than every numbered version.
public enum PodSecurityVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    case latest
    case minor(Int)

    /// The newest policy version with checks at this tag of pod-security-admission (v0.36.2).
    public static let newestPolicy = PodSecurityVersion.minor(35)

    /// The message upstream's ParseVersion returns for anything else.
    public static let parseErrorMessage = "must be \"latest\" or \"v1.x\""

    public var description: String {
        switch self {
        case .latest: "latest"
        case .minor(let n): "v1.\(n)"
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.latest, _): false
        case (.minor, .latest): true
        case (.minor(let x), .minor(let y)): x < y
        }
    }

    /// The version whose check set is evaluated: `latest` and anything newer than the
    /// newest check collapse onto the newest check set (registry.go EvaluatePod).
    public func clamped(to newest: PodSecurityVersion = newestPolicy) -> PodSecurityVersion {
        newest < self ? newest : self
    }

    /// The minor number of a clamped version (latest counts as the newest policy).
    public var minorNumber: Int {
        switch clamped() {
        case .latest: Self.newestMinor
        case .minor(let n): n
        }
    }

    static var newestMinor: Int {
        if case .minor(let n) = newestPolicy { return n }
        return 0
    }

    /// Parses a version as api.ParseVersion does: `latest` or `^v1\.([0-9]|[1-9][0-9]*)$`;
    /// anything else gives `latest` together with an error message.
    public static func parse(_ text: String) -> (version: PodSecurityVersion, error: String?) {
        if text == "latest" { return (.latest, nil) }
        let bytes = Array(text.utf8)
        guard bytes.count > 3, bytes[0] == UInt8(ascii: "v"), bytes[1] == UInt8(ascii: "1"),
              bytes[2] == UInt8(ascii: ".") else { return (.latest, parseErrorMessage) }
        let digits = bytes[3...]
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              digits.count == 1 || digits.first != UInt8(ascii: "0") else { return (.latest, parseErrorMessage) }
        // strconv.Atoi fails past Int64; so does this.
        guard let n = Int(String(decoding: digits, as: UTF8.self)) else { return (.latest, parseErrorMessage) }
        return (.minor(n), nil)
    }
}

/// A level at a version, printed as upstream's LevelVersion.String(): `restricted:v1.35`.
public struct LevelVersion: Sendable, Hashable, CustomStringConvertible {
    public var level: PodSecurityLevel
    public var version: PodSecurityVersion

    public init(_ level: PodSecurityLevel, _ version: PodSecurityVersion = .latest) {
        self.level = level
        self.version = version
    }

    public var description: String { "\(level.rawValue):\(version)" }

    /// Both privileged, or the same level and version (upstream's Equivalent).
    public func isEquivalent(to other: LevelVersion) -> Bool {
        (level == .privileged && other.level == .privileged) || self == other
    }

    /// `privileged:latest`, the default for every mode when nothing is configured.
    public static let privilegedLatest = LevelVersion(.privileged, .latest)
}
