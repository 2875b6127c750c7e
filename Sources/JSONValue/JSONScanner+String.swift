/// Strings: the hot path of parsing audit logs, where nearly every string is
/// ASCII without escapes and is built straight from its byte slice.
extension JSONScanner {
    /// Parses a string starting at the opening quote at `pos`; leaves `pos` after
    /// the closing quote. Invalid UTF-8 becomes U+FFFD, as in jq.
    /// `cache`: look the string up in the key cache (object keys); values of
    /// 16 to 64 bytes go through the value cache either way.
    mutating func parseString(cache: Bool) throws(ScanFailure) -> String {
        let start = pos + 1
        var i = start
        let count = bytes.count
        let base = bytes.baseAddress!
        // Fast scan: stop at a quote, a backslash or a control byte.
        i = JSONScanner.plainEnd(base, from: i, count, high: false)
        while i < count {
            let c = base[i]
            if c == UInt8(ascii: "\"") {
                pos = i + 1
                let n = i - start
                let slice = UnsafeBufferPointer(start: base + start, count: n)
                if cache && n <= 64 { return storage.keyCache.string(slice) }
                if n >= 16 && n <= 64 { return storage.valueCache.string(slice) }
                return String(decoding: slice, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            i += 1
        }
        if i >= count { throw endOfStringFailure() }
        return try parseEscapedString(from: start, firstSpecial: i)
    }

    /// The index of the first byte in `base[i..<n]` that is `"`, `\\` or below 0x20 (with
    /// `high`, also 0x7F or above), or `n`: sixteen bytes at a time, then eight, then one.
    @inline(__always)
    static func plainEnd(_ base: UnsafePointer<UInt8>, from start: Int, _ n: Int, high: Bool) -> Int {
        var i = start
        let quote = SIMD16<UInt8>(repeating: 0x22), slash = SIMD16<UInt8>(repeating: 0x5C)
        let space = SIMD16<UInt8>(repeating: 0x20), del = SIMD16<UInt8>(repeating: 0x7F)
        while i + 16 <= n {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            var m = (v .== quote) .| (v .== slash) .| (v .< space)
            if high { m = m .| (v .>= del) }
            if any(m) { break }
            i += 16
        }
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let bits = specialBits(w, high: high)
            // The lowest flagged byte is exact (borrows and carries only run upwards from one).
            if bits != 0 { return i + bits.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n {
            let c = base[i]
            if c == 0x22 || c == 0x5C || c < 0x20 || (high && c >= 0x7F) { return i }
            i += 1
        }
        return n
    }

    /// The high bit of each byte of `word` that `plainEnd` stops at (exact for the lowest one).
    @inline(__always)
    static func specialBits(_ word: UInt64, high: Bool) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let slash = word ^ (ones &* 0x5C)
        var bits = ((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((word &- (ones &* 0x20)) & ~word)
        // High bytes, and DEL (0x7F + 1 sets the high bit; carries only follow high bytes).
        if high { bits |= word | (word &+ ones) }
        return bits & highs
    }

    private func endOfStringFailure() -> ScanFailure {
        isFinal ? .syntax("Unfinished string", offset: bytes.count, atEOF: true) : .needMore
    }

    /// The slow path: escapes and control characters, decoded into a scratch buffer.
    /// jq checks a string when it reaches the closing quote, so errors point there.
    private mutating func parseEscapedString(from start: Int, firstSpecial: Int) throws(ScanFailure) -> String {
        let count = bytes.count
        // Find the closing quote first: errors are reported there, and an
        // unfinished string needs more input before anything else.
        var close = firstSpecial
        while close < count {
            let c = bytes[close]
            if c == UInt8(ascii: "\\") { close += 2; continue }
            if c == UInt8(ascii: "\"") { break }
            close += 1
        }
        if close >= count { throw endOfStringFailure() }

        storage.scratch.removeAll(keepingCapacity: true)
        storage.scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< firstSpecial]))
        var i = firstSpecial
        func fail(_ reason: String) -> ScanFailure { .syntax(reason, offset: close, atEOF: false) }
        while i < close {
            let c = bytes[i]
            if c != UInt8(ascii: "\\") {
                if c < 0x20 {
                    throw fail("Invalid string: control characters from U+0000 through U+001F must be escaped")
                }
                storage.scratch.append(c)
                i += 1
                continue
            }
            i += 1
            if i >= close { throw fail("Expected escape character at end of string") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "/"): storage.scratch.append(e)
            case UInt8(ascii: "b"): storage.scratch.append(0x08)
            case UInt8(ascii: "f"): storage.scratch.append(0x0C)
            case UInt8(ascii: "t"): storage.scratch.append(0x09)
            case UInt8(ascii: "n"): storage.scratch.append(0x0A)
            case UInt8(ascii: "r"): storage.scratch.append(0x0D)
            case UInt8(ascii: "u"):
                guard i + 4 <= close else { throw fail("Invalid \\uXXXX escape") }
                guard var code = hex4(at: i) else { throw fail("Invalid characters in \\uXXXX escape") }
                i += 4
                if code >= 0xD800 && code <= 0xDBFF {
                    guard i + 6 <= close, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                          let low = hex4(at: i + 2), low >= 0xDC00, low <= 0xDFFF
                    else { throw fail("Invalid \\uXXXX\\uXXXX surrogate pair escape") }
                    i += 6
                    code = 0x10000 + ((code - 0xD800) << 10 | (low - 0xDC00))
                } else if code >= 0xDC00 && code <= 0xDFFF {
                    code = 0xFFFD // a lone low surrogate is not a character; jq replaces it
                }
                appendUTF8(code)
            default:
                throw fail("Invalid escape")
            }
        }
        pos = close + 1
        return String(decoding: storage.scratch, as: UTF8.self)
    }

    private func hex4(at i: Int) -> UInt32? {
        var v: UInt32 = 0
        for k in 0 ..< 4 {
            let c = bytes[i + k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private mutating func appendUTF8(_ code: UInt32) {
        switch code {
        case 0 ..< 0x80:
            storage.scratch.append(UInt8(code))
        case 0x80 ..< 0x800:
            storage.scratch.append(UInt8(0xC0 | code >> 6))
            storage.scratch.append(UInt8(0x80 | code & 0x3F))
        case 0x800 ..< 0x10000:
            storage.scratch.append(UInt8(0xE0 | code >> 12))
            storage.scratch.append(UInt8(0x80 | code >> 6 & 0x3F))
            storage.scratch.append(UInt8(0x80 | code & 0x3F))
        default:
            storage.scratch.append(UInt8(0xF0 | code >> 18))
            storage.scratch.append(UInt8(0x80 | code >> 12 & 0x3F))
            storage.scratch.append(UInt8(0x80 | code >> 6 & 0x3F))
            storage.scratch.append(UInt8(0x80 | code & 0x3F))
        }
    }
}
