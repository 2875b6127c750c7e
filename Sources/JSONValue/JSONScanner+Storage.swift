/// The scanner's working memory, kept from one value to the next so parsing a
/// stream of similar values allocates little beyond the values themselves.
extension JSONScanner {
    /// One open container.
    struct Frame {
        var isObject: Bool
        /// Where its members start on the value (and, for objects, key) stacks.
        var valueStart: Int
        var keyStart: Int
        /// For an object whose member being read repeats an earlier key: that
        /// member's index (jq keeps the first position and the last value).
        var duplicateOf: Int
        /// Key -> member index, built once the object has `JSONScanner.linearKeyScan`
        /// keys, so duplicate detection stays linear in the object's size.
        var keyIndex: [String: Int]? = nil
    }

    /// Buffers a scanner reuses; a stream parser keeps one across values,
    /// moving it into each scanner and back (a struct: no dynamic exclusivity
    /// checks on the hot path; moved, so the caches are never copied).
    struct Storage {
        var frames: [Frame] = []
        var values: MoveStack<JSON>
        var keys: MoveStack<String>
        var scratch: [UInt8] = []
        var keyCache: StringCache
        var valueCache: StringCache

        /// A stream reuses large stacks and string caches; one short text needs neither.
        init(forStream: Bool = false) {
            values = MoveStack(capacity: forStream ? 256 : 16)
            keys = MoveStack(capacity: forStream ? 64 : 8)
            keyCache = StringCache(slots: forStream ? 2048 : 0)
            valueCache = StringCache(slots: forStream ? 2048 : 0)
        }

        mutating func reset() {
            frames.removeAll(keepingCapacity: true)
            values.removeAll()
            keys.removeAll()
        }
    }
}

/// A stack whose top elements are moved out into an exactly sized array when a
/// container closes: no growing arrays per container, no extra retain/release.
final class MoveStack<Element> {
    private(set) var count = 0
    private var capacity: Int
    private var base: UnsafeMutablePointer<Element>

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    func push(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Moves the elements from `start` to the top into a new array.
    func popArray(from start: Int) -> [Element] {
        let n = count - start
        if n == 0 { return [] }
        let source = base + start
        let array = [Element](unsafeUninitializedCapacity: n) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: n)
            initialized = n
        }
        count = start
        return array
    }

    @inline(__always)
    func removeLast() -> Element {
        count -= 1
        return (base + count).move()
    }

    subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }
}

/// A small direct-mapped cache of strings by their UTF-8 bytes. Audit events
/// repeat the same keys and many of the same values ("ResponseComplete",
/// user agents, group names): reusing a String skips the allocation and the
/// UTF-8 validation of a new one. A miss just replaces the slot.
struct StringCache {
    private var slots: [String?]

    /// `slots` must be a power of two; 0 disables the cache.
    init(slots: Int) {
        self.slots = Array(repeating: nil, count: slots)
    }

    @inline(__always)
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if slots.isEmpty { return String(decoding: bytes, as: UTF8.self) }
        let n = bytes.count
        let p = bytes.baseAddress!
        // A cheap hash of the length and up to 16 bytes at both ends.
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        if n >= 8 {
            h ^= UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
            h ^= UnsafeRawPointer(p + n - 8).loadUnaligned(as: UInt64.self)
            if n >= 16 {
                h = (h ^ (h >> 31)) &* 0x94D0_49BB_1331_11EB
                h ^= UnsafeRawPointer(p + n / 2 - 4).loadUnaligned(as: UInt64.self)
            }
        } else {
            for i in 0 ..< n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01B3 }
        }
        h ^= h >> 32
        let index = Int(truncatingIfNeeded: h) & (slots.count - 1)
        if let cached = slots[index], cached.utf8.count == n {
            let same = cached.utf8.withContiguousStorageIfAvailable { c in
                memcmpBytes(c.baseAddress!, p, n)
            }
            if same == true { return cached }
        }
        let s = String(decoding: bytes, as: UTF8.self)
        slots[index] = s
        return s
    }
}

@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
            return false
        }
        i += 8
    }
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
