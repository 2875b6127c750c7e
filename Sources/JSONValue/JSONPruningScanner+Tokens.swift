/// Skipping strings and literals: syntax is checked as strictly as the full
/// parser checks it (anything doubtful falls back to it), and the canonical
/// form is checked on the way when asked.
extension JSONPruningScanner {
    /// Skips the string at `pos` (a quote); leaves `pos` after the closing quote.
    /// Returns true when it is plain: no escapes, ASCII only (`key` or canonical
    /// checking must be on for the ASCII part to be looked at).
    mutating func skipString(key: Bool) throws(Failure) -> Bool {
        let base = bytes.baseAddress!
        let n = bytes.count
        let watchHigh = key || (checkCanonical && canonical)
        var i = pos + 1
        var plain = true
        while true {
            i = JSONScanner.plainEnd(base, from: i, n, high: watchHigh)
            guard i < n else { throw endFailure() }
            let c = base[i]
            if c == UInt8(ascii: "\"") {
                pos = i + 1
                return plain
            }
            if c == UInt8(ascii: "\\") {
                plain = false
                i = try skipEscape(at: i)
            } else if c < 0x20 {
                throw .fallback
            } else if c >= 0x80 {
                plain = false
                if checkCanonical && canonical {
                    i = try checkUTF8(at: i)
                } else {
                    i += 1
                }
            } else {
                if c == 0x7F { canonical = false }
                i += 1
            }
        }
    }

    /// Checks the escape at `i` (a backslash); returns the index after it.
    private mutating func skipEscape(at i: Int) throws(Failure) -> Int {
        let n = bytes.count
        guard i + 1 < n else { throw endFailure() }
        switch bytes[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return i + 2
        case UInt8(ascii: "/"):
            canonical = false
            return i + 2
        case UInt8(ascii: "u"):
            guard i + 6 <= n else { throw endFailure() }
            var code: UInt32 = 0
            var lower = true
            for k in 2 ..< 6 {
                let c = bytes[i + k]
                let d: UInt8
                switch c {
                case UInt8(ascii: "0") ... UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
                case UInt8(ascii: "a") ... UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A") ... UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10; lower = false
                default: throw .fallback
                }
                code = code << 4 | UInt32(d)
            }
            // Surrogates have their own rules: the full parser handles them.
            if code >= 0xD800 && code <= 0xDFFF { throw .fallback }
            // jq writes \u00XX only for control characters without a short form, and DEL.
            let short = code == 0x08 || code == 0x09 || code == 0x0A || code == 0x0C || code == 0x0D
            if !(lower && ((code < 0x20 && !short) || code == 0x7F)) { canonical = false }
            return i + 6
        default:
            throw .fallback
        }
    }

    /// Checks the UTF-8 sequence at `i` (a byte >= 0x80); an invalid one (which the
    /// parser replaces with U+FFFD) makes the value non-canonical.
    private mutating func checkUTF8(at i: Int) throws(Failure) -> Int {
        let b = bytes
        let c = b[i]
        var len = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c {
        case 0xC2 ... 0xDF: len = 2
        case 0xE0: len = 3; lo = 0xA0
        case 0xE1 ... 0xEC, 0xEE, 0xEF: len = 3
        case 0xED: len = 3; hi = 0x9F
        case 0xF0: len = 4; lo = 0x90
        case 0xF1 ... 0xF3: len = 4
        case 0xF4: len = 4; hi = 0x8F
        default:
            canonical = false
            return i + 1
        }
        guard i + len <= b.count else { throw endFailure() }
        let second = b[i + 1]
        var valid = second >= lo && second <= hi
        if valid {
            for k in 2 ..< len where b[i + k] & 0xC0 != 0x80 { valid = false }
        }
        if !valid {
            canonical = false
            return i + 1
        }
        return i + len
    }

    /// Skips `true`, `false`, `null` or a number in strict JSON syntax; anything
    /// else (jq accepts a few more forms) goes to the full parser.
    mutating func skipLiteral() throws(Failure) {
        let base = bytes.baseAddress!
        let n = bytes.count
        let start = pos
        var i = pos
        while i < n, !JSONScanner.endsLiteral(base[i]) { i += 1 }
        // Inside a container a literal cannot end the input.
        guard i < n else { throw endFailure() }
        // A structural byte where a value was due: the full parser words the error.
        guard i > start else { throw .fallback }
        let token = UnsafeBufferPointer(start: base + start, count: i - start)
        pos = i
        switch token[0] {
        case UInt8(ascii: "t"):
            if !token.elementsEqual("true".utf8) { throw .fallback }
        case UInt8(ascii: "f"):
            if !token.elementsEqual("false".utf8) { throw .fallback }
        case UInt8(ascii: "n"):
            if !token.elementsEqual("null".utf8) { throw .fallback }
        default:
            let simple = try checkNumberSyntax(token)
            if checkCanonical && canonical && !simple { checkCanonicalNumber(token) }
        }
    }

    /// Strict JSON number syntax; true for a plain integer that prints as written.
    private func checkNumberSyntax(_ t: UnsafeBufferPointer<UInt8>) throws(Failure) -> Bool {
        let n = t.count
        var j = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        if t[0] == UInt8(ascii: "-") { j = 1 }
        guard j < n else { throw .fallback }
        if t[j] == UInt8(ascii: "0") {
            j += 1
        } else if isDigit(t[j]) {
            while j < n && isDigit(t[j]) { j += 1 }
        } else {
            throw .fallback
        }
        let intEnd = j
        if j < n && t[j] == UInt8(ascii: ".") {
            j += 1
            guard j < n && isDigit(t[j]) else { throw .fallback }
            while j < n && isDigit(t[j]) { j += 1 }
        }
        if j < n && (t[j] == UInt8(ascii: "e") || t[j] == UInt8(ascii: "E")) {
            j += 1
            if j < n && (t[j] == UInt8(ascii: "+") || t[j] == UInt8(ascii: "-")) { j += 1 }
            guard j < n && isDigit(t[j]) else { throw .fallback }
            while j < n && isDigit(t[j]) { j += 1 }
        }
        guard j == n else { throw .fallback }
        let digits = t[0] == UInt8(ascii: "-") ? intEnd - 1 : intEnd
        return intEnd == n && digits <= 15 && !(t[0] == UInt8(ascii: "-") && t[1] == UInt8(ascii: "0"))
    }

    /// Compares a number's text with what jq prints for it.
    private mutating func checkCanonicalNumber(_ t: UnsafeBufferPointer<UInt8>) {
        guard let number = JSONNumber.parseLiteral(t) else {
            canonical = false
            return
        }
        scratch.numberText.removeAll(keepingCapacity: true)
        JSONPrinter.appendNumber(number, to: &scratch.numberText)
        if !scratch.numberText.elementsEqual(t) { canonical = false }
    }
}
