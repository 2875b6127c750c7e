/// jq 1.8's output colours (`-C`): one SGR code per kind of value plus one for
/// object keys, overridable with `JQ_COLORS` ("0;90:0;39:0;39:0;39:0;32:1;39:1;39:1;34").
public struct JSONColors: Sendable, Equatable {
    /// Escape sequences for null, false, true, numbers, strings, arrays, objects, object keys.
    public var codes: [String]

    /// jq 1.8.2's defaults.
    public static let jqDefault = JSONColors(codes: ["0;90", "0;39", "0;39", "0;39", "0;32", "1;39", "1;39", "1;34"])

    public init(codes: [String]) {
        self.codes = codes
    }

    /// Applies a `JQ_COLORS` value over the defaults, as jq does: up to eight
    /// colon-separated codes of digits and `;`; nil when the text is invalid
    /// (jq then warns "Failed to set $JQ_COLORS" and keeps the defaults).
    public static func fromEnvironment(_ text: String) -> JSONColors? {
        var colors = jqDefault
        if text.isEmpty { return colors }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            guard part.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ";") }) else { return nil }
            if i >= colors.codes.count { break }
            // An empty last code ("0:") is ignored, as in jq.
            if part.isEmpty && i == parts.count - 1 { break }
            colors.codes[i] = String(part)
        }
        return colors
    }

    func sequence(_ index: Int) -> [UInt8] {
        Array("\u{1B}[\(codes[index])m".utf8)
    }
}

/// Coloured output, laid out exactly as jq's `jv_dump_term` interleaves colour codes.
extension JSONPrinter {
    static let colorReset: [UInt8] = Array("\u{1B}[0m".utf8)

    func writeColored(_ value: JSON, level: Int, to out: inout [UInt8]) {
        guard let colors = options.colors else { return }
        let color: [UInt8]
        switch value {
        case .null: color = colors.sequence(0)
        case .bool(false): color = colors.sequence(1)
        case .bool(true): color = colors.sequence(2)
        case .number: color = colors.sequence(3)
        case .string: color = colors.sequence(4)
        case .array: color = colors.sequence(5)
        case .object: color = colors.sequence(6)
        }
        out.append(contentsOf: color)
        if level > JSONPrinter.maxDepth {
            out.append(contentsOf: JSONPrinter.tooDeep)
            out.append(contentsOf: JSONPrinter.colorReset)
            return
        }
        switch value {
        case .array(let a) where !a.isEmpty:
            out.append(UInt8(ascii: "["))
            for (i, element) in a.enumerated() {
                if i > 0 {
                    out.append(contentsOf: color)
                    out.append(UInt8(ascii: ","))
                }
                out.append(contentsOf: JSONPrinter.colorReset)
                newline(level + 1, to: &out)
                writeColored(element, level: level + 1, to: &out)
            }
            newline(level, to: &out)
            out.append(contentsOf: color)
            out.append(UInt8(ascii: "]"))
        case .object(let o) where !o.isEmpty:
            out.append(UInt8(ascii: "{"))
            let keyColor = colors.sequence(7)
            var first = true
            for (k, v) in members(o) {
                if !first {
                    out.append(contentsOf: color)
                    out.append(UInt8(ascii: ","))
                }
                out.append(contentsOf: JSONPrinter.colorReset)
                newline(level + 1, to: &out)
                first = false
                out.append(contentsOf: keyColor)
                JSONPrinter.appendQuoted(k, ascii: options.asciiOutput, to: &out)
                out.append(contentsOf: JSONPrinter.colorReset)
                out.append(contentsOf: color)
                out.append(UInt8(ascii: ":"))
                out.append(contentsOf: JSONPrinter.colorReset)
                if options.isPretty { out.append(UInt8(ascii: " ")) }
                writeColored(v, level: level + 1, to: &out)
            }
            newline(level, to: &out)
            out.append(contentsOf: color)
            out.append(UInt8(ascii: "}"))
        case .array:
            out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
        case .object:
            out.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): JSONPrinter.appendNumber(n, to: &out)
        case .string(let s): JSONPrinter.appendQuoted(s, ascii: options.asciiOutput, to: &out)
        }
        out.append(contentsOf: JSONPrinter.colorReset)
    }
}
