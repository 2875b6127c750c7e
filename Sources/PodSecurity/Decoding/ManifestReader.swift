import ContentFormat
import Diagnostics

/// One decoded document of a manifest file, with spans into the whole file.
public struct ManifestEntry: Sendable {
    /// 1-based position of the YAML document in the file.
    public var documentIndex: Int
    public var result: DecodedDocument
}

/// Reads a manifest file (YAML or JSON, one or more `---`-separated documents) into the
/// objects Pod Security Admission evaluates. Each document is parsed on its own, so a
/// syntax error, a wrong type or an alias bomb in one document is reported and the
/// others are still evaluated.
public enum ManifestReader {
    /// Larger inputs are refused before parsing.
    public static let maxBytes = 64 << 20
    /// More documents than this in one file are refused.
    public static let maxDocuments = 200_000

    public static func read(_ source: SourceFile) -> [ManifestEntry] {
        if source.bytes.count > maxBytes {
            return [ManifestEntry(documentIndex: 1, result: .invalid([
                .error("the input is \(source.bytes.count >> 20) MB; at most \(maxBytes >> 20) MB is read", at: .at(0),
                       code: "too-large"),
            ]))]
        }
        let chunks = documentStarts(source.bytes)
        if chunks.count > maxDocuments {
            return [ManifestEntry(documentIndex: 1, result: .invalid([
                .error("the input holds \(chunks.count) documents; at most \(maxDocuments) are read", at: .at(0),
                       code: "too-many-documents"),
            ]))]
        }
        var entries: [ManifestEntry] = []
        var index = 0
        for (n, start) in chunks.enumerated() {
            let end = n + 1 < chunks.count ? chunks[n + 1] : source.bytes.count
            let chunk = SourceFile(name: source.name, bytes: Array(source.bytes[start..<end]))
            let node: YAMLNode?
            do {
                node = try YAMLReader.read(chunk)
            } catch {
                index += 1
                let d = Diagnostic.error(error.message, at: shift(error.span, start), help: error.help, code: "yaml-syntax")
                entries.append(ManifestEntry(documentIndex: index, result: .invalid([d])))
                continue
            }
            guard let node else { continue }
            index += 1
            for decoded in ObjectDecoder.decode(node) {
                entries.append(ManifestEntry(documentIndex: index, result: shift(decoded, start)))
            }
        }
        return entries
    }

    /// Byte offsets where documents start: 0, then every line that begins with `---`
    /// followed by a blank or the end of the line. A chunk holding only directives,
    /// comments and blank lines stays with the document after it.
    static func documentStarts(_ b: [UInt8]) -> [Int] {
        var starts = [0]
        var lineStart = 0
        var onlyPreamble = true
        while lineStart < b.count {
            var lineEnd = lineStart
            while lineEnd < b.count && b[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if isMarker(b, lineStart, lineEnd) {
                if lineStart > starts[starts.count - 1] && !onlyPreamble { starts.append(lineStart) }
                onlyPreamble = false
            } else if !isPreamble(b, lineStart, lineEnd) {
                onlyPreamble = false
            }
            lineStart = lineEnd + 1
        }
        return starts
    }

    private static func isMarker(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 3, b[s] == UInt8(ascii: "-"), b[s + 1] == UInt8(ascii: "-"), b[s + 2] == UInt8(ascii: "-") else {
            return false
        }
        if e - s == 3 { return true }
        let next = b[s + 3]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\r")
    }

    private static func isPreamble(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e && (b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "\t") || b[i] == UInt8(ascii: "\r")) { i += 1 }
        return i == e || b[i] == UInt8(ascii: "#") || (i == s && b[i] == UInt8(ascii: "%"))
    }

    private static func shift(_ span: Span, _ by: Int) -> Span { Span(start: span.start + by, end: span.end + by) }

    private static func shift(_ d: Diagnostic, _ by: Int) -> Diagnostic {
        var d = d
        d.span = d.span.map { shift($0, by) }
        d.secondary = d.secondary.map { Diagnostic.Label(span: shift($0.span, by), message: $0.message) }
        return d
    }

    private static func shift(_ decoded: DecodedDocument, _ by: Int) -> DecodedDocument {
        if by == 0 { return decoded }
        switch decoded {
        case .invalid(let ds): return .invalid(ds.map { shift($0, by) })
        case .skipped(let kind, let name, let span): return .skipped(kind: kind, name: name, span: shift(span, by))
        case .object(var o):
            o.span = shift(o.span, by)
            o.warnings = o.warnings.map { shift($0, by) }
            if var spec = o.podSpec {
                for i in spec.initContainers.indices { spec.initContainers[i].span = spec.initContainers[i].span.map { shift($0, by) } }
                for i in spec.containers.indices { spec.containers[i].span = spec.containers[i].span.map { shift($0, by) } }
                for i in spec.ephemeralContainers.indices {
                    spec.ephemeralContainers[i].span = spec.ephemeralContainers[i].span.map { shift($0, by) }
                }
                for i in spec.volumes.indices { spec.volumes[i].span = spec.volumes[i].span.map { shift($0, by) } }
                o.podSpec = spec
            }
            return .object(o)
        }
    }
}
