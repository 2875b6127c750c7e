import ContentFormat
import Diagnostics

/// Reads typed fields out of a YAMLNode the way kube-apiserver's JSON decoder accepts them,
/// collecting a positioned error for every value of the wrong type (the API server would
/// answer 400 `... cannot be handled as a Pod: json: cannot unmarshal ...`) and a warning
/// for every unknown field (kubectl's default `--validate=strict` rejects those).
struct FieldReader {
    /// `Pod in version "v1" cannot be handled as a Pod`.
    var context: String
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    init(context: String) { self.context = context }

    /// Go's JSON field path: the indexed path without `[n]`.
    private static func goPath(_ path: String) -> String {
        guard path.contains("[") else { return path }
        var out = ""
        var skipping = false
        for ch in path {
            if ch == "[" { skipping = true } else if ch == "]" { skipping = false } else if !skipping { out.append(ch) }
        }
        return out
    }

    mutating func typeError(_ node: YAMLNode, path: String, goStruct: String, goType: String) {
        var what = node.jsonKind
        if case .scalar(let s) = node, s.kind == .int || s.kind == .float, goType.hasPrefix("int") {
            what = "number " + s.text
        }
        let message = "\(context): json: cannot unmarshal \(what) into Go struct field "
            + "\(goStruct).\(Self.goPath(path)) of type \(goType)"
        errors.append(.error(message, at: node.span, label: "expected \(Self.expected(goType))", code: "wrong-type"))
    }

    private static func expected(_ goType: String) -> String {
        if goType.hasPrefix("[]") { return "a list" }
        if goType.hasPrefix("map[") || goType.hasPrefix("v1.") && !goType.hasSuffix("Type") && goType != "v1.Capability"
            && goType != "v1.OSName" { return "an object" }
        if goType.hasPrefix("int") { return "an integer" }
        if goType == "bool" { return "true or false" }
        return "a string"
    }

    /// The pairs of a mapping; nil for null (the zero value) or, with an error, another type.
    mutating func object(_ node: YAMLNode, path: String, goStruct: String, goType: String,
                         known: Set<String>? = nil) -> [YAMLPair]? {
        switch node {
        case .mapping(let pairs, _):
            if let known {
                for p in pairs where !known.contains(p.key) { unknownField(p, path: path, known: known) }
            }
            return pairs
        case .scalar(let s) where s.kind == .null:
            return nil
        default:
            typeError(node, path: path, goStruct: goStruct, goType: goType)
            return nil
        }
    }

    private mutating func unknownField(_ pair: YAMLPair, path: String, known: Set<String>) {
        let field = path.isEmpty ? pair.key : path + "." + pair.key
        var help: String?
        if let guess = DidYouMean.suggest(pair.key, among: known) { help = "did you mean \"\(guess)\"?" }
        warnings.append(.warning("unknown field \"\(field)\" (kube-apiserver drops it; kubectl --validate=strict rejects it)",
                                 at: pair.keySpan, label: "not a field here", help: help, code: "unknown-field"))
    }

    /// The items of a sequence; nil for null or, with an error, another type.
    mutating func list(_ node: YAMLNode, path: String, goStruct: String, goType: String) -> [YAMLNode]? {
        switch node {
        case .sequence(let items, _): return items
        case .scalar(let s) where s.kind == .null: return nil
        default:
            typeError(node, path: path, goStruct: goStruct, goType: goType)
            return nil
        }
    }

    mutating func string(_ node: YAMLNode, path: String, goStruct: String, goType: String = "string") -> String? {
        guard case .scalar(let s) = node else {
            typeError(node, path: path, goStruct: goStruct, goType: goType)
            return nil
        }
        switch s.kind {
        case .string: return s.text
        case .null: return nil
        default:
            typeError(node, path: path, goStruct: goStruct, goType: goType)
            return nil
        }
    }

    mutating func bool(_ node: YAMLNode, path: String, goStruct: String) -> Bool? {
        guard case .scalar(let s) = node else {
            typeError(node, path: path, goStruct: goStruct, goType: "bool")
            return nil
        }
        switch s.kind {
        case .bool(let b): return b
        case .null: return nil
        default:
            typeError(node, path: path, goStruct: goStruct, goType: "bool")
            return nil
        }
    }

    mutating func int64(_ node: YAMLNode, path: String, goStruct: String, goType: String = "int64",
                        range: ClosedRange<Int64> = Int64.min...Int64.max) -> Int64? {
        guard case .scalar(let s) = node else {
            typeError(node, path: path, goStruct: goStruct, goType: goType)
            return nil
        }
        if s.kind == .null { return nil }
        guard s.kind == .int || s.kind == .float, let value = GoYAMLNumber.wholeNumber(s.text, float: s.kind == .float),
              range.contains(value) else {
            typeError(node, path: path, goStruct: goStruct, goType: goType)
            return nil
        }
        return value
    }

    mutating func int32(_ node: YAMLNode, path: String, goStruct: String) -> Int32? {
        int64(node, path: path, goStruct: goStruct, goType: "int32", range: Int64(Int32.min)...Int64(Int32.max))
            .map { Int32($0) }
    }

    /// `map[string]string` (labels, annotations).
    mutating func stringMap(_ node: YAMLNode, path: String, goStruct: String) -> [String: String] {
        guard let pairs = object(node, path: path, goStruct: goStruct, goType: "map[string]string") else { return [:] }
        var out: [String: String] = [:]
        out.reserveCapacity(pairs.count)
        for p in pairs {
            if let v = string(p.value, path: path, goStruct: goStruct) { out[p.key] = v }
        }
        return out
    }

    /// `[]string`-like lists.
    mutating func strings(_ node: YAMLNode, path: String, goStruct: String, element: String = "string") -> [String] {
        guard let items = list(node, path: path, goStruct: goStruct, goType: "[]" + element) else { return [] }
        return items.compactMap { string($0, path: path, goStruct: goStruct, goType: element) }
    }
}
