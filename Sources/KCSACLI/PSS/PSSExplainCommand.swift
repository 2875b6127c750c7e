import ArgumentParser
import PodSecurity
import Terminal
import Trainer

/// `kcsa pss explain FILE`: every check in order, pass or fail and why, and what to change.
struct PSSExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain check by check why each object passes or fails a level, and which field to change.",
        discussion: "Exit codes: 0 every object allowed, 1 an object is refused, 2 bad input."
    )

    @Argument(help: "Manifest files (YAML or JSON); - for standard input.")
    var files: [String]

    @OptionGroup var options: PSSLevelOptions

    func run() throws {
        let lv = try options.levelVersion()
        let inputs = PSSInputs.read(files, asStored: options.asStored)
        let style = Style(enabled: Console.stdoutColor)
        var refused = false
        var out = ""
        for item in inputs.objects {
            let e = Explanation(lv, item.object.podMetadata, item.object.podSpec ?? PodSpec())
            out += PSSExplanationText.render(e, title: "\(item.path): \(item.object.kind.rawValue)/\(item.object.name)",
                                             hasTemplate: item.object.podSpec != nil, style: style)
            refused = refused || !e.result.allowed
        }
        Console.out(out)
        if inputs.badInput { throw ExitCode(2) }
        if refused { throw ExitCode(1) }
    }
}

/// The text of one explanation.
enum PSSExplanationText {
    static func render(_ e: Explanation, title: String, hasTemplate: Bool, style: Style) -> String {
        let evaluated = "v1.\(e.evaluatedMinor)"
        var out = "\(style.bold(title)) at \(e.levelVersion)"
        out += e.levelVersion.version.description == evaluated ? "\n" : " (the checks of \(evaluated))\n"
        if !hasTemplate { out += "  no pod template: nothing to check\n" }
        let width = (e.checks.map { $0.check.rawValue.count }.max() ?? 0) + 2
        for c in e.checks {
            let name = c.check.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let req = c.check.requirement
            switch c.status {
            case .pass:
                out += "  \(style.green("PASS"))  \(name)\(req.summary)\n"
            case .fail(let reason, let detail):
                out += "  \(style.red("FAIL"))  \(name)\(reason)\(detail.isEmpty ? "" : ": \(detail)")\n"
                out += "        \(String(repeating: " ", count: width))change \(req.fields.joined(separator: ", "))\n"
                out += "        \(String(repeating: " ", count: width))allowed: \(req.allowed)\n"
            case .replaced(let by):
                out += "  \(style.dim("----"))  \(name)\(style.dim("replaced at restricted by \(by.rawValue)"))\n"
            case .notYet(let since):
                out += "  \(style.dim("----"))  \(name)\(style.dim("not in \(evaluated) (from v1.\(since))"))\n"
            case .notInLevel:
                out += "  \(style.dim("----"))  \(name)\(style.dim("not part of the \(e.levelVersion.level.rawValue) level"))\n"
            }
        }
        out += "Result: \(e.result.enforceMessage.map { style.red($0) } ?? style.green("allowed"))\n\n"
        return out
    }
}
