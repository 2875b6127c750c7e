import OrderedCollections

/// Why the scanner stopped without a value.
@usableFromInline
enum ScanFailure: Error {
    /// The bytes end inside a value and more may follow: feed more and retry.
    case needMore
    /// A syntax error (jq's phrase), at a byte offset into the scanned buffer.
    case syntax(String, offset: Int, atEOF: Bool)
}

/// The byte-level JSON reader: one value at a time straight from a buffer of
/// UTF-8 bytes, no `Character` iteration. Containers are built with explicit
/// stacks rather than recursion, so 10,000 levels of nesting (jq's limit) need
/// no deep call stack.
///
/// It accepts what jq 1.8's parser accepts and reports jq's phrases at the byte
/// where jq notices the problem. Values at the top level need no separator
/// (`{"a":1}{"a":2}` is two values, as in jq).
struct JSONScanner {
    /// jq's MAX_PARSING_DEPTH; an object level counts twice (the object and its pending key).
    static let maxDepth = 10_000

    let bytes: UnsafeBufferPointer<UInt8>
    /// True when no bytes follow the buffer: the end is the end of the input.
    let isFinal: Bool
    var pos: Int

    /// Stacks of open containers and a scratch buffer, kept between values so
    /// their capacity is reused (see `Storage`).
    var storage: Storage
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, isFinal: Bool, storage: Storage = Storage(forStream: false)) {
        self.bytes = bytes
        self.isFinal = isFinal
        self.pos = start
        self.storage = storage
    }

    @inline(__always)
    static func isWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09
    }

    /// Bytes that end a literal token in jq's tokenizer: whitespace, quote, structure.
    @inline(__always)
    static func endsLiteral(_ c: UInt8) -> Bool {
        switch c {
        case 0x20, 0x0A, 0x0D, 0x09, 0x22, 0x2C, 0x3A, 0x5B, 0x5D, 0x7B, 0x7D: true
        default: false
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < bytes.count, JSONScanner.isWhitespace(bytes[pos]) { pos += 1 }
    }

    /// The next top-level value, or nil when only whitespace remains.
    mutating func nextValue() throws(ScanFailure) -> JSON? {
        skipWhitespace()
        if pos >= bytes.count { return nil }
        return try parseValue()
    }

    private func eofFailure(_ reason: String) -> ScanFailure {
        isFinal ? .syntax(reason, offset: bytes.count, atEOF: true) : .needMore
    }

    /// Parses one value starting at a non-whitespace byte. `initialDepth`: the
    /// nesting the value sits at (for jq's depth limit), when it is a member of a
    /// value another reader has opened.
    mutating func parseValue(initialDepth: Int = 0) throws(ScanFailure) -> JSON {
        storage.reset()
        depth = initialDepth
        var value: JSON
        while true {
            // State: a value is expected at `pos` (whitespace already skipped).
            guard pos < bytes.count else {
                throw eofFailure(storage.frames.isEmpty ? "Expected JSON value" : "Unfinished JSON term")
            }
            let c = bytes[pos]
            switch c {
            case UInt8(ascii: "["):
                if depth >= JSONScanner.maxDepth { throw .syntax("Exceeds depth limit for parsing", offset: pos, atEOF: false) }
                pos += 1
                skipWhitespace()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
                    pos += 1
                    value = .array([])
                } else {
                    storage.frames.append(Frame(isObject: false, valueStart: storage.values.count,
                                                keyStart: storage.keys.count, duplicateOf: -1))
                    depth += 1
                    continue
                }
            case UInt8(ascii: "{"):
                if depth >= JSONScanner.maxDepth { throw .syntax("Exceeds depth limit for parsing", offset: pos, atEOF: false) }
                pos += 1
                skipWhitespace()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
                    pos += 1
                    value = .object([:])
                } else {
                    storage.frames.append(Frame(isObject: true, valueStart: storage.values.count,
                                                keyStart: storage.keys.count, duplicateOf: -1))
                    depth += 2
                    try readKeyAndColon(afterComma: false)
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString(cache: false))
            case UInt8(ascii: ","):
                throw .syntax("Expected value before ','", offset: pos, atEOF: false)
            case UInt8(ascii: "]"):
                throw .syntax("Unmatched ']'", offset: pos, atEOF: false)
            case UInt8(ascii: "}"):
                throw .syntax("Unmatched '}'", offset: pos, atEOF: false)
            case UInt8(ascii: ":"):
                throw .syntax("Expected string key before ':'", offset: pos, atEOF: false)
            default:
                value = try parseLiteral()
            }

            // State: `value` is complete; attach it to the open container, if any.
            while true {
                // Read the open frame's fields, not the frame: a copy would share its key
                // index, and the next key's insertion would then copy the whole index.
                guard let top = storage.frames.indices.last else { return value }
                let isObject = storage.frames[top].isObject
                let valueStart = storage.frames[top].valueStart
                let keyStart = storage.frames[top].keyStart
                let duplicateOf = storage.frames[top].duplicateOf
                if isObject && duplicateOf >= 0 {
                    storage.values[valueStart + duplicateOf] = value
                    storage.frames[storage.frames.count - 1].duplicateOf = -1
                } else {
                    storage.values.push(value)
                }
                skipWhitespace()
                guard pos < bytes.count else { throw eofFailure("Unfinished JSON term") }
                let d = bytes[pos]
                if d == UInt8(ascii: ",") {
                    pos += 1
                    skipWhitespace()
                    if isObject {
                        try readKeyAndColon(afterComma: true)
                    } else if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
                        throw .syntax("Expected another array element", offset: pos, atEOF: false)
                    }
                    break // parse the next member's value
                } else if d == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    pos += 1
                    storage.frames.removeLast()
                    if isObject {
                        let keys = storage.keys.popArray(from: keyStart)
                        let values = storage.values.popArray(from: valueStart)
                        // Keys were de-duplicated as they were read (`noteKey`).
                        value = .object(JSONObject(uncheckedUniqueKeys: keys, values: values))
                        depth -= 2
                    } else {
                        value = .array(storage.values.popArray(from: valueStart))
                        depth -= 1
                    }
                    continue
                } else {
                    throw try separatorFailure(at: d, inObject: isObject)
                }
            }
        }
    }

    /// Objects with up to this many keys look for a repeated key by scanning; larger ones
    /// keep a hash index (a 100,000-key object would otherwise take minutes).
    static let linearKeyScan = 16

    /// Pushes the key of the member being read, or marks it as repeating an earlier one.
    private mutating func noteKey(_ key: String) {
        let top = storage.frames.count - 1
        let keyStart = storage.frames[top].keyStart
        let end = storage.keys.count
        if storage.frames[top].keyIndex != nil {
            if let dup = storage.frames[top].keyIndex![key] {
                storage.frames[top].duplicateOf = dup
            } else {
                storage.frames[top].keyIndex![key] = end - keyStart
                storage.keys.push(key)
            }
            return
        }
        let n = key.utf8.count
        var i = keyStart
        // Comparing lengths first keeps the common all-distinct case cheap.
        while i < end {
            let k = storage.keys[i]
            if k.utf8.count == n && k == key {
                storage.frames[top].duplicateOf = i - keyStart
                return
            }
            i += 1
        }
        storage.keys.push(key)
        if end + 1 - keyStart >= JSONScanner.linearKeyScan {
            var index: [String: Int] = [:]
            index.reserveCapacity(4 * JSONScanner.linearKeyScan)
            for j in keyStart...end { index[storage.keys[j]] = j - keyStart }
            storage.frames[top].keyIndex = index
        }
    }

    /// The error for a byte where `,` or a closing bracket was due.
    private mutating func separatorFailure(at d: UInt8, inObject: Bool) throws(ScanFailure) -> ScanFailure {
        switch d {
        case UInt8(ascii: ":"):
            return .syntax("':' not as part of an object", offset: pos, atEOF: false)
        case UInt8(ascii: "]"):
            return .syntax(inObject ? "Unmatched ']' in the middle of an object" : "Unmatched ']'", offset: pos, atEOF: false)
        case UInt8(ascii: "}"):
            return .syntax("Objects must consist of key:value pairs", offset: pos, atEOF: false)
        case UInt8(ascii: "\""):
            // jq notices at the closing quote of the unexpected string.
            return failureAfterSkippingString("Expected separator between values")
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            return .syntax("Expected separator between values", offset: pos, atEOF: false)
        default:
            // jq checks the unexpected literal first, then complains at the byte that ends it.
            _ = try parseLiteral()
            if pos >= bytes.count { return eofFailure("Unfinished JSON term") }
            return .syntax("Expected separator between values", offset: pos, atEOF: false)
        }
    }

    /// After `{` or `,` in an object: a string key, then `:`; leaves `pos` after the colon.
    private mutating func readKeyAndColon(afterComma: Bool) throws(ScanFailure) {
        skipWhitespace()
        guard pos < bytes.count else { throw eofFailure("Unfinished JSON term") }
        let c = bytes[pos]
        guard c == UInt8(ascii: "\"") else {
            if c == UInt8(ascii: "}") {
                throw .syntax(afterComma ? "Expected another key-value pair" : "Objects must consist of key:value pairs",
                              offset: pos, atEOF: false)
            }
            if c == UInt8(ascii: ",") { throw .syntax("Expected value before ','", offset: pos, atEOF: false) }
            if c == UInt8(ascii: ":") { throw .syntax("Expected string key before ':'", offset: pos, atEOF: false) }
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") || c == UInt8(ascii: "]") {
                throw .syntax("Object keys must be strings", offset: pos, atEOF: false)
            }
            // jq reads the literal first: a bad one is reported as such, a good
            // one when the ':' after it shows it was meant as a key.
            _ = try parseLiteral()
            skipWhitespace()
            guard pos < bytes.count else { throw eofFailure("Unfinished JSON term") }
            if bytes[pos] == UInt8(ascii: ":") { throw .syntax("Object keys must be strings", offset: pos, atEOF: false) }
            throw .syntax("Objects must consist of key:value pairs", offset: pos, atEOF: false)
        }
        let key = try parseString(cache: true)
        skipWhitespace()
        guard pos < bytes.count else { throw eofFailure("Unfinished JSON term") }
        let d = bytes[pos]
        guard d == UInt8(ascii: ":") else {
            if d == UInt8(ascii: ",") || d == UInt8(ascii: "}") {
                throw .syntax("Objects must consist of key:value pairs", offset: pos, atEOF: false)
            }
            // Another value right after the key: jq sees two values with no separator.
            throw try separatorFailure(at: d, inObject: true)
        }
        pos += 1
        noteKey(key)
        skipWhitespace()
    }

    /// A literal token: `true`, `false`, `null` or a number (decNumber syntax).
    private mutating func parseLiteral() throws(ScanFailure) -> JSON {
        let start = pos
        var i = pos
        while i < bytes.count, !JSONScanner.endsLiteral(bytes[i]) { i += 1 }
        if i >= bytes.count && !isFinal { throw .needMore }
        let atEOF = i >= bytes.count
        let token = UnsafeBufferPointer(rebasing: bytes[start ..< i])
        pos = i
        switch token[0] {
        case UInt8(ascii: "t"):
            if token.elementsEqual("true".utf8) { return .bool(true) }
            throw .syntax("Invalid literal", offset: i, atEOF: atEOF)
        case UInt8(ascii: "f"):
            if token.elementsEqual("false".utf8) { return .bool(false) }
            throw .syntax("Invalid literal", offset: i, atEOF: atEOF)
        case UInt8(ascii: "'"):
            throw .syntax("Invalid string literal; expected \", but got '", offset: i, atEOF: atEOF)
        case UInt8(ascii: "n") where token.count > 1 && token[1] == UInt8(ascii: "u"):
            if token.elementsEqual("null".utf8) { return .null }
            throw .syntax("Invalid literal", offset: i, atEOF: atEOF)
        default:
            if let n = JSONNumber.parseLiteral(token) { return .number(n) }
            throw .syntax("Invalid numeric literal", offset: i, atEOF: atEOF)
        }
    }

    /// Skips a string starting at `pos` (a quote) and reports `reason` at its closing quote.
    private func failureAfterSkippingString(_ reason: String) -> ScanFailure {
        var i = pos + 1
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") { i += 2; continue }
            if c == UInt8(ascii: "\"") { return .syntax(reason, offset: i, atEOF: false) }
            i += 1
        }
        return eofFailure("Unfinished string")
    }
}
