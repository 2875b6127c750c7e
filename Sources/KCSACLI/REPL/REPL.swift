import Diagnostics
import Exam
import Foundation
import JQ
import KubeAudit
import Labs
import Terminal

/// The interactive session `kcsa` opens with no arguments: line editing and history on
/// a terminal, plain line-by-line commands from a pipe (`kcsa < script`).
final class REPL {
    let reader: any LineReader
    let interactive: Bool
    let style: Style
    var policy: (path: String, evaluator: PolicyEvaluator)?
    lazy var bank: QuestionBank? = {
        guard let root = try? ContentLocator.locate(explicit: nil) else { return nil }
        return QuestionBank.load(directory: root + "/Questions")
    }()
    var quizRandom = SystemRandomNumberGenerator()
    /// The open lab and the learner's answer.
    var session: LabSession?
    /// The line being executed, verbatim (jq filters are not split into shell words).
    var currentLine = ""
    /// Field paths of the open lab's log, for TAB (computed on first use).
    var fieldPaths: [String]?
    lazy var catalog: LabCatalog? = {
        guard let root = try? ContentLocator.locate(explicit: nil) else { return nil }
        return LabCatalog.load(root: root)
    }()
    lazy var labResources: LabResources? = {
        guard let root = try? ContentLocator.locate(explicit: nil) else { return nil }
        return StatePaths.labResources(root: root)
    }()
    lazy var jqBuiltins: [String] = {
        guard let p = try? JQProgram.compile("[builtins | split(\"/\")[0]] | unique | .[]"),
              let names = try? p.outputs(.null) else { return [] }
        return names.compactMap(\.stringValue).filter { !$0.hasPrefix("_") }
    }()

    init(reader: any LineReader, interactive: Bool, color: Bool) {
        self.reader = reader
        self.interactive = interactive
        self.style = Style(enabled: color)
        reader.completer = { [unowned self] before in self.completions(before) }
    }

    /// Opens the REPL on this process's terminal (or stdin) and runs it to the end.
    static func main() -> Int32 {
        makeForThisTerminal().run()
    }

    /// A session on this process's terminal: libedit when interactive, plain lines otherwise.
    static func makeForThisTerminal() -> REPL {
        installInterruptHandler()
        let interactive = isInteractiveTerminal()
        let color = interactive && Console.stdoutColor
        var reader: any LineReader = PlainLineReader()
        if interactive {
            ensureUTF8Locale()
            if let r = EditLineReader(programName: "kcsa", historyPath: XDG.historyFile(), useColor: color) {
                reader = r
            }
        }
        return REPL(reader: reader, interactive: interactive, color: color)
    }

    func say(_ text: String) { Console.out(text.hasSuffix("\n") ? text : text + "\n") }

    func run() -> Int32 {
        if interactive {
            say(style.bold("kcsa \(KCSAVersion.current)") + " - KCSA trainer. Type `help` for commands, Ctrl-D to leave.")
        }
        var failures: Int32 = 0
        loop: while true {
            switch reader.readLine(prompt: Prompt("kcsa> ", sgr: "1;36")) {
            case .eof:
                if interactive { say("") }
                break loop
            case .interrupted:
                say("^C")
                continue
            case .line(let raw):
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                reader.addHistory(line)
                let outcome = execute(line)
                // A Ctrl-C pressed while the command ran belonged to that command.
                interruptFlag.store(false, ordering: .relaxed)
                switch outcome {
                case .quit: break loop
                case .failed: failures += 1
                case .ok: break
                }
            }
        }
        // Piped sessions report whether every command succeeded.
        return interactive || failures == 0 ? 0 : 1
    }

    enum Outcome { case ok, failed, quit }

    func execute(_ line: String) -> Outcome {
        let words: [String]
        do {
            words = try ShellWords.split(line)
        } catch {
            say(style.red("error") + ": unterminated quote")
            return .failed
        }
        guard let command = words.first else { return .ok }
        currentLine = line
        let args = Array(words.dropFirst())
        switch command {
        case "help", "?": return help(args)
        case "quit", "exit", "q": return .quit
        case "policy": return loadPolicy(args)
        case "load": return session == nil ? loadPolicy(args) : loadAnswer(args)
        case "labs": return labs(args)
        case "open": return open(args)
        case "task": return task(args)
        case "hint": return hint(args)
        case "answer": return showAnswer(args)
        case "write": return write(args)
        case "edit": return edit(args)
        case "try": return tryQuery(args)
        case "peek": return peek(args)
        case "check": return check(args)
        case "solution": return solution(args)
        case "next": return next(args)
        case "reset": return reset(args)
        case "progress": return labProgress(args)
        case "validate": return validate(args)
        case "explain": return explain(args)
        case "jq": return jq(args)
        case "quiz": return quiz(args)
        case "exam": return exam(args)
        case "review": return reviewCommand(args)
        default:
            let guess = DidYouMean.suggest(command, among: REPLHelp.commands.map(\.name))
            say(style.red("unknown command") + " `\(command)`" + (guess.map { "; did you mean `\($0)`?" } ?? "")
                + " Type `help` for the list.")
            return .failed
        }
    }
}

/// XDG locations for kcsa's state.
enum XDG {
    /// `$XDG_STATE_HOME/kcsa` (default `~/.local/state/kcsa`): history and lab drafts.
    static var stateDirectory: String? {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"].map { $0 + "/.local/state" })
        return base.map { $0 + "/kcsa" }
    }

    static func historyFile() -> String? {
        guard let dir = stateDirectory else { return nil }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        return dir + "/history"
    }
}
