/// Go's quoting of strings, where upstream messages (kube-apiserver, pod-security-admission,
/// the RBAC authorizer) depend on it: `strconv.Quote` (`%q`), `encoding/json`'s string
/// encoding, and Go's byte-wise string order. One copy for every engine.
public enum GoQuote {
    /// `strconv.Quote` / `%q`: double quotes; `"` and `\` escaped; `\a \b \f \n \r \t \v`;
    /// other ASCII controls and DEL as `\xNN`; other scalars that are not printable (Go's
    /// `unicode.IsPrint`) as `\uNNNN` or `\UNNNNNNNN`; printable scalars as they are.
    public static func quote(_ s: String) -> String {
        // Most names are printable ASCII without quotes or backslashes.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if isPrint(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x80 {
                    out += "\\x" + hex(scalar.value, 2)
                } else if scalar.value < 0x10000 {
                    out += "\\u" + hex(scalar.value, 4)
                } else {
                    out += "\\U" + hex(scalar.value, 8)
                }
            }
        }
        return out + "\""
    }

    /// `encoding/json` string encoding with its default HTML escaping (`<`, `>`, `&` as
    /// `\u003c` ...; U+2028 and U+2029 escaped; other controls as `\u00NN`).
    public static func json(_ s: String) -> String {
        if needsNoEscaping(s) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + hex(scalar.value, 4)
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + hex(scalar.value, 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `json.Marshal` of a `[]string` (`null` for a nil slice).
    public static func jsonArray(_ values: [String]?) -> String {
        guard let values else { return "null" }
        return "[" + values.map(json).joined(separator: ",") + "]"
    }

    /// True when encoding/json writes the string as it is: printable ASCII without `"`,
    /// `\` or the HTML-escaped `<`, `>`, `&`.
    @inline(__always)
    public static func needsNoEscaping(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0x3E && $0 != 0x26 }
    }

    /// Go's `unicode.IsPrint`, by general category: letters, marks, numbers, punctuation,
    /// symbols and the ASCII space (so U+00A0 and the other spaces are not printable).
    public static func isPrint(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x20 && s.value < 0x7F }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// Go's string `<`: byte-wise over UTF-8, which `sort.Strings` and `sets.List` use.
    public static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
