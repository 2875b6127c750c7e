/// Word wrapping for the terminal: widths are visible columns (ANSI colour codes count
/// zero), a wrapped line continues under its hanging indent, and code (``` fences,
/// indented blocks when asked) and JSON lines are never re-wrapped. A width of nil (no
/// terminal) leaves the text as it is.
public enum TextWrap {
    /// The narrowest width wrapping is done at; below it lines are left alone.
    public static let minimumWidth = 30

    /// Visible columns of `s`: escape sequences (`ESC [ ... letter`) are skipped.
    public static func visibleWidth<S: StringProtocol>(_ s: S) -> Int {
        var n = 0
        var escape = false, csi = false
        for u in s.unicodeScalars {
            if escape {
                if csi {
                    if (0x40...0x7E).contains(u.value) { escape = false; csi = false }
                } else if u == "[" {
                    csi = true
                } else {
                    escape = false
                }
                continue
            }
            if u == "\u{1B}" { escape = true; continue }
            if u.properties.generalCategory == .nonspacingMark || u.value == 0x200D { continue }
            n += 1
        }
        return n
    }

    /// Wraps every line of `text` to `width` columns at spaces. A continuation starts at
    /// `hanging` columns when given, else under the line's own indent (and its list marker:
    /// `- `, `* `, `a) `, `1. `). With `keepIndented`, lines that start with a space or tab
    /// beyond the first line's indent are code and kept as they are.
    public static func wrap(_ text: String, width: Int?, hanging: Int? = nil, keepIndented: Bool = false) -> String {
        guard let width, width >= minimumWidth else { return text }
        var inFence = false
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("```") {
                inFence.toggle()
                out.append(String(line))
                continue
            }
            if inFence || isJSON(trimmed) || (keepIndented && line.first.map { $0 == " " || $0 == "\t" } == true)
                || visibleWidth(line) <= width {
                out.append(String(line))
                continue
            }
            out.append(contentsOf: wrapLine(line, width: width, hanging: hanging ?? naturalHanging(line)))
        }
        return out.joined(separator: "\n")
    }

    /// Joins the hard-wrapped lines of each paragraph of authored prose (a lab's task,
    /// written at about 80 columns) into one line, so `wrap` can fill the real width.
    /// Only lines that start in column 0 are joined, and not when the next one starts a
    /// list item (`- `, `* `, `1. `); indented lines (code, hand-laid lists), blank lines,
    /// ``` fences and JSON are kept as written.
    public static func reflow(_ text: String) -> String {
        var out: [String] = []
        var inFence = false
        var joinable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let fence = line.drop(while: { $0 == " " }).hasPrefix("```")
            if fence { inFence.toggle() }
            // Unindented text outside code: it may continue the line before it.
            let unindented = !fence && !inFence && line.first.map { $0 != " " && $0 != "\t" } == true && !isJSON(line)
            if unindented && joinable && naturalHanging(line) == 0, let last = out.popLast() {
                out.append(last + " " + line)
            } else {
                out.append(String(line))
            }
            joinable = unindented
        }
        return out.joined(separator: "\n")
    }

    /// A line that reads as JSON (after an optional `label:`): `{`, `[` or `"` starts it.
    static func isJSON(_ s: Substring) -> Bool {
        var body = s
        if let colon = s.firstIndex(of: ":"), s[..<colon].allSatisfy({ $0.isLetter || $0 == " " }),
           s.index(after: colon) < s.endIndex, s[s.index(after: colon)] == " " {
            body = s[s.index(after: colon)...].drop { $0 == " " }
        }
        guard let first = body.first else { return false }
        return first == "{" || (first == "[" && body.dropFirst().first.map { "{[\"0123456789]".contains($0) } == true)
    }

    /// The indent of the line plus its list marker, in columns.
    static func naturalHanging(_ line: Substring) -> Int {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        for marker in ["- ", "* "] where rest.hasPrefix(marker) { return indent + 2 }
        if let close = rest.firstIndex(where: { $0 == ")" || $0 == "." }), close > rest.startIndex,
           rest.distance(from: rest.startIndex, to: close) <= 3,
           rest[..<close].allSatisfy({ $0.isLetter || $0.isNumber }),
           rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == " " {
            return indent + rest.distance(from: rest.startIndex, to: close) + 2
        }
        return indent
    }

    static func wrapLine(_ line: Substring, width: Int, hanging: Int) -> [String] {
        let indent = line.prefix { $0 == " " }
        let words = line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false)
        let pad = String(repeating: " ", count: min(hanging, width * 2 / 3))
        var lines: [String] = []
        var current = String(indent)
        var currentWidth = indent.count
        var empty = true
        for word in words {
            let w = visibleWidth(word)
            if !empty && currentWidth + 1 + w > width {
                lines.append(current)
                current = pad
                currentWidth = pad.count
                empty = true
            }
            if !empty {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += w
            empty = false
        }
        lines.append(current)
        return lines
    }

    /// `s` cut to `width` visible columns, with a marker saying how much was left out;
    /// colour is reset at the cut. Unchanged when it fits.
    public static func clip(_ s: String, width: Int) -> String {
        let total = visibleWidth(s)
        guard total > width else { return s }
        // The marker's own length depends on the count it prints; two rounds settle it.
        var keep = max(1, width - 24)
        for _ in 0..<2 {
            let marker = " ... (\(total - keep) more characters)"
            keep = max(1, width - marker.count)
        }
        var out = ""
        var n = 0
        var escape = false, csi = false, coloured = false
        for ch in s {
            let u = ch.unicodeScalars.first!
            if escape {
                out.append(ch)
                if csi {
                    if (0x40...0x7E).contains(u.value) { escape = false; csi = false }
                } else if ch == "[" { csi = true } else { escape = false }
                continue
            }
            if ch == "\u{1B}" {
                escape = true
                coloured = true
                out.append(ch)
                continue
            }
            if n == keep { break }
            out.append(ch)
            n += 1
        }
        return out + (coloured ? "\u{1B}[0m" : "") + " ... (\(total - keep) more characters)"
    }
}
