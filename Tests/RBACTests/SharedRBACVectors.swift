import ContentFormat
import Diagnostics
import Foundation
@testable import RBAC

/// The conformance vectors in `../shared/conformance/rbac/vectors.json` (beside the
/// checkout), read with the same YAML reader and decoders kcsa uses.
enum SharedRBACVectors {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let url = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/rbac/vectors.json")

    /// False when the shared folder is not there; tests that need it are then skipped.
    static let available = FileManager.default.fileExists(atPath: url.path)

    /// Every vector, in file order (empty when the file is missing).
    static let all: [YAMLNode] = {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let source = SourceFile(name: url.path, bytes: [UInt8](data))
        guard let root = try? YAMLReader.read(source), let vectors = root["vectors"]?.items else { return [] }
        return vectors
    }()

    static func vectors(ofKind kind: String) -> [YAMLNode] {
        all.filter { $0["kind"]?.string == kind }
    }

    static let decodeOptions = RBACObjectDecoder.Options(defaultNamespace: "", requireName: false)

    /// The vector's `objects`, decoded as the CLI decodes a file.
    static func objects(_ v: YAMLNode) throws -> [RBACObject] {
        try (v["objects"]?.items ?? []).map { try object($0) }
    }

    static func object(_ node: YAMLNode) throws -> RBACObject {
        let kind = node["kind"]?.string ?? ""
        return try RBACObjectDecoder.decodeObject(node, kind: kind, source: "vectors.json", options: decodeOptions).0
    }

    static func rules(_ node: YAMLNode?) throws -> [PolicyRule] {
        try RBACObjectDecoder.rules(node, path: "rules")
    }
}

extension YAMLNode {
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs, _) = self else { return nil }
        return pairs.last { $0.key == key }?.value
    }

    var string: String? {
        if case .scalar(let s) = self, s.kind == .string { return s.text }
        return nil
    }

    var bool: Bool? {
        if case .scalar(let s) = self, case .bool(let b) = s.kind { return b }
        return nil
    }

    var int: Int? {
        if case .scalar(let s) = self, s.kind == .int { return Int(s.text) }
        return nil
    }

    var items: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    var name: String { self["name"]?.string ?? "?" }

    /// Compact JSON text of the node (for the binary's `--requests` input).
    var json: String {
        switch self {
        case .scalar(let s):
            switch s.kind {
            case .string: return jsonQuote(s.text)
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .int, .float: return s.text
            }
        case .sequence(let items, _):
            return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .mapping(let pairs, _):
            return "{" + pairs.map { jsonQuote($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }
}

func jsonQuote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
        }
    }
    return out + "\""
}
