import ArgumentParser
import Diagnostics
import JSONValue
import KubeAudit
import Terminal
import Trainer

/// `kcsa policy validate FILE`: load and validate like kube-apiserver at startup.
struct PolicyValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a policy file as kube-apiserver would when it starts (exit 0 valid, 1 invalid).",
        discussion: """
        Errors use kube-apiserver's exact wording and point at file:line:col. Keys that kube-apiserver \
        silently drops (misspelt or misindented) are reported as warnings, or errors with --strict.
        """
    )

    @Argument(help: "The policy file (YAML or JSON), or - for standard input.")
    var file: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "Treat keys that kube-apiserver would silently drop as errors.")
    var strict = false

    func run() throws {
        let source = try InputFile.read(file, limit: PolicyLoader.maxBytes + 1)
        let result = PolicyLoader.load(source)
        let strictFailures = strict ? result.diagnostics.filter { $0.code == "unknown-field" } : []
        let valid = result.isValid && strictFailures.isEmpty
        var diagnostics = result.diagnostics
        if strict {
            diagnostics = diagnostics.map { d in
                var d = d
                if d.code == "unknown-field" { d.severity = .error }
                return d
            }
        }
        if json {
            Console.out(JSONPrinter(options: .pretty).string(report(result, diagnostics, valid: valid)) + "\n")
        } else {
            let renderer = DiagnosticRenderer(color: Console.stderrColor)
            for d in diagnostics {
                Console.err(renderer.render(d, in: source))
            }
            let style = Style(enabled: Console.stdoutColor)
            if valid {
                let n = result.policy?.rules.count ?? 0
                let warnings = diagnostics.filter { $0.severity == .warning }.count
                Console.out("\(source.name): \(style.green("valid")) (\(n) rule\(n == 1 ? "" : "s")"
                            + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "") + ")\n")
            } else if let message = result.apiserverError {
                Console.out("\(source.name): \(style.red("invalid")): kube-apiserver would refuse to start:\n  "
                            + PolicyLoader.apiserverStartupError(message, path: source.name) + "\n")
            } else {
                Console.out("\(source.name): \(style.red("invalid")) under --strict: "
                            + "\(strictFailures.count) key\(strictFailures.count == 1 ? "" : "s") kube-apiserver would drop\n")
            }
        }
        if !valid { throw ExitCode(1) }
    }

    private func report(_ r: PolicyLoadResult, _ diagnostics: [Diagnostic], valid: Bool) -> JSON {
        var o = JSONObject()
        o["file"] = .string(r.source.name)
        o["valid"] = .bool(valid)
        o["apiserverAccepts"] = .bool(r.isValid)
        o["apiserverError"] = r.apiserverError.map(JSON.string) ?? .null
        o["rules"] = r.policy.map { .number($0.rules.count) } ?? .null
        o["diagnostics"] = .array(diagnostics.map { DiagnosticJSON.encode($0, in: r.source) })
        return .object(o)
    }
}
