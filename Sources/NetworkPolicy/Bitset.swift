/// A fixed-size set of small integers (pod indices) packed in 64-bit words, so that
/// "which sources may reach this pod" is a handful of word-wide ORs.
public struct Bitset: Sendable, Equatable {
    public private(set) var words: [UInt64]
    public let count: Int

    public init(count: Int, all: Bool = false) {
        self.count = count
        words = Array(repeating: all ? UInt64.max : 0, count: (count + 63) / 64)
        if all { trim() }
    }

    private mutating func trim() {
        let extra = words.count * 64 - count
        if extra > 0, !words.isEmpty { words[words.count - 1] &= UInt64.max >> UInt64(extra) }
    }

    public subscript(i: Int) -> Bool {
        get { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
        set {
            if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
        }
    }

    public mutating func formUnion(_ other: Bitset) {
        words.withUnsafeMutableBufferPointer { w in
            other.words.withUnsafeBufferPointer { o in
                for i in 0..<w.count { w[i] |= o[i] }
            }
        }
    }

    public func intersection(_ other: Bitset) -> Bitset {
        var r = self
        for i in 0..<r.words.count { r.words[i] &= other.words[i] }
        return r
    }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
    public var isFull: Bool { self == Bitset(count: count, all: true) }
    public var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The members in increasing order.
    public var members: [Int] {
        var out: [Int] = []
        for (wi, word) in words.enumerated() {
            var w = word
            while w != 0 {
                let b = w.trailingZeroBitCount
                out.append(wi * 64 + b)
                w &= w - 1
            }
        }
        return out
    }

    /// Calls `body` for each member, in increasing order, without allocating.
    public func forEach(_ body: (Int) -> Void) {
        for (wi, word) in words.enumerated() {
            var w = word
            while w != 0 {
                body(wi * 64 + w.trailingZeroBitCount)
                w &= w - 1
            }
        }
    }
}
