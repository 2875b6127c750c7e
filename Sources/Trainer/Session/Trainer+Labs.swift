import Diagnostics
import Foundation
import Labs
import Progress
import Terminal

/// The lab commands: list and open labs, read the task, get hints, write the answer.
extension Trainer {
    func labs() -> Outcome {
        guard let catalog = requireCatalog() else { return .failed }
        io.output.write(LabText.list(catalog.labs, progress: labProgress(), style: style, width: io.width()))
        say(style.dim("Open one with: open ID"))
        return .ok
    }

    /// The learner's lab progress, or none when the database cannot be read (said once).
    func labProgress() -> [String: LabProgress] {
        do { return try io.progress.open().labProgress() } catch {
            say(style.yellow("note") + ": progress could not be read: \(error)")
            return [:]
        }
    }

    mutating func open(_ args: [String]) -> Outcome {
        guard let catalog = requireCatalog() else { return .failed }
        guard let id = args.first else {
            say("usage: open LAB-ID (TAB completes; `labs` lists them)")
            return .failed
        }
        guard let lab = lab(named: id, in: catalog) else {
            let guess = DidYouMean.suggest(id, among: catalog.labs.map(\.id)).map { "; did you mean `\($0)`?" } ?? ""
            say(style.red("no lab") + " `\(id)`\(guess)")
            return .failed
        }
        let draft = io.drafts.read(lab.id)
        session = LabSession(lab: lab, answer: draft ?? lab.starter)
        fieldPaths = nil
        rememberOpenLab(lab.id)
        io.output.write(LabText.task(lab, style: style, width: io.width()))
        if draft != nil { say(style.dim("(your saved answer is loaded: `answer` shows it)")) }
        say(wrapped(style.dim(LabAffordances.workflow(lab.spec))))
        return .ok
    }

    func task() -> Outcome {
        guard let s = requireLab() else { return .failed }
        io.output.write(LabText.task(s.lab, style: style, width: io.width()))
        return .ok
    }

    mutating func hint(_ args: [String]) -> Outcome {
        guard var s = requireLab() else { return .failed }
        let hints = s.lab.hints
        let tier = args.first.flatMap(Int.init) ?? min(s.hintsShown + 1, hints.count)
        guard tier >= 1, tier <= hints.count else {
            say("this lab has \(hints.count) hint\(hints.count == 1 ? "" : "s")")
            return .failed
        }
        let name = HintName.of(tier, of: hints.count)
        if tier == hints.count, tier > 1, s.hintsShown < tier - 1, !confirmLastHint(tier: tier, seen: s.hintsShown) {
            say("not shown. `hint` gives hint \(s.hintsShown + 1) first.")
            return .failed
        }
        say(style.bold("Hint \(tier) of \(hints.count) (\(name))") + ":")
        say(wrapped(hints[tier - 1].trimmingCharacters(in: .whitespacesAndNewlines), keepIndented: true))
        s.hintsShown = max(s.hintsShown, tier)
        session = s
        do { try io.progress.open().recordHint(labID: s.lab.id, tier: tier, at: io.clock.now()) } catch {
            say(style.yellow("note") + ": the hint was not recorded: \(error)")
        }
        if tier < hints.count { say(style.dim("(`hint` again for the next one)")) }
        return .ok
    }

    /// The last hint is nearly the answer: asked for before the earlier ones, it needs a yes.
    func confirmLastHint(tier: Int, seen: Int) -> Bool {
        let earlier = seen == 0 ? "none of the earlier hints" : "only hint" + (seen == 1 ? " 1" : "s 1-\(seen)")
        say("Hint \(tier) is the near-solution, and you have seen \(earlier).")
        switch io.input.readLine(prompt: Prompt("show it anyway? [y/N] ", sgr: "1;33")) {
        case .line(let l): return ["y", "yes"].contains(l.trimmingCharacters(in: .whitespaces).lowercased())
        case .eof, .interrupted: return false
        }
    }

    mutating func showAnswer(_ input: CommandInput) -> Outcome {
        guard let s = requireLab() else { return .failed }
        if !input.words.isEmpty {
            // `answer FILTER`: a one-line answer, handy for jq.
            setAnswer(input.rest)
            say(style.green("answer set") + ". `check` it when ready.")
            return .ok
        }
        say(s.answer.isEmpty ? "(no answer yet)" : s.answer.trimmingCharacters(in: .newlines))
        return .ok
    }

    /// Multi-line entry: lines until one holding only `.`; Ctrl-D ends too, Ctrl-C abandons.
    mutating func write() -> Outcome {
        guard let s = requireLab() else { return .failed }
        if io.interactive { say(style.dim("Enter \(s.lab.kind.answerLanguage); end with a line holding only `.` (Ctrl-C cancels).")) }
        var lines: [String] = []
        let reader = io.input
        reader.tabInsertsSpaces = LabAffordances.tabIndents(s.lab.spec)
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
        setAnswer(lines.joined(separator: "\n"))
        say(style.green("answer saved") + " (\(lines.count) line\(lines.count == 1 ? "" : "s")). `check` it when ready.")
        return .ok
    }

    mutating func loadAnswer(_ args: [String]) -> Outcome {
        guard requireLab() != nil else { return .failed }
        guard let path = args.first else {
            say("usage: load FILE")
            return .failed
        }
        do {
            let source = try InputFile.read(path, limit: 4 << 20)
            setAnswer(String(decoding: source.bytes, as: UTF8.self))
            say(style.green("answer loaded") + " from \(path). `check` it when ready.")
            return .ok
        } catch {
            return fail(error.message)
        }
    }

    /// `edit`: the answer in $VISUAL or $EDITOR (vi by default), on the terminal.
    mutating func edit() -> Outcome {
        guard let s = requireLab() else { return .failed }
        guard io.interactive else {
            say("edit needs a terminal; use `write` or `load FILE` in scripts")
            return .failed
        }
        do { try io.drafts.write(s.lab.id, s.answer) } catch {
            return fail("cannot save the draft for the editor: \(error.localizedDescription)")
        }
        guard let status = io.runEditor(io.drafts.path(s.lab.id)) else {
            return fail("cannot start the editor")
        }
        guard status == 0 else {
            say(style.yellow("the editor exited with status \(status)") + "; the answer is unchanged")
            return .failed
        }
        setAnswer(io.drafts.read(s.lab.id) ?? s.answer)
        say(style.green("answer saved") + " from the editor. `check` it when ready.")
        return .ok
    }
}
