import Diagnostics

/// One YAML mapping being read key by key. It remembers every key a reader asked
/// for, so the keys nobody asked for are the unknown ones, and the asked-for ones are
/// the candidates for "did you mean".
public struct YAMLFields: Sendable {
    /// The mapping's entries in file order.
    public let pairs: [YAMLPair]
    /// Where the mapping starts (its first key), for "missing key" problems.
    public let span: Span
    /// The field path of the mapping in its document (`""` for the root,
    /// `questions[3].options[1]` for a nested one), for messages.
    public let path: String
    /// Keys asked for so far, in order.
    public private(set) var known: [String] = []

    public init(pairs: [YAMLPair], span: Span, path: String) {
        self.pairs = pairs
        self.span = span
        self.path = path
    }

    /// The mapping `node` is, or nil when it is another kind of node.
    public init?(_ node: YAMLNode, path: String) {
        guard case .mapping(let pairs, let span) = node else { return nil }
        self.init(pairs: pairs, span: span, path: path)
    }

    /// The value under `key` without marking the key as known.
    public func peek(_ key: String) -> YAMLNode? { pairs.first { $0.key == key }?.value }

    /// Whether `key` is present (with any value, null included).
    public func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// Where the key itself is written.
    public func keySpan(_ key: String) -> Span? { pairs.first { $0.key == key }?.keySpan }

    /// Where the value of `key` is written (the key when the value is empty).
    public func valueSpan(_ key: String) -> Span? {
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        return pair.value.isNull && pair.value.scalarValue?.text.isEmpty == true ? pair.keySpan : pair.value.span
    }

    /// The field path of `key` inside this mapping (`questions[3].options[1].why`).
    public func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value under `key`, marking the key as known (present or not).
    public mutating func take(_ key: String) -> YAMLNode? {
        if !known.contains(key) { known.append(key) }
        return peek(key)
    }

    /// Marks keys as known without reading them (keys of another variant of the content).
    public mutating func allow(_ keys: [String]) {
        for key in keys where !known.contains(key) { known.append(key) }
    }

    /// Entries whose key was never asked for or allowed, in file order.
    public var unknown: [YAMLPair] { pairs.filter { !known.contains($0.key) } }
}

extension YAMLNode {
    /// The node's type as messages name it, with a short preview of a scalar:
    /// `a number (42)`, `a boolean (no)`, `a list`, `a mapping`, `empty`.
    public var kindPhrase: String {
        switch self {
        case .scalar(let s):
            let preview = s.text.count > 24 ? String(s.text.prefix(24)) + "..." : s.text
            switch s.kind {
            case .string: return "a string (\"\(preview)\")"
            case .null: return "empty"
            case .bool: return "a boolean (\(preview))"
            case .int, .float: return "a number (\(preview))"
            }
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// The scalar, when the node is one.
    var scalarValue: YAMLScalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }
}

/// Numbers as YAML 1.1 writes them (`1_000`, `0x1F`, `0o17`, `017`, `0b101`, `.inf`), for
/// the field reader: the same reading as Kubernetes objects get (GoYAMLNumber).
enum YAMLNumber {
    static func int(_ text: String) -> Int? {
        guard case .value(let v)? = GoYAMLNumber.integer(Substring(text.replacingOccurrences(of: "_", with: ""))) else {
            return nil
        }
        return Int(exactly: v)
    }

    static func double(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: "_", with: "")
        switch t.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: return Double(t) ?? int(t).map(Double.init)
        }
    }
}
