import ArgumentParser
import ContentFormat
import Diagnostics
import JSONValue
import RBAC
import Terminal
import Trainer

/// `kcsa rbac can-i --requests`: JSON lines of user + request in, one decision line out.
enum RBACRequestBatch {
    /// A request line longer than this is refused (it is reported, not read).
    static let maxLineBytes = 1 << 20

    static func run(_ path: String, source: RBACObjectOptions) throws {
        let loaded = try RBACObjectLoading.load(source, defaultNamespace: "default")
        let input = try InputFile.read(path, limit: 1 << 30)
        let renderer = DiagnosticRenderer(color: Console.stderrColor)
        var failed = 0
        var out = ""
        let bytes = input.bytes
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            let line = Array(bytes[lineStart..<lineEnd])
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                let (user, request) = try decode(line)
                let d = loaded.authorizer.authorize(request, as: user)
                out += JSONPrinter.compact(.object(["allowed": .bool(d.allowed), "reason": .string(d.reason)])) + "\n"
            } catch {
                failed += 1
                var shifted = error
                shifted.span = error.span.map { Span(start: $0.start + lineStart, end: $0.end + lineStart) }
                Console.err(renderer.render(shifted, in: input))
                out += JSONPrinter.compact(.object(["error": .string(error.message)])) + "\n"
            }
            if out.utf8.count > 1 << 16 {
                Console.out(out)
                out = ""
            }
        }
        Console.out(out)
        if failed > 0 {
            Console.err("kcsa: \(failed) request line\(failed == 1 ? "" : "s") could not be read\n")
            throw ExitCode(2)
        }
        try loaded.finish(answerCode: 0)
    }

    /// One line: `{"user": {...}, "request": {...}}`.
    static func decode(_ line: [UInt8]) throws(Diagnostic) -> (UserInfo, AuthorizationRequest) {
        if line.count > maxLineBytes {
            throw Diagnostic.error("request line longer than \(maxLineBytes) bytes", at: .at(0))
        }
        let node: YAMLNode?
        do {
            node = try YAMLReader.read(SourceFile(name: "<line>", bytes: line))
        } catch {
            throw Diagnostic.error("not a JSON request line: \(error.message)", at: error.span)
        }
        guard let node, case .mapping(let pairs, let span) = node else {
            throw Diagnostic.error("expected a JSON object with \"user\" and \"request\"", at: .at(0))
        }
        for p in pairs where p.key != "user" && p.key != "request" {
            throw Diagnostic.error("unknown field \(GoQuote.quote(p.key)): a line has \"user\" and \"request\"",
                                   at: p.keySpan, code: "unknown-field")
        }
        guard let requestNode = pairs.last(where: { $0.key == "request" })?.value else {
            throw Diagnostic.error("the line has no \"request\"", at: span, code: "no-request")
        }
        let userNode = pairs.last(where: { $0.key == "user" })?.value
        let user = try userNode.map { (n) throws(Diagnostic) in try RBACObjectDecoder.user(n) } ?? UserInfo(name: "")
        return (user, try RBACObjectDecoder.request(requestNode))
    }
}
