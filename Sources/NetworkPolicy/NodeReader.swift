import ContentFormat
import Diagnostics

/// Reads typed fields out of a positioned YAML node, recording each field's span by path
/// and collecting type errors as problems (never stopping at the first).
struct NodeReader {
    let file: String
    var problems: [Problem] = []
    var spans: [String: Span] = [:]

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at span: Span, help: String? = nil, code: String = "bad-field") {
        problems.append(Problem(file: file, .error(message, at: span, help: help, code: code)))
    }

    /// The pairs of a mapping (nil for null or a missing field); anything else is an error.
    mutating func mapping(_ node: YAMLNode?, _ path: String) -> [YAMLPair]? {
        guard let node, !node.isNull else { return nil }
        spans[path] = node.span
        guard case .mapping(let pairs, _) = node else {
            error("\(path): must be an object, not \(article(node.jsonKind))", at: node.span)
            return nil
        }
        for p in pairs { spans[path.isEmpty ? p.key : "\(path).\(p.key)"] = p.keySpan.merged(with: p.value.span) }
        return pairs
    }

    mutating func sequence(_ node: YAMLNode?, _ path: String) -> [YAMLNode]? {
        guard let node, !node.isNull else { return nil }
        spans[path] = node.span
        guard case .sequence(let items, _) = node else {
            error("\(path): must be a list, not \(article(node.jsonKind))", at: node.span)
            return nil
        }
        for (i, item) in items.enumerated() { spans["\(path)[\(i)]"] = item.span }
        return items
    }

    mutating func string(_ node: YAMLNode?, _ path: String) -> String? {
        guard let node, !node.isNull else { return nil }
        spans[path] = node.span
        guard case .scalar(let s) = node, s.kind == .string else {
            error("\(path): must be a string, not \(article(node.jsonKind))", at: node.span,
                  help: node.jsonKind == "number" || node.jsonKind == "bool" ? "quote the value" : nil)
            return nil
        }
        return s.text
    }

    /// An int32 field such as `containerPort` or `endPort`.
    mutating func int(_ node: YAMLNode?, _ path: String) -> Int? {
        guard let node, !node.isNull else { return nil }
        spans[path] = node.span
        // As kubectl reads it: `0x50`, `0o120`, `0120` and `80.0` are all 80 (GoYAMLNumber).
        guard case .scalar(let s) = node, s.kind == .int || s.kind == .float,
              let v = GoYAMLNumber.wholeNumber(s.text, float: s.kind == .float).map(Int.init),
              v >= Int(Int32.min), v <= Int(Int32.max) else {
            error("\(path): must be an integer (int32), not \(describe(node))", at: node.span)
            return nil
        }
        return v
    }

    /// `map[string]string` (labels, matchLabels).
    mutating func stringMap(_ node: YAMLNode?, _ path: String) -> [String: String]? {
        guard let pairs = mapping(node, path) else { return nil }
        var out: [String: String] = [:]
        for p in pairs {
            if let v = string(p.value, "\(path).\(p.key)") { out[p.key] = v }
        }
        return out
    }

    mutating func strings(_ node: YAMLNode?, _ path: String) -> [String]? {
        guard let items = sequence(node, path) else { return nil }
        return items.enumerated().compactMap { string($0.element, "\(path)[\($0.offset)]") }
    }

    /// Keys outside `known` are errors, as kubectl's default strict field validation reports them.
    mutating func rejectUnknown(_ pairs: [YAMLPair], _ path: String, known: Set<String>) {
        for p in pairs where !known.contains(p.key) {
            let full = path.isEmpty ? p.key : "\(path).\(p.key)"
            let help = DidYouMean.suggest(p.key, among: known.sorted()).map { "did you mean \"\($0)\"?" }
                ?? "known fields here: " + known.sorted().joined(separator: ", ")
            error("strict decoding error: unknown field \"\(full)\"", at: p.keySpan, help: help, code: "unknown-field")
        }
    }

    private func describe(_ node: YAMLNode) -> String {
        if case .scalar(let s) = node, s.kind == .int || s.kind == .float { return "\(s.text) (out of range or not whole)" }
        return article(node.jsonKind)
    }

    private func article(_ kind: String) -> String {
        kind == "array" || kind == "object" ? "an \(kind)" : kind == "null" ? "null" : "a \(kind)"
    }
}

extension Array where Element == YAMLPair {
    subscript(key: String) -> YAMLNode? { first { $0.key == key }?.value }
}
