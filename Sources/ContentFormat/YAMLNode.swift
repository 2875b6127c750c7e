import Diagnostics
import Yams

/// A YAML document reduced to what a Kubernetes object decoder sees, with byte spans.
/// Scalars are resolved the way kube-apiserver's YAML-to-JSON step resolves them
/// (YAML 1.1: `yes`/`no`/`on`/`off` are booleans, `~` is null), because that decides
/// whether a value has the type the field needs.
public indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], Span)
    case mapping([YAMLPair], Span)

    public var span: Span {
        switch self {
        case .scalar(let s): s.span
        case .sequence(_, let s), .mapping(_, let s): s
        }
    }

    /// The JSON type name as Go's decoder reports it ("string", "number", "bool", "array", "object", "null").
    public var jsonKind: String {
        switch self {
        case .scalar(let s): s.kind.jsonKind
        case .sequence: "array"
        case .mapping: "object"
        }
    }

    public var isNull: Bool {
        if case .scalar(let s) = self, s.kind == .null { return true }
        return false
    }
}

public struct YAMLPair: Sendable {
    public var key: String
    public var keySpan: Span
    public var value: YAMLNode

    public init(key: String, keySpan: Span, value: YAMLNode) {
        self.key = key
        self.keySpan = keySpan
        self.value = value
    }
}

public struct YAMLScalar: Sendable {
    public enum Kind: Sendable, Equatable {
        case string, null, bool(Bool), int, float

        public var jsonKind: String {
            switch self {
            case .string: "string"
            case .null: "null"
            case .bool: "bool"
            case .int, .float: "number"
            }
        }
    }

    public var text: String
    public var kind: Kind
    public var span: Span

    public init(text: String, kind: Kind, span: Span) {
        self.text = text
        self.kind = kind
        self.span = span
    }
}

/// What went wrong turning text into a YAMLNode.
public struct YAMLParseError: Error, Sendable {
    public var message: String
    public var span: Span
    public var help: String?

    public init(message: String, span: Span, help: String? = nil) {
        self.message = message
        self.span = span
        self.help = help
    }
}

public enum YAMLReader {
    /// Nesting deeper than this is refused before parsing: libyaml and the composer
    /// recurse per level, and no policy needs more than a handful.
    public static let maxDepth = 200
    /// Nodes after alias expansion (a "billion laughs" document is refused).
    public static let maxNodes = 2_000_000
    /// Bytes of scalar and key text after alias expansion: a 1 MB string referenced
    /// thousands of times is few nodes but gigabytes for whatever reads the values.
    public static let maxExpandedBytes = 64 << 20

    /// What is left of the expansion limits while a document is converted.
    struct Budget {
        var nodes = YAMLReader.maxNodes
        var bytes = YAMLReader.maxExpandedBytes
    }

    /// The single document in `source` (nil for an empty file).
    public static func read(_ source: SourceFile) throws(YAMLParseError) -> YAMLNode? {
        let text = try validatedText(source)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, Resolver.default)
        } catch let error as YamlError {
            throw convert(error, source)
        } catch {
            throw YAMLParseError(message: "\(error)", span: .at(0))
        }
        guard let node else { return nil }
        var budget = Budget()
        return try convert(node, source, &budget)
    }

    /// Every document of a `---`-separated stream, in order; empty documents are dropped.
    /// A syntax error stops the stream there (YAML cannot resynchronise), so the
    /// documents before it are returned with the error.
    public static func readDocuments(_ source: SourceFile) -> (documents: [YAMLNode], error: YAMLParseError?) {
        let text: String
        do { text = try validatedText(source) } catch { return ([], error) }
        var documents: [YAMLNode] = []
        var budget = Budget()
        do {
            let parser = try Parser(yaml: text, resolver: .default)
            while let node = try parser.nextRoot() {
                documents.append(try convert(node, source, &budget))
            }
        } catch let error as YamlError {
            return (documents, convert(error, source))
        } catch let error as YAMLParseError {
            return (documents, error)
        } catch {
            return (documents, YAMLParseError(message: "\(error)", span: .at(0)))
        }
        return (documents, nil)
    }

    /// The text of `source` once it is known to be UTF-8 without NUL bytes and not nested too deeply.
    private static func validatedText(_ source: SourceFile) throws(YAMLParseError) -> String {
        if let bad = source.bytes.firstIndex(of: 0) {
            throw YAMLParseError(message: "the file contains a NUL byte; it is not a text file", span: .at(bad))
        }
        guard let text = String(validating: source.bytes, as: UTF8.self) else {
            var i = 0
            let b = source.bytes
            // Find the first byte that is not valid UTF-8, for the caret.
            while i < b.count {
                let len = b[i] < 0x80 ? 1 : b[i] >> 5 == 0x6 ? 2 : b[i] >> 4 == 0xE ? 3 : b[i] >> 3 == 0x1E ? 4 : 0
                if len == 0 || i + len > b.count || String(validating: b[i..<i + len], as: UTF8.self) == nil { break }
                i += len
            }
            throw YAMLParseError(message: "the file is not valid UTF-8 text", span: .at(i))
        }
        try checkDepth(source)
        return text
    }

    private static func convert(_ node: Node, _ source: SourceFile, _ budget: inout Budget) throws(YAMLParseError) -> YAMLNode {
        budget.nodes -= 1
        if budget.nodes < 0 {
            throw YAMLParseError(message: "the document expands to more than \(maxNodes) nodes (aliases?)",
                                 span: span(of: node.mark, length: 1, source))
        }
        switch node {
        case .scalar(let s):
            try spend(s.string.utf8.count, &budget, node, source)
            let quoted = s.style == .singleQuoted || s.style == .doubleQuoted
            let length = quoted ? s.string.utf8.count + 2 : max(1, s.string.utf8.count)
            let kind: YAMLScalar.Kind = (s.style == .plain && (s.tag.rawValue.isEmpty || s.tag.rawValue == "?")) ? resolvePlain(s.string)
                : explicitKind(s)
            return .scalar(YAMLScalar(text: s.string, kind: kind, span: span(of: s.mark, length: length, source)))
        case .sequence(let seq):
            var items: [YAMLNode] = []
            for item in seq {
                items.append(try convert(item, source, &budget))
            }
            return .sequence(items, span(of: seq.mark, length: 1, source))
        case .mapping(let map):
            var pairs: [YAMLPair] = []
            for (k, v) in map {
                let keyText: String
                var keyLength: Int
                switch k {
                case .scalar(let ks):
                    try spend(ks.string.utf8.count, &budget, k, source)
                    keyText = ks.string
                    keyLength = ks.string.utf8.count
                    if ks.style == .singleQuoted || ks.style == .doubleQuoted { keyLength += 2 }
                default:
                    throw YAMLParseError(message: "a mapping key must be a plain string",
                                         span: span(of: k.mark, length: 1, source))
                }
                let keySpan = span(of: k.mark, length: max(1, keyLength), source)
                pairs.append(YAMLPair(key: keyText, keySpan: keySpan, value: try convert(v, source, &budget)))
            }
            return .mapping(pairs, span(of: map.mark, length: 1, source))
        case .alias(let a):
            throw YAMLParseError(message: "unresolved YAML alias", span: span(of: a.mark, length: 1, source))
        }
    }

    /// Takes `count` bytes of text from the budget, refusing the document when it runs out.
    private static func spend(_ count: Int, _ budget: inout Budget, _ node: Node, _ source: SourceFile) throws(YAMLParseError) {
        budget.bytes -= count
        if budget.bytes < 0 {
            throw YAMLParseError(message: "the document expands to more than \(maxExpandedBytes >> 20) MB of text (aliases?)",
                                 span: span(of: node.mark, length: 1, source),
                                 help: "each use of an alias (*name) copies what its anchor (&name) holds")
        }
    }

    /// An explicitly tagged or quoted scalar keeps the type its tag names.
    private static func explicitKind(_ s: Node.Scalar) -> YAMLScalar.Kind {
        switch Tag.Name(rawValue: s.tag.rawValue) {
        case .null: .null
        case .bool: resolvePlain(s.string) == .bool(true) ? .bool(true) : .bool(false)
        case .int: .int
        case .float: .float
        default: .string
        }
    }

    /// YAML 1.1 plain-scalar resolution as go-yaml v2 does it.
    public static func resolvePlain(_ s: String) -> YAMLScalar.Kind {
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
             ".nan", ".NaN", ".NAN": return .float
        default: break
        }
        guard let first = s.utf8.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (first >= 48 && first <= 57) else { return .string }
        // go-yaml v2's order: `.5` only as a float; otherwise, without underscores, Go's
        // integer syntax (ParseInt/ParseUint, base 0), then the float pattern (GoYAMLNumber).
        if first == UInt8(ascii: ".") { return GoYAMLNumber.isFloat(Substring(s)) ? .float : .string }
        return GoYAMLNumber.kind(Substring(s.replacingOccurrences(of: "_", with: "")))
    }

    private static func span(of mark: Mark?, length: Int, _ source: SourceFile) -> Span {
        guard let mark else { return .at(0) }
        let start = source.offset(line: mark.line, column: mark.column)
        let end = min(start + length, source.lineEnd(ofLine: max(1, min(mark.line, source.lineStarts.count))))
        return Span(start: start, end: max(end, start + (start < source.bytes.count ? 1 : 0)))
    }

    private static func convert(_ error: YamlError, _ source: SourceFile) -> YAMLParseError {
        func at(_ mark: Mark) -> Span {
            let o = source.offset(line: mark.line, column: mark.column)
            return Span(start: o, end: min(o + 1, source.bytes.count))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            var help: String?
            if problem.contains("cannot start any token"), source.lineText(mark.line).contains("\t") {
                help = "YAML indentation must use spaces; this line contains a TAB"
            } else if problem.contains("mapping values are not allowed") {
                help = "a `key: value` where a value was expected; check the indentation of this line and the one before"
            }
            return YAMLParseError(message: "YAML syntax error: " + message, span: at(mark), help: help)
        case let .duplicatedKeysInMapping(duplicates, context):
            // The parser marks the first occurrence of the (alphabetically) first duplicated key.
            let key = duplicates.sorted().first ?? ""
            let duplicate = YAMLDuplicateKey.span(of: key, firstAt: context.mark.line, column: context.mark.column, in: source)
            let also = duplicates.count > 1 ? " (also duplicated: " + duplicates.sorted().dropFirst().map { "\"\($0)\"" }
                .joined(separator: ", ") + ")" : ""
            return YAMLParseError(
                message: "duplicate key \"\(key)\" (first at line \(context.mark.line))" + also,
                span: duplicate ?? at(context.mark),
                help: "kube-apiserver would log a warning and keep the last value; kcsa does not load a file with a "
                    + "duplicate key, so that it says one thing: remove one of them")
        case let .reader(problem, offset, _, _):
            return YAMLParseError(message: "YAML reader error: \(problem)", span: .at(offset ?? 0))
        default:
            return YAMLParseError(message: "YAML error: \(error)", span: .at(0))
        }
    }

    /// Refuses documents nested deeper than `maxDepth` (flow brackets, and block nesting from
    /// the indentation of each line and its leading dashes, estimated without parsing) so the
    /// recursive parser never runs out of stack. Quotes open only where a scalar can start and
    /// `#` starts a comment only after a space, so an apostrophe in plain text hides nothing.
    /// The last non-space byte on a line before a quote that opens a quoted scalar (0: none yet).
    private static let scalarStarts: Set<UInt8> = [0, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "["),
                                                   UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "?")]

    private static func checkDepth(_ source: SourceFile) throws(YAMLParseError) {
        let bytes = source.bytes
        var flow = 0, quote: UInt8 = 0, escaped = false
        var lineStart = true, column = 0, dashes = 0
        var indents: [Int] = []
        var previous: UInt8 = 0
        func tooDeep(_ i: Int) -> YAMLParseError {
            YAMLParseError(message: "the YAML is nested more than \(maxDepth) levels deep", span: .at(i))
        }
        for i in bytes.indices {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                if quote == UInt8(ascii: "#") { quote = 0 }
                lineStart = true; column = 0; dashes = 0; previous = 0
                continue
            }
            if quote != 0 {
                if escaped { escaped = false } else if quote == UInt8(ascii: "\""), b == UInt8(ascii: "\\") { escaped = true }
                else if b == quote { quote = 0; previous = b }
                continue
            }
            if lineStart {
                if b == UInt8(ascii: " ") { column += 1; continue }
                if b == UInt8(ascii: "#") || b == UInt8(ascii: "\r") { quote = b == UInt8(ascii: "#") ? b : 0; continue }
                if dashes == 0 && flow == 0 {
                    while let last = indents.last, last >= column { indents.removeLast() }
                    indents.append(column)
                }
                let isDash = (b == UInt8(ascii: "-") || b == UInt8(ascii: "?"))
                    && (i + 1 == bytes.count || bytes[i + 1] == UInt8(ascii: " ") || bytes[i + 1] == UInt8(ascii: "\n"))
                if isDash { dashes += 1; column += 1 } else { lineStart = false }
                if indents.count + dashes > maxDepth { throw tooDeep(i) }
                if isDash { continue }
            }
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // Only where a scalar may start: a quote inside plain text (`don't`) is text.
                if Self.scalarStarts.contains(previous) { quote = b }
            case UInt8(ascii: "#") where i == 0 || bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t"):
                quote = b
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flow += 1
                if flow > maxDepth { throw tooDeep(i) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
            default: break
            }
            if b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") { previous = b }
        }
    }
}
