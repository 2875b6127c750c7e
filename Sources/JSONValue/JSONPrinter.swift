/// Writes `JSON` values as jq 1.8 prints them, byte for byte: compact or
/// pretty (`--indent n`, `--tab`), `-S` sorted keys, `-a` ASCII escapes, `-C`
/// colours, number literals kept, doubles in jq's 17-digit format.
///
/// The printer appends UTF-8 bytes to a caller's buffer, so a command line can
/// reuse one buffer for every output and write it out in large chunks.
///
/// ```swift
/// JSONPrinter.compact(value)                                  // tojson, tostring
/// var out: [UInt8] = []
/// JSONPrinter(options: .init(indent: 2)).write(value, to: &out)
/// ```
public struct JSONPrinter: Sendable {
    /// How values are laid out.
    public struct Options: Sendable, Equatable {
        /// One member per line (jq's JV_PRINT_PRETTY). `--indent 0` is pretty
        /// with no indentation: newlines, but no spaces at the line starts.
        public var pretty: Bool
        /// Spaces per level for pretty output (jq: 0...7).
        public var indent: Int
        /// Indent with one tab per level (`--tab`), overriding `indent`.
        public var tab: Bool
        /// Object keys in code-point order at every level (`-S`).
        public var sortKeys: Bool
        /// Non-ASCII characters as `\uXXXX` escapes, surrogate pairs above U+FFFF (`-a`).
        public var asciiOutput: Bool
        /// ANSI colours (`-C`), from `colors`.
        public var colors: JSONColors?

        /// `pretty` defaults to true when there is an indentation (`indent > 0` or `tab`).
        public init(indent: Int = 2, tab: Bool = false, pretty: Bool? = nil, sortKeys: Bool = false,
                    asciiOutput: Bool = false, colors: JSONColors? = nil) {
            self.pretty = pretty ?? (tab || indent > 0)
            self.indent = indent
            self.tab = tab
            self.sortKeys = sortKeys
            self.asciiOutput = asciiOutput
            self.colors = colors
        }

        /// jq's `-c`.
        public static let compact = Options(indent: 0)
        /// jq's default: two spaces.
        public static let pretty = Options(indent: 2)

        var isPretty: Bool { pretty }
    }

    public var options: Options

    public init(options: Options = .pretty) {
        self.options = options
    }

    /// jq's compact text of a value (`tojson`, `tostring` of a non-string).
    public static func compact(_ value: JSON) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        JSONPrinter(options: .compact).write(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of a value with these options.
    public func string(_ value: JSON) -> String {
        var out: [UInt8] = []
        write(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value's text (no trailing newline).
    public func write(_ value: JSON, to out: inout [UInt8]) {
        if options.colors != nil {
            writeColored(value, level: 0, to: &out)
        } else if options.isPretty || options.sortKeys {
            writeGeneral(value, level: 0, to: &out)
        } else {
            writeCompact(value, to: &out)
        }
    }

    /// Appends a string's JSON text (quotes and escapes) with these options.
    public func writeString(_ s: String, to out: inout [UInt8]) {
        JSONPrinter.appendQuoted(s, ascii: options.asciiOutput, to: &out)
    }

    /// Nesting beyond jq's MAX_PRINT_DEPTH is replaced by this marker, as jq does.
    static let tooDeep = Array("<skipped: too deep>".utf8)
    static let maxDepth = 10_000

    /// The hot path (`-c`, `tojson`): no indentation, no sorting, no colour.
    private func writeCompact(_ value: JSON, to out: inout [UInt8], level: Int = 0) {
        if level > JSONPrinter.maxDepth {
            out.append(contentsOf: JSONPrinter.tooDeep)
            return
        }
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(true): out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        case .bool(false): out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .number(let n): JSONPrinter.appendNumber(n, to: &out)
        case .string(let s): JSONPrinter.appendQuoted(s, ascii: options.asciiOutput, to: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            var first = true
            for element in a {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeCompact(element, to: &out, level: level + 1)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (k, v) in o {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONPrinter.appendQuoted(k, ascii: options.asciiOutput, to: &out)
                out.append(UInt8(ascii: ":"))
                writeCompact(v, to: &out, level: level + 1)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Pretty and/or sorted output without colour.
    private func writeGeneral(_ value: JSON, level: Int, to out: inout [UInt8]) {
        if level > JSONPrinter.maxDepth {
            out.append(contentsOf: JSONPrinter.tooDeep)
            return
        }
        switch value {
        case .array(let a) where !a.isEmpty:
            out.append(UInt8(ascii: "["))
            for (i, element) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1, to: &out)
                writeGeneral(element, level: level + 1, to: &out)
            }
            newline(level, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let o) where !o.isEmpty:
            out.append(UInt8(ascii: "{"))
            var first = true
            for (k, v) in members(o) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(level + 1, to: &out)
                JSONPrinter.appendQuoted(k, ascii: options.asciiOutput, to: &out)
                out.append(UInt8(ascii: ":"))
                if options.isPretty { out.append(UInt8(ascii: " ")) }
                writeGeneral(v, level: level + 1, to: &out)
            }
            newline(level, to: &out)
            out.append(UInt8(ascii: "}"))
        default:
            writeCompact(value, to: &out, level: level)
        }
    }

    /// An object's members in output order: as stored, or sorted by code points for `-S`.
    func members(_ o: JSONObject) -> [(key: String, value: JSON)] {
        let pairs = o.elements.map { (key: $0.key, value: $0.value) }
        guard options.sortKeys else { return pairs }
        return pairs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    func newline(_ level: Int, to out: inout [UInt8]) {
        guard options.isPretty else { return }
        out.append(0x0A)
        if options.tab {
            out.append(contentsOf: repeatElement(0x09, count: level))
        } else {
            out.append(contentsOf: repeatElement(0x20, count: level * options.indent))
        }
    }

    /// A number's text: its kept literal, or the double in jq's format.
    @inline(__always)
    static func appendNumber(_ n: JSONNumber, to out: inout [UInt8]) {
        if let literal = n.literal {
            if n.double.isNaN { out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]); return }
            out.append(contentsOf: literal.utf8)
        } else {
            JSONNumber.appendFormatted(n.double, to: &out)
        }
    }
}
