/// How much of a request is recorded (`audit.k8s.io/v1` Level), ordered
/// None < Metadata < Request < RequestResponse as in the apiserver's `ordLevel`.
public enum AuditLevel: String, Sendable, CaseIterable, Comparable, Codable {
    case none = "None"
    case metadata = "Metadata"
    case request = "Request"
    case requestResponse = "RequestResponse"

    private var rank: Int {
        switch self {
        case .none: 0
        case .metadata: 1
        case .request: 2
        case .requestResponse: 3
        }
    }

    public static func < (a: AuditLevel, b: AuditLevel) -> Bool { a.rank < b.rank }

    /// The level names in the order validation lists them.
    public static let names = allCases.map(\.rawValue)
}

/// A point in a request's life at which an event can be emitted.
public enum AuditStage: String, Sendable, CaseIterable, Codable {
    case requestReceived = "RequestReceived"
    case responseStarted = "ResponseStarted"
    case responseComplete = "ResponseComplete"
    case panic = "Panic"

    /// The stage names in canonical order.
    public static let names = allCases.map(\.rawValue)

    fileprivate var bit: UInt8 {
        switch self {
        case .requestReceived: 1
        case .responseStarted: 2
        case .responseComplete: 4
        case .panic: 8
        }
    }
}

/// A set of stages, always listed in canonical order (the apiserver builds it from a
/// Go map, so its order there is unspecified; a fixed order keeps output reproducible).
public struct StageSet: Sendable, Hashable, SetAlgebra, Sequence {
    public private(set) var bits: UInt8

    public init() { bits = 0 }
    public init(bits: UInt8) { self.bits = bits & 0x0F }
    public init<S: Sequence>(_ stages: S) where S.Element == AuditStage {
        bits = 0
        for s in stages { bits |= s.bit }
    }

    public var isEmpty: Bool { bits == 0 }
    public func contains(_ s: AuditStage) -> Bool { bits & s.bit != 0 }
    public func union(_ other: StageSet) -> StageSet { StageSet(bits: bits | other.bits) }
    public func intersection(_ other: StageSet) -> StageSet { StageSet(bits: bits & other.bits) }
    public func symmetricDifference(_ other: StageSet) -> StageSet { StageSet(bits: bits ^ other.bits) }

    @discardableResult
    public mutating func insert(_ s: AuditStage) -> (inserted: Bool, memberAfterInsert: AuditStage) {
        let had = contains(s)
        bits |= s.bit
        return (!had, s)
    }

    @discardableResult
    public mutating func remove(_ s: AuditStage) -> AuditStage? {
        guard contains(s) else { return nil }
        bits &= ~s.bit
        return s
    }

    @discardableResult
    public mutating func update(with s: AuditStage) -> AuditStage? {
        let had = contains(s)
        bits |= s.bit
        return had ? s : nil
    }

    public mutating func formUnion(_ other: StageSet) { bits |= other.bits }
    public mutating func formIntersection(_ other: StageSet) { bits &= other.bits }
    public mutating func formSymmetricDifference(_ other: StageSet) { bits ^= other.bits }

    public func makeIterator() -> IndexingIterator<[AuditStage]> {
        AuditStage.allCases.filter { contains($0) }.makeIterator()
    }

    public var names: [String] { map(\.rawValue) }
}
