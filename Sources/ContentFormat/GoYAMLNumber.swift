/// Numbers in plain YAML scalars, read as Kubernetes reads them: sigs.k8s.io/yaml's go-yaml
/// v2 (`resolve.go`) resolves a plain scalar with its underscores removed through Go's
/// `strconv.ParseInt(s, 0, 64)` (so `0x50`, `0o17`, `017` and `0b101` are integers, and a
/// leading `0` means octal), then `ParseUint`, then a float pattern; YAML-to-JSON then turns
/// the value into a JSON number, so an int field takes `80.0` or `8e1` as 80.
public enum GoYAMLNumber {
    public enum Integer: Equatable {
        case value(Int64)
        /// Past Int64 but within UInt64 (`ParseUint` takes it).
        case unsigned(UInt64)
        /// Integer syntax, but beyond 64 bits (go-yaml tries the float pattern, then big.Int).
        case outOfRange
    }

    /// `strconv.ParseInt(plain, 0, 64)` (and `ParseUint` past Int64's range), on text whose
    /// underscores are already removed; nil when the syntax is not Go's.
    public static func integer(_ plain: Substring) -> Integer? {
        var t = plain
        var negative = false
        if let sign = t.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            t = t.dropFirst()
        }
        var radix: UInt64 = 10
        if t.count >= 2, t.first == "0", let p = t.dropFirst().first {
            switch p {
            case "x", "X": radix = 16; t = t.dropFirst(2)
            case "o", "O": radix = 8; t = t.dropFirst(2)
            case "b", "B": radix = 2; t = t.dropFirst(2)
            default: radix = 8; t = t.dropFirst()   // a leading 0: octal
            }
        }
        guard !t.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        var overflow = false
        for c in t.utf8 {
            let d: UInt64
            switch c {
            case 48...57: d = UInt64(c - 48)
            case 97...102: d = UInt64(c - 87)
            case 65...70: d = UInt64(c - 55)
            default: return nil
            }
            guard d < radix else { return nil }
            let (m, o1) = magnitude.multipliedReportingOverflow(by: radix)
            let (s, o2) = m.addingReportingOverflow(d)
            overflow = overflow || o1 || o2
            magnitude = s
        }
        if overflow { return .outOfRange }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? .value(Int64(bitPattern: 0 &- magnitude)) : .outOfRange
        }
        return magnitude <= UInt64(Int64.max) ? .value(Int64(magnitude)) : .unsigned(magnitude)
    }

    /// How go-yaml v2 resolves a plain scalar that starts with a sign or a digit, its
    /// underscores removed: an integer that fits 64 bits, else a float, else a big integer.
    public static func kind(_ plain: Substring) -> YAMLScalar.Kind {
        switch integer(plain) {
        case .value?, .unsigned?: return .int
        case .outOfRange?: return isFloat(plain) ? .float : .int
        case nil: return isFloat(plain) ? .float : .string
        }
    }

    /// go-yaml's float pattern, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, with a
    /// finite value (`ParseFloat` fails on overflow, and the scalar stays a string).
    public static func isFloat(_ plain: Substring) -> Bool {
        var u = Array(plain.utf8)[...]
        if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u = u.dropFirst() }
        func digits() -> Int {
            var n = 0
            while let c = u.first, c >= 48 && c <= 57 { u = u.dropFirst(); n += 1 }
            return n
        }
        let intDigits = digits()
        var fracDigits = 0
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            fracDigits = digits()
        }
        guard intDigits > 0 || fracDigits > 0 else { return false }
        if let e = u.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            u = u.dropFirst()
            if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u = u.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return u.isEmpty && (Double(String(plain)).map(\.isFinite) ?? false)
    }

    /// The whole number an int field gets from a plain scalar resolved as `.int` or
    /// `.float` (its text as written): an integer in range, or a float with an integral
    /// value; nil when it is neither (not whole, or beyond Int64).
    public static func wholeNumber(_ text: String, float: Bool) -> Int64? {
        let plain = Substring(text.replacingOccurrences(of: "_", with: ""))
        let int = float ? nil : integer(plain)
        if case .value(let v)? = int { return v }
        guard int == nil, let d = Double(String(plain)), d.isFinite, d == d.rounded(),
              abs(d) < 9.2e18 else { return nil }
        return Int64(d)
    }
}
