import Diagnostics
import Foundation
import JQ
import JSONValue
import KubeAudit
import Labs
import Progress
import Terminal

/// The lab commands: open a lab, work on the answer, check it, get hints.
extension REPL {
    func labs(_ args: [String]) -> Outcome {
        guard let catalog = requireCatalog() else { return .failed }
        let progress = (try? StatePaths.openProgress().labProgress()) ?? [:]
        Console.out(LabText.list(catalog.labs, progress: progress, style: style))
        say(style.dim("Open one with: open ID"))
        return .ok
    }

    func open(_ args: [String]) -> Outcome {
        guard let catalog = requireCatalog() else { return .failed }
        guard let id = args.first else {
            say("usage: open LAB-ID (TAB completes; `labs` lists them)")
            return .failed
        }
        guard let lab = catalog.lab(id) else {
            let guess = DidYouMean.suggest(id, among: catalog.labs.map(\.id)).map { "; did you mean `\($0)`?" } ?? ""
            say(style.red("no lab") + " `\(id)`\(guess)")
            return .failed
        }
        session = LabSession(lab: lab)
        fieldPaths = nil
        Console.out(LabText.task(lab, style: style))
        if Drafts.read(lab.id) != nil { say(style.dim("(your saved answer is loaded: `answer` shows it)")) }
        say(style.dim(Self.workflow(lab.kind)))
        return .ok
    }

    static func workflow(_ kind: Lab.Kind) -> String {
        switch kind {
        case .policy, .fix: "Write the policy with `write` (end with a line `.`), `edit` or `load FILE`; `explain` a request; `check`."
        case .query: "Try queries with `try FILTER` on the log (`peek` shows events); set the answer with `answer FILTER` or `write`; `check`."
        case .predict: "Write your predictions with `write` (YAML, end with a line `.`), `edit` or `load FILE`; `check`."
        }
    }

    func task(_ args: [String]) -> Outcome {
        guard let s = requireLab() else { return .failed }
        Console.out(LabText.task(s.lab, style: style))
        return .ok
    }

    func hint(_ args: [String]) -> Outcome {
        guard var s = requireLab() else { return .failed }
        let hints = s.lab.hints
        let tier = args.first.flatMap(Int.init) ?? min(s.hintsShown + 1, hints.count)
        guard tier >= 1, tier <= hints.count else {
            say("this lab has \(hints.count) hint\(hints.count == 1 ? "" : "s")")
            return .failed
        }
        let names = ["nudge", "pointer", "near-solution"]
        let name = tier <= names.count ? names[tier - 1] : "hint"
        say(style.bold("Hint \(tier) of \(hints.count) (\(name))") + ":")
        say(hints[tier - 1].trimmingCharacters(in: .whitespacesAndNewlines))
        s.hintsShown = max(s.hintsShown, tier)
        session = s
        do { try StatePaths.openProgress().recordHint(labID: s.lab.id, tier: tier, at: Date()) } catch {
            say(style.yellow("note") + ": the hint was not recorded: \(error)")
        }
        if tier < hints.count { say(style.dim("(`hint` again for the next one)")) }
        return .ok
    }

    func showAnswer(_ args: [String]) -> Outcome {
        guard var s = requireLab() else { return .failed }
        if !args.isEmpty {
            // `answer FILTER`: a one-line answer, handy for jq.
            s.setAnswer(rest(of: "answer"))
            session = s
            say(style.green("answer set") + ". `check` it when ready.")
            return .ok
        }
        say(s.answer.isEmpty ? "(no answer yet)" : s.answer.trimmingCharacters(in: .newlines))
        return .ok
    }

    /// Multi-line entry: lines until one holding only `.`; Ctrl-D ends too, Ctrl-C abandons.
    func write(_ args: [String]) -> Outcome {
        guard var s = requireLab() else { return .failed }
        if interactive { say(style.dim("Enter \(s.lab.kind.answerLanguage); end with a line holding only `.` (Ctrl-C cancels).")) }
        var lines: [String] = []
        reader.tabInsertsSpaces = s.lab.kind != .query
        defer { reader.tabInsertsSpaces = false }
        loop: while true {
            switch reader.readLine(prompt: Prompt(String(format: "%3d| ", lines.count + 1), sgr: "2")) {
            case .line(let l):
                if l.trimmingCharacters(in: .whitespaces) == "." { break loop }
                lines.append(l)
            case .eof:
                break loop
            case .interrupted:
                say("^C (entry abandoned; your previous answer is kept)")
                return .failed
            }
        }
        s.setAnswer(lines.joined(separator: "\n"))
        session = s
        say(style.green("answer saved") + " (\(lines.count) line\(lines.count == 1 ? "" : "s")). `check` it when ready.")
        return .ok
    }

    func loadAnswer(_ args: [String]) -> Outcome {
        guard var s = requireLab() else { return .failed }
        guard let path = args.first else {
            say("usage: load FILE")
            return .failed
        }
        do {
            let source = try InputFile.read(path, limit: 4 << 20)
            s.setAnswer(String(decoding: source.bytes, as: UTF8.self))
            session = s
            say(style.green("answer loaded") + " from \(path). `check` it when ready.")
            return .ok
        } catch {
            say(style.red("error") + ": \(error.message)")
            return .failed
        }
    }

    /// `edit`: the answer in $VISUAL or $EDITOR (vi by default), on the terminal.
    func edit(_ args: [String]) -> Outcome {
        guard var s = requireLab() else { return .failed }
        guard interactive else {
            say("edit needs a terminal; use `write` or `load FILE` in scripts")
            return .failed
        }
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        Drafts.write(s.lab.id, s.answer)
        let path = Drafts.path(s.lab.id)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "\(editor) \"$1\"", "kcsa-edit", path]
        do {
            try p.run()
            p.waitUntilExit()
        } catch {
            say(style.red("error") + ": cannot start \(editor): \(error)")
            return .failed
        }
        guard p.terminationStatus == 0 else {
            say(style.yellow("the editor exited with status \(p.terminationStatus)") + "; the answer is unchanged")
            return .failed
        }
        s.setAnswer(Drafts.read(s.lab.id) ?? s.answer)
        session = s
        say(style.green("answer saved") + " from the editor. `check` it when ready.")
        return .ok
    }

    func check(_ args: [String]) -> Outcome {
        guard let s = requireLab(), let resources = labResources else { return .failed }
        if s.answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            say("no answer yet: " + Self.workflow(s.lab.kind))
            return .failed
        }
        let cancellation = JQCancellation()
        let watcher = InterruptWatcher(cancellation: cancellation)
        defer { watcher.stop() }
        let report: LabReport
        do {
            report = try LabChecker(resources: resources).check(s.lab, answer: SourceFile(name: "answer", text: s.answer),
                                                                cancellation: cancellation)
        } catch .cancelled {
            say("^C (check interrupted)")
            return .failed
        } catch {
            say(style.red("error") + ": \(error.description)")
            return .failed
        }
        Console.out(LabReportRenderer(style: style).text(report, lab: s.lab))
        do {
            try LabRecording.record(report, lab: s.lab, in: StatePaths.openProgress(), at: StateClock.now())
        } catch {
            say(style.yellow("note") + ": the attempt was not recorded: \(error)")
        }
        if report.passed {
            say("\n" + style.bold("What to take away") + ":\n" + s.lab.lesson.trimmingCharacters(in: .whitespacesAndNewlines))
            say(style.dim("`solution` shows the reference answer; `next` opens the next lab."))
            return .ok
        }
        if s.hintsShown < s.lab.hints.count { say(style.dim("Stuck? `hint` gives a nudge.")) }
        return .failed
    }

    func solution(_ args: [String]) -> Outcome {
        guard let s = requireLab() else { return .failed }
        let passed = ((try? StatePaths.openProgress().labProgress()) ?? [:])[s.lab.id]?.passed ?? false
        guard passed else {
            say("the reference solution opens once you pass the lab (hints: `hint`)")
            return .failed
        }
        say(style.bold("Reference solution") + ":\n" + s.lab.reference.trimmingCharacters(in: .newlines))
        return .ok
    }

    func next(_ args: [String]) -> Outcome {
        guard let catalog = requireCatalog() else { return .failed }
        let progress = (try? StatePaths.openProgress().labProgress()) ?? [:]
        let following: Lab?
        if let s = session {
            following = catalog.next(after: s.lab.id)
        } else {
            following = catalog.labs.first { progress[$0.id]?.passed != true }
        }
        guard let lab = following else {
            say("that was the last lab. `progress` shows where you stand.")
            return .ok
        }
        return open([lab.id])
    }

    /// `reset`: the open lab's answer back to the starter and its progress cleared;
    /// `reset ID` another lab; `reset all` every lab.
    func reset(_ args: [String]) -> Outcome {
        let target: String?
        switch args.first {
        case "all"?: target = nil
        case let id?: target = id
        case nil:
            guard let s = requireLab() else { return .failed }
            target = s.lab.id
        }
        if let target, catalog?.lab(target) == nil {
            say(style.red("no lab") + " `\(target)`")
            return .failed
        }
        do { try StatePaths.openProgress().resetLabs(target) } catch {
            say(style.red("error") + ": \(error)")
            return .failed
        }
        Drafts.remove(target)
        if let s = session, target == nil || target == s.lab.id {
            session = LabSession(lab: s.lab)
            session?.hintsShown = 0
        }
        say(target.map { "lab \($0) reset: answer back to the starter, attempts and hints forgotten" }
            ?? "every lab reset: answers back to their starters, attempts and hints forgotten")
        return .ok
    }

    func labProgress(_ args: [String]) -> Outcome {
        guard let catalog = requireCatalog() else { return .failed }
        let store: ProgressStore
        do { store = try StatePaths.openProgress() } catch {
            say(style.red("error") + ": \(error.message)")
            return .failed
        }
        let progress = (try? store.labProgress()) ?? [:]
        let passed = catalog.labs.filter { progress[$0.id]?.passed == true }
        say(style.bold("Labs") + ": \(passed.count) of \(catalog.labs.count) passed")
        for lab in catalog.labs {
            guard let p = progress[lab.id] else { continue }
            let state = p.passed ? style.green("passed") : style.yellow("not yet")
            say("  \(lab.id.padding(toLength: 34, withPad: " ", startingAt: 0)) \(state)  \(p.attempts) check\(p.attempts == 1 ? "" : "s"), hints \(p.hintsUsed)")
        }
        if let readiness = try? store.readiness(), !readiness.isEmpty {
            say(style.bold("Questions") + ":")
            for r in readiness {
                say(String(format: "  %@ %d/%d (%.0f%%)", r.domain.padding(toLength: 34, withPad: " ", startingAt: 0),
                           r.correct, r.seen, r.percent))
            }
        }
        return .ok
    }

    // MARK: - Helpers

    func requireCatalog() -> LabCatalog? {
        guard let catalog, !catalog.labs.isEmpty else {
            say("the labs were not found (run kcsa from a checkout, or set KCSA_CONTENT)")
            return nil
        }
        return catalog
    }

    func requireLab() -> LabSession? {
        guard let session else {
            say("no lab is open: `labs` lists them, `open ID` opens one")
            return nil
        }
        return session
    }

    /// The raw text after a command word, quotes and all (a jq filter is not shell words).
    func rest(of command: String) -> String {
        let line = currentLine.trimmingCharacters(in: .whitespaces)
        guard line.hasPrefix(command) else { return line }
        return String(line.dropFirst(command.count)).trimmingCharacters(in: .whitespaces)
    }
}
