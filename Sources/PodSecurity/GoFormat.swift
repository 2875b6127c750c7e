import Diagnostics

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
    var list: [String] { items.sorted(by: GoQuote.less) }
}
