import ContentFormat
import Diagnostics

/// Reads a policy file the way kube-apiserver treats a duplicate key: its strict decoder
/// rejects the file, `LoadPolicyFromBytes` logs "Audit policy contains errors, falling back
/// to lenient decoding" and decodes again leniently, where the last value of the key wins.
///
/// The YAML parser refuses any duplicate, so each duplicate it reports is hidden in a copy
/// of the bytes (its key overwritten by a placeholder of the same length, so every span
/// still points into the original file) and the copy is read again; the placeholders are
/// then given their keys back and each mapping keeps the last pair of a key.
enum PolicyDuplicateKeys {
    /// Duplicate keys followed in one file before the reader gives up and reports the next
    /// one as an error.
    static let maxDuplicates = 64

    /// The document, with one warning per duplicate key (at the duplicate).
    static func read(_ source: SourceFile) throws(YAMLParseError) -> (root: YAMLNode?, warnings: [Diagnostic]) {
        var bytes = source.bytes
        var hidden: [Int: String] = [:]
        var warnings: [Diagnostic] = []
        while true {
            do {
                let root = try YAMLReader.read(SourceFile(name: source.name, bytes: bytes))
                return (root.map { restore($0, hidden) }, warnings)
            } catch {
                // Every round must hide a new key: a duplicate reported where a placeholder
                // already stands (placeholders of one byte could repeat) would loop forever.
                guard hidden.count < maxDuplicates, hidden[error.span.start] == nil,
                      let key = duplicateKey(error, bytes) else { throw error }
                warnings.append(warning(error, key: key, in: source))
                hidden[error.span.start] = key
                let placeholder = Self.placeholder(hidden.count, length: error.span.end - error.span.start)
                bytes.replaceSubrange(error.span.start..<error.span.end, with: placeholder)
            }
        }
    }

    /// The key of a duplicate-key error, when its span holds that key (plain or quoted).
    private static func duplicateKey(_ error: YAMLParseError, _ bytes: [UInt8]) -> String? {
        guard error.message.hasPrefix("duplicate key \""), error.span.start < error.span.end,
              error.span.end <= bytes.count else { return nil }
        var text = String(decoding: bytes[error.span.start..<error.span.end], as: UTF8.self)
        if text.count >= 2, let q = text.first, q == "\"" || q == "'", text.last == q { text = String(text.dropFirst().dropLast()) }
        guard error.message.hasPrefix("duplicate key \"\(text)\"") else { return nil }
        return text
    }

    /// A plain scalar of exactly `length` bytes, different for each duplicate: `_` and the
    /// count in base 36, padded with `_` (a policy has no such field); see below for one byte.
    private static func placeholder(_ n: Int, length: Int) -> [UInt8] {
        // One byte: `_`, then capital letters (no policy field is one capital letter).
        if length == 1 { return [n == 1 ? UInt8(ascii: "_") : UInt8(ascii: "A") + UInt8((n - 2) % 26)] }
        let digits = Array(("_" + String(n, radix: 36)).utf8)
        return Array((digits + Array(repeating: UInt8(ascii: "_"), count: max(0, length - digits.count))).prefix(length))
    }

    private static func warning(_ error: YAMLParseError, key: String, in source: SourceFile) -> Diagnostic {
        Diagnostic(.warning, error.message, at: error.span, label: "this value is the one kept",
                   notes: ["kube-apiserver logs \"Audit policy contains errors, falling back to lenient decoding\" "
                           + "(key \"\(key)\" already set in map) and loads the policy with the last value"],
                   help: "kcsa does the same: it keeps this value and ignores the earlier `\(key)`; remove one so the file says one thing",
                   code: "duplicate-key")
    }

    /// The tree with the hidden keys back, each mapping keeping the last pair of a key.
    private static func restore(_ node: YAMLNode, _ hidden: [Int: String]) -> YAMLNode {
        guard !hidden.isEmpty else { return node }
        switch node {
        case .scalar: return node
        case let .sequence(items, span): return .sequence(items.map { restore($0, hidden) }, span)
        case let .mapping(pairs, span):
            var restored = pairs.map { p in
                var p = p
                if let key = hidden[p.keySpan.start] { p.key = key }
                p.value = restore(p.value, hidden)
                return p
            }
            let keys = restored.map(\.key)
            restored = restored.enumerated().filter { i, p in !keys[(i + 1)...].contains(p.key) }.map(\.element)
            return .mapping(restored, span)
        }
    }
}
