import Diagnostics

/// Reads the fields of a content file's YAML mappings by key and type, collecting every
/// problem as a positioned diagnostic instead of stopping at the first: a wrong type is
/// reported at the value, a missing key at its mapping, an unknown key at the key with a
/// "did you mean". Labs, question files, the curriculum and scenarios are all read with it.
///
/// Getters return nil (or skip list entries) when a value is absent or unusable; the
/// reason is in `diagnostics`. An optional key written with an empty value (`base: ~`)
/// reads as absent.
public struct FieldReader: Sendable {
    public let source: SourceFile
    public private(set) var diagnostics: [Diagnostic] = []

    public init(source: SourceFile) { self.source = source }

    /// The diagnostics as problems of this file.
    public var problems: [ContentProblem] { diagnostics.map { ContentProblem(file: source, diagnostic: $0) } }

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// Records an error of the content's own rules (after the schema is read).
    public mutating func error(_ message: String, at span: Span?, help: String? = nil, code: String? = "schema") {
        diagnostics.append(.error(message, at: span, help: help, code: code))
    }

    /// Records any diagnostic (a warning, or one from another checker).
    public mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: - Fields of a mapping

    public mutating func string(_ f: inout YAMLFields, _ key: String, required: Bool = false) -> String? {
        guard let node = present(&f, key, required: required, "a string") else { return nil }
        return string(node, path: f.fieldPath(key))
    }

    public mutating func int(_ f: inout YAMLFields, _ key: String, required: Bool = false) -> Int? {
        guard let node = present(&f, key, required: required, "a whole number") else { return nil }
        return int(node, path: f.fieldPath(key))
    }

    public mutating func double(_ f: inout YAMLFields, _ key: String, required: Bool = false) -> Double? {
        guard let node = present(&f, key, required: required, "a number") else { return nil }
        return double(node, path: f.fieldPath(key))
    }

    public mutating func bool(_ f: inout YAMLFields, _ key: String, required: Bool = false) -> Bool? {
        guard let node = present(&f, key, required: required, "true or false") else { return nil }
        return bool(node, path: f.fieldPath(key))
    }

    /// A list of strings; with `single`, one string alone reads as a list of one.
    public mutating func strings(_ f: inout YAMLFields, _ key: String, required: Bool = false,
                                 single: Bool = false) -> [String]? {
        guard let node = present(&f, key, required: required, "a list of strings") else { return nil }
        return strings(node, path: f.fieldPath(key), single: single)
    }

    /// A list of whole numbers; with `single`, one number alone reads as a list of one.
    public mutating func ints(_ f: inout YAMLFields, _ key: String, required: Bool = false,
                              single: Bool = false) -> [Int]? {
        guard let node = present(&f, key, required: required, "a list of whole numbers") else { return nil }
        return ints(node, path: f.fieldPath(key), single: single)
    }

    /// A nested mapping, to be read with the same getters and closed with `finish`.
    public mutating func mapping(_ f: inout YAMLFields, _ key: String, required: Bool = false) -> YAMLFields? {
        guard let node = present(&f, key, required: required, "a mapping") else { return nil }
        return mapping(node, path: f.fieldPath(key))
    }

    /// A list, each entry with its field path (`questions[3]`).
    public mutating func sequence(_ f: inout YAMLFields, _ key: String, required: Bool = false) -> [YAMLItem]? {
        guard let node = present(&f, key, required: required, "a list") else { return nil }
        return sequence(node, path: f.fieldPath(key))
    }

    /// The value of `key` whatever its type, for fields with several shapes.
    public mutating func value(_ f: inout YAMLFields, _ key: String, required: Bool = false) -> YAMLNode? {
        present(&f, key, required: required, "a value")
    }

    /// Reports every key of `f` that no getter asked for and `allow` did not name.
    /// `context` follows the key in the message (" for a query lab").
    public mutating func finish(_ f: YAMLFields, context: String = "") {
        for pair in f.unknown {
            var message = "unknown key \"\(pair.key)\"" + (f.path.isEmpty ? "" : " in `\(f.path)`") + context
            let guess = DidYouMean.suggest(pair.key, among: f.known)
            if let guess { message += "; did you mean \(guess)?" }
            let help = guess == nil && !f.known.isEmpty
                ? "the keys here are " + f.known.map { "`\($0)`" }.joined(separator: ", ") : nil
            diagnostics.append(.error(message, at: pair.keySpan, help: help, code: "unknown-field"))
        }
    }

    // MARK: - Values

    public mutating func string(_ node: YAMLNode, path: String) -> String? {
        if case .scalar(let s) = node, s.kind == .string { return s.text }
        mismatch(node, path, "a string")
        return nil
    }

    public mutating func int(_ node: YAMLNode, path: String) -> Int? {
        if case .scalar(let s) = node, s.kind == .int, let i = YAMLNumber.int(s.text) { return i }
        mismatch(node, path, "a whole number")
        return nil
    }

    /// A number, whole or not.
    public mutating func double(_ node: YAMLNode, path: String) -> Double? {
        if case .scalar(let s) = node, s.kind == .int || s.kind == .float, let d = YAMLNumber.double(s.text) { return d }
        mismatch(node, path, "a number")
        return nil
    }

    public mutating func bool(_ node: YAMLNode, path: String) -> Bool? {
        if case .scalar(let s) = node, case .bool(let b) = s.kind { return b }
        mismatch(node, path, "true or false")
        return nil
    }

    public mutating func mapping(_ node: YAMLNode, path: String) -> YAMLFields? {
        if let f = YAMLFields(node, path: path) { return f }
        mismatch(node, path, "a mapping")
        return nil
    }

    public mutating func sequence(_ node: YAMLNode, path: String) -> [YAMLItem]? {
        guard case .sequence(let items, _) = node else {
            mismatch(node, path, "a list")
            return nil
        }
        return items.enumerated().map { YAMLItem(node: $0.element, path: "\(path)[\($0.offset)]") }
    }

    /// Strings of a list; entries of another type are reported and left out.
    public mutating func strings(_ node: YAMLNode, path: String, single: Bool = false) -> [String]? {
        if single, case .scalar(let s) = node, s.kind == .string { return [s.text] }
        guard case .sequence = node else {
            mismatch(node, path, single ? "a string or a list of strings" : "a list of strings")
            return nil
        }
        return (sequence(node, path: path) ?? []).compactMap { string($0.node, path: $0.path) }
    }

    /// Whole numbers of a list; entries of another type are reported and left out.
    public mutating func ints(_ node: YAMLNode, path: String, single: Bool = false) -> [Int]? {
        if single, case .scalar(let s) = node, s.kind == .int, let i = YAMLNumber.int(s.text) { return [i] }
        guard case .sequence = node else {
            mismatch(node, path, single ? "a whole number or a list of them" : "a list of whole numbers")
            return nil
        }
        return (sequence(node, path: path) ?? []).compactMap { int($0.node, path: $0.path) }
    }

    // MARK: - Problems

    /// The value under `key`, or nil after reporting a required key as missing or empty.
    private mutating func present(_ f: inout YAMLFields, _ key: String, required: Bool, _ expected: String) -> YAMLNode? {
        guard let node = f.take(key) else {
            if required {
                let place = f.path.isEmpty ? "" : " in `\(f.path)`"
                error("missing `\(key):`\(place)", at: f.span, code: "missing-field")
            }
            return nil
        }
        guard !node.isNull else {
            if required { error("`\(f.fieldPath(key))` has no value; it must be \(expected)", at: f.valueSpan(key)) }
            return nil
        }
        return node
    }

    private mutating func mismatch(_ node: YAMLNode, _ path: String, _ expected: String) {
        var message = "`\(path)` must be \(expected), not \(node.kindPhrase)"
        var help: String?
        if expected.hasPrefix("a string") {
            switch node {
            case .mapping:
                message = "`\(path)` must be \(expected), but it reads as a mapping (a `: ` in plain text starts one)"
                help = "quote the text or write it as a `|` block"
            case .scalar(let s) where s.kind != .null:
                help = "YAML reads `\(s.text)` as \(s.kind.jsonKind == "bool" ? "a boolean" : "a number"); "
                    + "quote it (\"\(s.text)\") to make it text"
            default: break
            }
        }
        error(message, at: node.span, help: help)
    }
}

/// One entry of a YAML list, with its field path (`questions[3]`) for messages.
public struct YAMLItem: Sendable {
    public var node: YAMLNode
    public var path: String

    public init(node: YAMLNode, path: String) {
        self.node = node
        self.path = path
    }
}
