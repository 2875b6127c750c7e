/// Go's `%q` for a string: double quotes with Go's escapes, so messages that quote
/// annotation values match upstream byte for byte.
public func goQuote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\u{0B}": out += "\\v"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + hex(scalar.value, 2)
            } else if !isPrintable(scalar) {
                out += scalar.value <= 0xFFFF ? "\\u" + hex(scalar.value, 4) : "\\U" + hex(scalar.value, 8)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// An approximation of Go's strconv.IsPrint: control, format, separator (other than
/// space) and unassigned scalars are escaped.
private func isPrintable(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return s.value >= 0x20 && s.value < 0x7F }
    switch s.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
        return false
    default:
        return true
    }
}

private func hex(_ v: UInt32, _ width: Int) -> String {
    let digits = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// `"a", "b", "c"` (helpers.go joinQuote); empty for no items.
func joinQuote(_ items: [String]) -> String {
    items.isEmpty ? "" : "\"" + items.joined(separator: "\", \"") + "\""
}

/// helpers.go pluralize.
func pluralize(_ singular: String, _ plural: String, _ count: Int) -> String {
    count == 1 ? singular : plural
}

/// A sorted set of strings, as `sets.NewString().List()` returns (byte-wise order).
struct StringSet {
    private var items: Set<String> = []
    mutating func insert(_ s: String) { items.insert(s) }
    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    /// Sorted by UTF-8 bytes, as Go sorts strings.
    var list: [String] { items.sorted(by: goLess) }
}

/// Go's string ordering: byte-wise over UTF-8.
func goLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
