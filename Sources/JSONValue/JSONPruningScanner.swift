/// Reads one top-level JSON container through a `JSONPathPlan`: values the plan
/// needs are parsed by `JSONScanner`, the rest is skipped by structure (strings
/// eight bytes at a time), still checked for syntax so that whatever it accepts,
/// the full parser accepts and reads the same way.
///
/// It never reports a syntax error itself: on anything it cannot vouch for (a
/// malformed or unusual token, deep nesting, an escaped planned key) it throws
/// `.fallback`, and the caller re-reads the value with the full parser, which
/// gives jq's exact error and position. So errors are the full parser's by
/// construction.
///
/// With `checkCanonical` it also tells whether the value's bytes are exactly
/// what jq 1.8 prints for it with `-c` (no whitespace, escapes as jq writes
/// them, numbers as jq prints them, no repeated keys, valid UTF-8), so they can
/// be written out unchanged.
struct JSONPruningScanner {
    enum Failure: Error {
        /// The buffer ends inside the value and more input may follow.
        case needMore
        /// Re-read this value with the full parser.
        case fallback
    }

    /// Deepest nesting (in jq's count: arrays 1, objects 2) skipped here; deeper
    /// values go to the full parser.
    static let maxDepth = 1_000
    /// Objects with more keys than this are not checked for repeated keys: such
    /// values are simply not written through unchanged.
    static let maxCheckedKeys = 64

    var scanner: JSONScanner
    let checkCanonical: Bool
    /// Still true when every byte read so far is canonical compact text.
    var canonical = true
    private var depth = 0
    /// Working stacks, kept by the caller from one value to the next.
    var scratch: Scratch

    /// The scanner's stacks (moved in and out, so their capacity is reused).
    struct Scratch {
        /// Open containers while skipping: true for an object.
        var stack: [Bool] = []
        /// Key byte ranges of the open objects (canonical check).
        var keyRanges: [(start: Int, count: Int)] = []
        /// Where each open skipped object's keys start in `keyRanges`.
        var keyStarts: [Int] = []
        var numberText: [UInt8] = []
    }

    init(scanner: consuming JSONScanner, checkCanonical: Bool, scratch: Scratch) {
        self.scanner = scanner
        self.checkCanonical = checkCanonical
        self.scratch = scratch
        self.scratch.stack.removeAll(keepingCapacity: true)
        self.scratch.keyRanges.removeAll(keepingCapacity: true)
        self.scratch.keyStarts.removeAll(keepingCapacity: true)
    }

    var bytes: UnsafeBufferPointer<UInt8> { scanner.bytes }

    var pos: Int {
        get { scanner.pos }
        set { scanner.pos = newValue }
    }

    /// Reads the container at `pos` through `plan`; leaves `pos` after it.
    mutating func readTopLevel(_ plan: JSONPathPlan) throws(Failure) -> JSON {
        let c = bytes[pos]
        guard c == UInt8(ascii: "{") || c == UInt8(ascii: "[") else { throw .fallback }
        return try value(plan)
    }

    // MARK: - Planned values

    private mutating func value(_ plan: JSONPathPlan) throws(Failure) -> JSON {
        guard pos < bytes.count else { throw endFailure() }
        if plan.whole { return try parseWhole() }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try object(plan)
        case UInt8(ascii: "["): return try array(plan)
        default: return try parseWhole()
        }
    }

    /// The complete value at `pos`, from the full parser (checked for canonical form first).
    private mutating func parseWhole() throws(Failure) -> JSON {
        let start = pos
        if checkCanonical && canonical {
            try skipValue()
            pos = start
        }
        do throws(ScanFailure) {
            return try scanner.parseValue(initialDepth: depth)
        } catch {
            if case .needMore = error { throw .needMore }
            throw .fallback
        }
    }

    private mutating func object(_ plan: JSONPathPlan) throws(Failure) -> JSON {
        try open(2)
        pos += 1
        // Without `each`, at most the planned keys are kept: room for them at once (up to
        // 15, which OrderedDictionary keeps without a hash table).
        var out = plan.each == nil ? JSONObject(minimumCapacity: min(plan.fields.count, 15)) : JSONObject()
        let keysBase = scratch.keyRanges.count
        defer { if scratch.keyRanges.count > keysBase { scratch.keyRanges.removeSubrange(keysBase...) } }
        skipWhitespace()
        guard pos < bytes.count else { throw endFailure() }
        if bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 2
            return .object(out)
        }
        while true {
            guard pos < bytes.count else { throw endFailure() }
            guard bytes[pos] == UInt8(ascii: "\"") else { throw .fallback }
            let keyStart = pos + 1
            let plain = try skipString(key: true)
            let key = UnsafeBufferPointer(rebasing: bytes[keyStart ..< pos - 1])
            if checkCanonical { noteKey(keyStart, key.count, plain: plain, from: keysBase) }
            try colon()
            let m = plan.memberIndex(key)
            if m >= 0 {
                out[plan.fields[m].name] = try value(plan.fields[m].plan)
            } else if let each = plan.each {
                // A key is compared by its bytes: an escaped or non-ASCII one is read in full.
                guard plain else { throw .fallback }
                out[String(decoding: key, as: UTF8.self)] = try value(each)
            } else {
                guard plain || plan.fields.isEmpty else { throw .fallback }
                try skipValue()
            }
            skipWhitespace()
            guard pos < bytes.count else { throw endFailure() }
            let d = bytes[pos]
            pos += 1
            if d == UInt8(ascii: "}") { break }
            guard d == UInt8(ascii: ",") else { throw .fallback }
            skipWhitespace()
        }
        depth -= 2
        return .object(out)
    }

    private mutating func array(_ plan: JSONPathPlan) throws(Failure) -> JSON {
        try open(1)
        pos += 1
        var out: [JSON] = []
        skipWhitespace()
        guard pos < bytes.count else { throw endFailure() }
        if bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(out)
        }
        while true {
            guard pos < bytes.count else { throw endFailure() }
            if let each = plan.each {
                out.append(try value(each))
            } else {
                try skipValue()
            }
            skipWhitespace()
            guard pos < bytes.count else { throw endFailure() }
            let d = bytes[pos]
            pos += 1
            if d == UInt8(ascii: "]") { break }
            guard d == UInt8(ascii: ",") else { throw .fallback }
            skipWhitespace()
        }
        depth -= 1
        return .array(out)
    }

    // MARK: - Skipping

    @inline(__always)
    private mutating func open(_ levels: Int) throws(Failure) {
        depth += levels
        if depth > JSONPruningScanner.maxDepth { throw .fallback }
    }

    @inline(__always)
    func endFailure() -> Failure {
        scanner.isFinal ? .fallback : .needMore
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        let n = bytes.count
        if pos < n, JSONScanner.isWhitespace(bytes[pos]) {
            canonical = false
            repeat { pos += 1 } while pos < n && JSONScanner.isWhitespace(bytes[pos])
        }
    }

    @inline(__always)
    private mutating func colon() throws(Failure) {
        skipWhitespace()
        guard pos < bytes.count else { throw endFailure() }
        guard bytes[pos] == UInt8(ascii: ":") else { throw .fallback }
        pos += 1
        skipWhitespace()
    }

    /// Skips one value (any kind) at `pos`, checking its syntax.
    private mutating func skipValue() throws(Failure) {
        // The stacks are back at these counts when the value ends; a failure abandons the
        // whole scan (and `init` empties them for the next one), so nothing to undo then.
        let base = scratch.stack.count
        while true {
            // A value is due at `pos`.
            guard pos < bytes.count else { throw endFailure() }
            switch bytes[pos] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[pos] == UInt8(ascii: "{")
                try open(isObject ? 2 : 1)
                pos += 1
                skipWhitespace()
                guard pos < bytes.count else { throw endFailure() }
                if bytes[pos] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    pos += 1
                    depth -= isObject ? 2 : 1
                } else {
                    scratch.stack.append(isObject)
                    if isObject {
                        scratch.keyStarts.append(scratch.keyRanges.count)
                        try key(scratch.keyRanges.count)
                    }
                    continue
                }
            case UInt8(ascii: "\""):
                _ = try skipString(key: false)
            default:
                try skipLiteral()
            }
            // A value ended: a separator or the end of open containers follows.
            while true {
                guard scratch.stack.count > base else { return }
                let isObject = scratch.stack[scratch.stack.count - 1]
                skipWhitespace()
                guard pos < bytes.count else { throw endFailure() }
                let d = bytes[pos]
                pos += 1
                if d == UInt8(ascii: ",") {
                    skipWhitespace()
                    if isObject {
                        try key(scratch.keyStarts[scratch.keyStarts.count - 1])
                    } else if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
                        throw .fallback
                    }
                    break
                }
                guard d == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { throw .fallback }
                scratch.stack.removeLast()
                depth -= isObject ? 2 : 1
                if isObject { scratch.keyRanges.removeSubrange(scratch.keyStarts.removeLast()...) }
            }
        }
    }

    /// A member's key and colon, inside a skipped object.
    private mutating func key(_ keysBase: Int) throws(Failure) {
        guard pos < bytes.count else { throw endFailure() }
        guard bytes[pos] == UInt8(ascii: "\"") else { throw .fallback }
        let start = pos + 1
        let plain = try skipString(key: checkCanonical)
        if checkCanonical { noteKey(start, pos - 1 - start, plain: plain, from: keysBase) }
        try colon()
    }

    /// Canonical check: a key repeated in one object (compared as bytes; escaped
    /// or non-ASCII keys already made the value non-canonical).
    private mutating func noteKey(_ start: Int, _ count: Int, plain: Bool, from keysBase: Int) {
        if !plain { canonical = false }
        guard canonical else { return }
        let n = scratch.keyRanges.count - keysBase
        if n >= JSONPruningScanner.maxCheckedKeys {
            canonical = false
            return
        }
        let base = bytes.baseAddress!
        var i = keysBase
        while i < scratch.keyRanges.count {
            let r = scratch.keyRanges[i]
            if r.count == count && memcmpBytes(base + r.start, base + start, count) {
                canonical = false
                return
            }
            i += 1
        }
        scratch.keyRanges.append((start, count))
    }
}
