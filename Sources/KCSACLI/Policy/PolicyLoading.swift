import Diagnostics
import KubeAudit
import Terminal
import Trainer

/// Loads a policy for a command that needs a usable one: diagnostics go to stderr,
/// and an invalid policy ends the command with exit 1.
enum PolicyLoading {
    static func evaluator(path: String) throws -> (PolicyEvaluator, PolicyLoadResult) {
        let source = try InputFile.read(path, limit: PolicyLoader.maxBytes + 1)
        let result = PolicyLoader.load(source)
        let renderer = DiagnosticRenderer(color: Console.stderrColor)
        for d in result.diagnostics where d.severity == .error || !result.isValid {
            Console.err(renderer.render(d, in: source))
        }
        guard let evaluator = result.evaluator() else {
            if let message = result.apiserverError {
                Console.err("kcsa: \(source.name) is not a valid policy: "
                            + PolicyLoader.apiserverStartupError(message, path: source.name) + "\n")
            }
            throw CLIError("policy \(source.name) is invalid (run `kcsa policy validate \(source.name)`)", exitCode: 1)
        }
        return (evaluator, result)
    }
}
