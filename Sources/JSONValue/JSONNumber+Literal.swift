/// Reading number literals the way jq 1.8 does with decNumber.
///
/// decNumber keeps the coefficient's digits and an exponent; its
/// to-scientific-string form is what jq prints for an unchanged literal:
/// `1.0` stays `1.0`, `1e2` becomes `1E+2`, `1E-5` becomes `0.00001`.
extension JSONNumber {
    /// Parses one literal token (the bytes between two JSON separators).
    /// Returns nil when decNumber would reject it ("Invalid numeric literal").
    @inlinable
    public static func parseLiteral(_ b: UnsafeBufferPointer<UInt8>) -> JSONNumber? {
        let n = b.count
        if n == 0 { return nil }
        // Fast path: a plain integer of at most 15 digits needs no literal, because
        // the double prints exactly the same digits.
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        if i < n, n - i <= 15 {
            var v: Int64 = 0
            var j = i
            while j < n {
                let d = b[j] &- 0x30
                if d > 9 { break }
                v = v &* 10 &+ Int64(d)
                j += 1
            }
            if j == n {
                let d = Double(v)
                return JSONNumber(negative ? -d : d)
            }
        }
        return parseGeneralLiteral(b)
    }

    @usableFromInline
    static func parseGeneralLiteral(_ b: UnsafeBufferPointer<UInt8>) -> JSONNumber? {
        let n = b.count
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        if i < n, !isDigit(b[i]), b[i] != UInt8(ascii: ".") {
            return parseSpecial(b, from: i, negative: negative)
        }
        var coefficient: [UInt8] = []
        coefficient.reserveCapacity(n)
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        while i < n {
            let c = b[i]
            if isDigit(c) {
                sawDigit = true
                // Leading zeros carry no information for decNumber.
                if !(coefficient.isEmpty && c == UInt8(ascii: "0")) { coefficient.append(c) }
                if sawPoint { fractionDigits += 1 }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if i < n {
            guard b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") else { return nil }
            i += 1
            var expNegative = false
            if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
                expNegative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < n else { return nil }
            while i < n {
                guard isDigit(b[i]) else { return nil }
                // Saturate: beyond decNumber's range the value is infinite anyway.
                if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(b[i] &- 0x30) }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        if coefficient.isEmpty { coefficient = [UInt8(ascii: "0")] }
        exponent -= fractionDigits
        let adjusted = exponent + coefficient.count - 1
        // decNumber's default context (jq's DEC_INIT_BASE) overflows past 999999999.
        if coefficient != [UInt8(ascii: "0")], adjusted > 999_999_999 {
            return JSONNumber(negative ? -.infinity : .infinity)
        }
        let text = sciString(coefficient, exponent: exponent, negative: negative)
        return JSONNumber(toDouble(coefficient, exponent: exponent, negative: negative), literal: text)
    }

    /// `nan`, `NaN`, `inf`, `Infinity`, in any case, as decNumber accepts them.
    static func parseSpecial(_ b: UnsafeBufferPointer<UInt8>, from start: Int, negative: Bool) -> JSONNumber? {
        let word = String(decoding: UnsafeBufferPointer(rebasing: b[start...]), as: UTF8.self).lowercased()
        switch word {
        case "nan", "snan":
            return JSONNumber(.nan)
        case "inf", "infinity":
            return JSONNumber(negative ? -.infinity : .infinity)
        default:
            return nil
        }
    }

    @inlinable
    static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    /// decNumber's to-scientific-string: plain notation when the exponent is not
    /// positive and the adjusted exponent is at least -6, otherwise `d.dddE±n`.
    static func sciString(_ digits: [UInt8], exponent: Int, negative: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 8)
        if negative { out.append(UInt8(ascii: "-")) }
        let adjusted = exponent + digits.count - 1
        if exponent <= 0 && adjusted >= -6 {
            if exponent == 0 {
                out.append(contentsOf: digits)
            } else {
                let pointAt = digits.count + exponent
                if pointAt > 0 {
                    out.append(contentsOf: digits[..<pointAt])
                    out.append(UInt8(ascii: "."))
                    out.append(contentsOf: digits[pointAt...])
                } else {
                    out.append(UInt8(ascii: "0"))
                    out.append(UInt8(ascii: "."))
                    for _ in 0 ..< -pointAt { out.append(UInt8(ascii: "0")) }
                    out.append(contentsOf: digits)
                }
            }
        } else {
            out.append(digits[0])
            if digits.count > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...])
            }
            out.append(UInt8(ascii: "E"))
            out.append(adjusted < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            out.append(contentsOf: String(abs(adjusted)).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The double jq gives a literal: the decimal rounded to 17 significant
    /// digits (half-even, as jq's decimal64-based context does), then strtod.
    static func toDouble(_ digits: [UInt8], exponent: Int, negative: Bool) -> Double {
        var d = digits
        var e = exponent
        if d.count > 17 {
            let dropped = d.count - 17
            let rest = d[17...]
            d.removeLast(dropped)
            e += dropped
            let first = rest.first! &- 0x30
            let tailNonZero = rest.dropFirst().contains { $0 != UInt8(ascii: "0") }
            let lastOdd = (d.last! &- 0x30) % 2 == 1
            if first > 5 || (first == 5 && (tailNonZero || lastOdd)) {
                var k = d.count - 1
                while k >= 0 {
                    if d[k] == UInt8(ascii: "9") { d[k] = UInt8(ascii: "0"); k -= 1 } else { d[k] += 1; break }
                }
                if k < 0 { d.insert(UInt8(ascii: "1"), at: 0); d.removeLast(); e += 1 }
            }
        }
        var text = String(decoding: d, as: UTF8.self)
        if e != 0 { text += "e\(e)" }
        let v = Double(text) ?? (e > 0 ? .infinity : 0)
        return negative ? -v : v
    }
}
