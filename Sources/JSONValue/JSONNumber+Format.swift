/// Number text as jq 1.8 writes it.
///
/// jq 1.8 keeps the text of a number it read (a "literal") and prints it in
/// decNumber's canonical scientific form; a number it computed is printed from
/// its double with the shortest round-trip digits (at most 17 significant
/// digits) in the layout of David Gay's `g_fmt` (jq's `jvp_dtoa_fmt`).
extension JSONNumber {
    /// Reads a number literal as jq's JSON parser and lexer accept it (decNumber
    /// syntax: optional sign, digits with an optional point, optional exponent;
    /// `nan`, `infinity` in any case). Returns nil for text that is not a number.
    ///
    /// The literal is kept only when printing it differs from printing the
    /// double: a short plain integer (`200`) needs no literal.
    public init?(literal text: some StringProtocol) {
        var bytes = Array(text.utf8)
        guard let n = bytes.withUnsafeMutableBufferPointer({ JSONNumber.parseLiteral(UnsafeBufferPointer($0)) })
        else { return nil }
        self = n
    }

    /// The canonical text jq 1.8 prints for this number.
    public var jqText: String {
        if let literal { return literal }
        return JSONNumber.format(double)
    }

    /// `-n`, keeping the literal's digits as jq's `jv_number_negate` does.
    public var negated: JSONNumber {
        guard let literal else { return JSONNumber(-double) }
        if literal.hasPrefix("-") { return JSONNumber(-double, literal: String(literal.dropFirst())) }
        return JSONNumber(-double, literal: "-" + literal)
    }

    /// A double in jq 1.8's output format: NaN as `null`, infinities clamped to
    /// ±DBL_MAX, shortest round-trip digits, exponent form below 1e-4 or when
    /// more than 15 zeros would be padded.
    public static func format(_ value: Double) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        appendFormatted(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `format(value)` as UTF-8 bytes (the printer's hot path).
    @inlinable
    public static func appendFormatted(_ value: Double, to out: inout [UInt8]) {
        if value.isNaN {
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) // null
            return
        }
        // Integers below 1e15 print as plain digits under g_fmt's rule, so skip
        // the digit generation for the common case.
        if value == value.rounded(.towardZero), abs(value) < 1e15, !(value == 0 && value.sign == .minus) {
            appendInteger(Int64(value), to: &out)
            return
        }
        appendGeneral(value, to: &out)
    }

    @usableFromInline
    static func appendInteger(_ v: Int64, to out: inout [UInt8]) {
        var n = v
        if n < 0 {
            out.append(UInt8(ascii: "-"))
            n = -n
        }
        if n < 10 {
            out.append(UInt8(truncatingIfNeeded: n) &+ 0x30)
            return
        }
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes of scratch
        withUnsafeMutableBytes(of: &tmp) { buf in
            var i = buf.count
            while n > 0 {
                i -= 1
                buf[i] = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
                n /= 10
            }
            out.append(contentsOf: buf[i...])
        }
    }

    @usableFromInline
    static func appendGeneral(_ input: Double, to out: inout [UInt8]) {
        var value = input
        if value > Double.greatestFiniteMagnitude { value = .greatestFiniteMagnitude }
        if value < -Double.greatestFiniteMagnitude { value = -.greatestFiniteMagnitude }
        // Swift's description yields the shortest digits that round-trip; take
        // the digits and the decimal exponent from it and lay them out as g_fmt.
        let text = Array(abs(value).description.utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var pointAt: Int? = nil
        var exponent = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") {
                pointAt = digits.count
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var sign = 1
                var j = i + 1
                if j < text.count, text[j] == UInt8(ascii: "-") { sign = -1; j += 1 }
                else if j < text.count, text[j] == UInt8(ascii: "+") { j += 1 }
                var e = 0
                while j < text.count { e = e * 10 + Int(text[j] &- 0x30); j += 1 }
                exponent = sign * e
                break
            } else {
                digits.append(c)
            }
            i += 1
        }
        // decpt: position of the decimal point relative to the first digit.
        var decpt = (pointAt ?? digits.count) + exponent
        var lead = 0
        while lead < digits.count - 1, digits[lead] == UInt8(ascii: "0") { lead += 1 }
        if lead > 0 {
            digits.removeFirst(lead)
            decpt -= lead
        }
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits == [UInt8(ascii: "0")] { decpt = 1 }

        if value.sign == .minus { out.append(UInt8(ascii: "-")) }
        if decpt <= -4 || decpt > digits.count + 15 {
            out.append(digits[0])
            if digits.count > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...])
            }
            out.append(UInt8(ascii: "e"))
            var e = decpt - 1
            if e < 0 { out.append(UInt8(ascii: "-")); e = -e } else { out.append(UInt8(ascii: "+")) }
            if e < 10 { out.append(UInt8(ascii: "0")) }
            appendInteger(Int64(e), to: &out)
        } else if decpt <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            for _ in 0 ..< -decpt { out.append(UInt8(ascii: "0")) }
            out.append(contentsOf: digits)
        } else {
            for (k, d) in digits.enumerated() {
                if k == decpt { out.append(UInt8(ascii: ".")) }
                out.append(d)
            }
            if decpt > digits.count {
                for _ in 0 ..< decpt - digits.count { out.append(UInt8(ascii: "0")) }
            }
        }
    }
}
