import ArgumentParser
import Diagnostics
import Foundation
import JSONValue
import KubeAudit
import Terminal
import Trainer

/// `kcsa policy eval FILE`: one decision per request line, for scripts and graders.
struct PolicyEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate request-attribute JSON lines against a policy, one decision per line.",
        discussion: """
        Each input line is a JSON object with the attributes kube-apiserver's policy checker sees \
        (user, groups, verb, namespace, apiGroup, apiVersion, resource, subresource, name, path, \
        resourceRequest), or an HTTP request: {"method":"GET","url":"/api/v1/...","user":"jane","groups":["devs"]}.
        Output: {"level":"Metadata","omitStages":["RequestReceived"],"omitManagedFields":false,"rule":2}
        (rule: 0-based index of the matching rule, null when none matched).
        A line that cannot be read is reported on stderr with its position and skipped; the exit code is then 1.
        """
    )

    @Argument(help: "The policy file (YAML or JSON).")
    var file: String

    @Option(help: "Request lines to evaluate (a file, or - for standard input).")
    var requests: String = "-"

    func run() throws {
        let (evaluator, _) = try PolicyLoading.evaluator(path: file)
        let input = try InputFile.read(requests, limit: 1 << 30)
        let renderer = DiagnosticRenderer(color: Console.stderrColor)
        var failed = 0
        var out = ""
        let bytes = input.bytes
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            defer { lineStart = lineEnd + 1 }
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                let value = try JSONParser.parse(bytes: Array(line))
                let attrs = try RequestDecoding.decode(value)
                out += JSONPrinter.compact(evaluator.evaluate(attrs).json) + "\n"
            } catch let e as JSONParseError {
                failed += 1
                let d = Diagnostic.error("not a JSON request: \(e.reason)", at: .at(lineStart + e.offset))
                Console.err(renderer.render(d, in: input))
            } catch let e as RequestDecoding.Failure {
                failed += 1
                let at = RequestDecoding.offset(ofKey: e.key, inLine: line)
                Console.err(renderer.render(.error(e.message, at: Span(start: at, end: at + (e.key.map { $0.utf8.count + 2 } ?? 1))), in: input))
            }
            if out.utf8.count > 1 << 16 {
                Console.out(out)
                out = ""
            }
        }
        Console.out(out)
        if failed > 0 {
            throw CLIError("\(failed) request line\(failed == 1 ? "" : "s") could not be read", exitCode: 1)
        }
    }
}
