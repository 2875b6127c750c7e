import Diagnostics

/// Finds the second occurrence of a duplicated key, given where the first one is (the
/// parser reports only that), so the caret marks the duplicate rather than the original.
enum YAMLDuplicateKey {
    /// Lines scanned past the first key before giving up.
    static let maxLines = 10_000

    /// The span of the duplicate `key` in the mapping whose first occurrence of it is at
    /// 1-based `line`/`column`; nil when it cannot be found in the text.
    static func span(of key: String, firstAt line: Int, column: Int, in source: SourceFile) -> Span? {
        let forms = [key, "\"\(key)\"", "'\(key)'"]
        // A flow mapping: the duplicate later on the same line.
        let first = Array(source.lineText(line).unicodeScalars)
        var i = column - 1 + key.count
        while i < first.count {
            if first[i] == "," || first[i] == "{" {
                var j = i + 1
                while j < first.count, first[j] == " " { j += 1 }
                if let form = forms.first(where: { keyAt(first, j, $0) }) {
                    let start = source.offset(line: line, column: j + 1)
                    return Span(start: start, end: start + form.utf8.count)
                }
            }
            i += 1
        }
        // A block mapping: later lines whose key starts in the same column.
        let indent = column - 1
        var n = line + 1
        while n <= min(source.lineStarts.count, line + maxLines) {
            let text = Array(source.lineText(n).unicodeScalars)
            n += 1
            let lead = text.prefix { $0 == " " }.count
            if lead == text.count || text[lead] == "#" { continue }
            if lead < indent { return nil }
            guard lead == indent, let form = forms.first(where: { keyAt(text, lead, $0) }) else { continue }
            let start = source.offset(line: n - 1, column: lead + 1)
            return Span(start: start, end: start + form.utf8.count)
        }
        return nil
    }

    /// Whether `text` holds `key` at `index`, followed by optional spaces and a colon.
    private static func keyAt(_ text: [Unicode.Scalar], _ index: Int, _ key: String) -> Bool {
        let k = Array(key.unicodeScalars)
        guard index + k.count <= text.count, Array(text[index..<(index + k.count)]) == k else { return false }
        var j = index + k.count
        while j < text.count, text[j] == " " { j += 1 }
        return j < text.count && text[j] == ":"
    }
}
