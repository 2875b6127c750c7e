import Diagnostics
import Exam
import Foundation
import KubeAudit
import JQ
import JQCLI
import Progress
import Synchronization
import Terminal

/// The REPL's commands and their help.
enum REPLHelp {
    struct Command {
        var name: String
        var usage: String
        var summary: String
    }

    static let commands = [
        Command(name: "help", usage: "help [COMMAND]", summary: "list the commands, or explain one"),
        Command(name: "labs", usage: "labs", summary: "list the labs in course order, with your progress"),
        Command(name: "open", usage: "open LAB", summary: "open a lab and show its task"),
        Command(name: "task", usage: "task", summary: "show the open lab's task again"),
        Command(name: "hint", usage: "hint [N]", summary: "the next hint: a nudge, a pointer, then a near-solution (use is recorded)"),
        Command(name: "write", usage: "write", summary: "type your answer over several lines; end with a line holding only `.`"),
        Command(name: "edit", usage: "edit", summary: "edit your answer in $VISUAL or $EDITOR"),
        Command(name: "load", usage: "load FILE", summary: "take your answer from a file (with no lab open: load a policy)"),
        Command(name: "answer", usage: "answer [TEXT]", summary: "show your answer, or set a one-line answer (a jq filter)"),
        Command(name: "try", usage: "try [FILTER]", summary: "run a jq filter on the lab's log (default: your answer)"),
        Command(name: "peek", usage: "peek [N]", summary: "the lab's first events, or its most frequent requests"),
        Command(name: "check", usage: "check", summary: "check your answer; failures come with a concrete example"),
        Command(name: "solution", usage: "solution", summary: "the reference solution (once you have passed)"),
        Command(name: "next", usage: "next", summary: "open the next lab"),
        Command(name: "reset", usage: "reset [LAB|all]", summary: "back to the starter; forget attempts and hints"),
        Command(name: "progress", usage: "progress", summary: "labs passed, checks and hints, question readiness"),
        Command(name: "policy", usage: "policy FILE", summary: "load an audit policy to work with (validated as kube-apiserver would)"),
        Command(name: "validate", usage: "validate [FILE]", summary: "check a policy file (default: the loaded one)"),
        Command(name: "explain", usage: "explain METHOD URL [as USER [GROUP...]]",
                summary: "why a policy (your lab answer, the lab's, or the loaded one) logs a request"),
        Command(name: "jq", usage: "jq [OPTIONS] FILTER [FILE...]", summary: "run a jq 1.8 query (same options as `kcsa jq`)"),
        Command(name: "quiz", usage: "quiz [DOMAIN]", summary: "answer a question from the KCSA bank, with the explanation"),
        Command(name: "exam", usage: "exam [--seed N] [--count N] [--minutes M]",
                summary: "a timed practice exam (60 questions, 90 minutes); explanations after you submit"),
        Command(name: "review", usage: "review [N]", summary: "the missed questions that are due again (spaced review)"),
        Command(name: "quit", usage: "quit", summary: "leave (Ctrl-D also works)"),
    ]
}

extension REPL {
    func help(_ args: [String]) -> Outcome {
        if let name = args.first {
            guard let c = REPLHelp.commands.first(where: { $0.name == name }) else {
                say("no command `\(name)`")
                return .failed
            }
            say("\(style.bold(c.usage))\n  \(c.summary)")
            if c.name == "exam" {
                say(ExamScreen(style: style).wrap(ExamScreen.controls, indent: "  "))
                say("""
                  At the exam prompt, Ctrl-C asks whether to abandon the exam (nothing is recorded) and Ctrl-D
                  means `submit`. The prompt shows the question number and the time left; warnings come at 30,
                  15 and 5 minutes left, and at the deadline the exam is submitted as it stands.
                """)
            }
            if c.name == "review" {
                say("  Due cards come from missed quiz and exam questions and failed lab checks (SM-2: 1 day, 6 days,")
                say("  then interval x ease). A card missed 4 times is a leech. See docs/EXAM.md.")
            }
            if c.name == "explain" {
                say("  METHOD is an HTTP method or a Kubernetes verb: explain GET /api/v1/namespaces/prod/secrets/db as jane devs")
            }
            return .ok
        }
        say(style.bold("Commands") + ":")
        for c in REPLHelp.commands {
            say("  " + c.usage.padding(toLength: 42, withPad: " ", startingAt: 0) + c.summary)
        }
        return .ok
    }

    func loadPolicy(_ args: [String]) -> Outcome {
        guard args.count == 1 else {
            if let p = policy {
                say("loaded policy: \(p.path) (\(p.evaluator.ruleCount) rules)")
                return .ok
            }
            say("usage: policy FILE")
            return .failed
        }
        let result: PolicyLoadResult
        do {
            result = PolicyLoader.load(try InputFile.read(args[0], limit: PolicyLoader.maxBytes + 1))
        } catch {
            say(style.red("error") + ": \(error.message)")
            return .failed
        }
        let renderer = DiagnosticRenderer(color: style.enabled)
        for d in result.diagnostics { Console.out(renderer.render(d, in: result.source)) }
        guard let evaluator = result.evaluator() else {
            say(style.red("not loaded") + ": kube-apiserver would refuse it: \(result.apiserverError ?? "")")
            return .failed
        }
        policy = (args[0], evaluator)
        say(style.green("loaded") + " \(args[0]) (\(evaluator.ruleCount) rules). Try: explain GET /api/v1/namespaces/default/secrets/db as jane")
        return .ok
    }

    func validate(_ args: [String]) -> Outcome {
        guard let path = args.first ?? policy?.path else {
            say("usage: validate FILE (or load one with `policy FILE`)")
            return .failed
        }
        let source: SourceFile
        do { source = try InputFile.read(path, limit: PolicyLoader.maxBytes + 1) } catch {
            say(style.red("error") + ": \(error.message)")
            return .failed
        }
        let result = PolicyLoader.load(source)
        let renderer = DiagnosticRenderer(color: style.enabled)
        for d in result.diagnostics { Console.out(renderer.render(d, in: source)) }
        if let message = result.apiserverError {
            say("\(path): " + style.red("invalid") + ": " + PolicyLoader.apiserverStartupError(message, path: path))
            return .failed
        }
        say("\(path): " + style.green("valid") + " (\(result.policy?.rules.count ?? 0) rules)")
        return .ok
    }

    func explain(_ args: [String]) -> Outcome {
        guard let policy = explainPolicy() else {
            if session == nil { say("load a policy first (policy FILE), or open a lab") }
            return .failed
        }
        guard args.count >= 2 else {
            say("usage: explain METHOD URL [as USER [GROUP...]]")
            return .failed
        }
        var user: UserInfo?
        if args.count > 2 {
            guard args[2] == "as", args.count >= 4 else {
                say("usage: explain METHOD URL [as USER [GROUP...]]")
                return .failed
            }
            user = UserInfo(username: args[3], groups: Array(args.dropFirst(4)))
        }
        do {
            let attrs = try HTTPRequestLine.parse(args[0] + " " + args[1], user: user)
            let e = policy.evaluator.explain(attrs, outcome: user == nil ? .unauthenticated : .completed)
            say(style.dim("(under \(policy.name))"))
            Console.out(ExplanationRenderer(style: style).text(e))
            return .ok
        } catch {
            say(style.red("error") + ": \(error.message)")
            return .failed
        }
    }

    func jq(_ args: [String]) -> Outcome {
        // Reading the session's own input as JSON would swallow the commands that follow
        // (or wait for Ctrl-D on a terminal): a query here needs a file or -n.
        let nullInput = args.contains { $0 == "--null-input" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("n")) }
        let hasFile = args.count >= 2 && FileManager.default.fileExists(atPath: args.last!)
        guard nullInput || hasFile || args.contains(where: { $0 == "-h" || $0 == "--help" }) else {
            say("usage: jq [OPTIONS] FILTER FILE...  (or jq -n FILTER); in the session, jq reads files, not the keyboard")
            return .failed
        }
        var streams = JQStreams.process()
        // A learner's query must not hang the session: bounded work, and Ctrl-C stops it.
        streams.limits = JQLimits(maxSteps: 2_000_000_000, maxOutputs: 1_000_000,
                                  deadline: .now + .seconds(60))
        let watcher = InterruptWatcher(cancellation: streams.cancellation)
        let status = JQRunner.run(arguments: args, streams: streams)
        watcher.stop()
        if status == 130 { say("^C (query interrupted)") }
        return status == 0 ? .ok : .failed
    }

    func quiz(_ args: [String]) -> Outcome {
        guard let bank, !bank.questions.isEmpty else {
            say("the question bank was not found (run kcsa from a checkout, or set KCSA_CONTENT)")
            return .failed
        }
        var pool = bank.questions
        if let domain = args.first {
            pool = bank.questions(in: domain)
            if pool.isEmpty {
                say("no domain `\(domain)`; domains: " + bank.curriculum.domains.map(\.id).joined(separator: ", "))
                return .failed
            }
        }
        let q = pool.randomElement(using: &quizRandom)!
        _ = ask(q)
        return .ok
    }

    /// Asks one question, grades the reply, explains every option and records the
    /// answer. nil when the learner skipped it (Ctrl-C or end of input).
    func ask(_ q: Question, number: String = "", mode: String = "quiz", at time: Date? = nil) -> Bool? {
        say("\n" + style.bold("\(number)[\(q.domain) / \(q.subtopic)]") + " \(q.id)\n")
        say(q.question.trimmingCharacters(in: .newlines))
        for o in q.options { say("  \(o.id)) \(o.text)") }
        let hint = q.kind == .single ? "one letter" : "letters, e.g. a c"
        let reply: String
        switch reader.readLine(prompt: Prompt("answer (\(hint))> ", sgr: "33")) {
        case .line(let l): reply = l
        case .interrupted, .eof:
            say("(question skipped)")
            return nil
        }
        let chosen = Set(reply.lowercased().filter { $0.isLetter }.map(String.init))
        let correct = q.isCorrect(chosen)
        let now = time ?? (try? StateClock.now()) ?? Date()
        do {
            try StatePaths.openProgress().recordAnswer(
                AnswerRecord(questionID: q.id, revision: q.revision, domain: q.domain, correct: correct,
                             mode: mode, answeredAt: now))
        } catch {
            say(style.yellow("note") + ": the answer was not recorded: \(error)")
        }
        say(correct ? style.green("Correct.") : style.red("Not quite.") + " The answer is \(q.answer.joined(separator: ", ")).")
        for o in q.options {
            let mark = q.answer.contains(o.id) ? "right" : "wrong"
            say("  \(o.id)) \(mark): \(o.why)")
        }
        say("\n" + q.explanation.trimmingCharacters(in: .whitespacesAndNewlines))
        say(style.dim("Sources: " + q.sources.joined(separator: " ")))
        recordForReview(q, correct: correct, at: now)
        return correct
    }

    /// TAB completion: commands, then file paths for the commands that take files, domains for quiz.
    func completions(_ before: String) -> [String] {
        let words = before.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count <= 1 { return REPLHelp.commands.map(\.name) }
        switch words[0] {
        case "help": return REPLHelp.commands.map(\.name)
        case "open", "reset": return (catalog?.labs.map(\.id) ?? []) + (words[0] == "reset" ? ["all"] : [])
        case "try", "answer":
            // jq: field paths of the lab's log after a `.`, builtins otherwise.
            let token = CompletionWord.token(before)
            return token.hasPrefix(".") ? labFieldPaths() : jqBuiltins
        case "exam": return ["--seed", "--count", "--minutes"]
        case "quiz": return bank?.curriculum.domains.map(\.id) ?? []
        case "explain" where words.count == 2:
            return ["GET", "POST", "PUT", "PATCH", "DELETE", "list", "watch", "create", "update", "delete"]
        case "policy", "validate", "load", "jq": return pathCompletions(words.last ?? "")
        case "explain" where words.count == 3: return ["/api/v1/", "/apis/", "/healthz", "/livez", "/readyz", "/metrics", "/version"]
        default: return []
        }
    }

    private func pathCompletions(_ partial: String) -> [String] {
        let dir = partial.contains("/") ? String(partial[...partial.lastIndex(of: "/")!]) : ""
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? []
        return listing.map { name in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (dir.isEmpty ? "" : dir) + name, isDirectory: &isDir)
            return dir + name + (isDir.boolValue ? "/" : "")
        }
    }
}

/// Turns Ctrl-C (the session's interrupt flag) into a jq cancellation while a query runs.
final class InterruptWatcher: @unchecked Sendable {
    private let cancellation: JQCancellation
    private let running = Atomic<Bool>(true)

    init(cancellation: JQCancellation) {
        self.cancellation = cancellation
        interruptFlag.store(false, ordering: .relaxed)
        let thread = Thread { [self] in
            while self.running.load(ordering: .relaxed) {
                if interruptFlag.exchange(false, ordering: .relaxed) { self.cancellation.cancel() }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        thread.start()
    }

    func stop() { running.store(false, ordering: .relaxed) }
}

extension CLIError {
    var messageText: String { message }
}

extension Error {
    /// A message for the REPL, whatever the error.
    var message: String {
        if let e = self as? CLIError { return e.message }
        if let e = self as? HTTPRequestLine.Failure { return e.message }
        return "\(self)"
    }
}
