import Foundation
import Progress
import Terminal

/// `reset`: a lab (or every lab) back to its starter, its attempts, pass and hints
/// forgotten; `reset all` asks first, and `reset undo` puts back what the last reset removed.
extension Trainer {
    mutating func reset(_ args: [String]) -> Outcome {
        guard let catalog = requireCatalog() else { return .failed }
        let target: String?
        switch args.first {
        case "undo"?: return undoReset()
        case "all"?: target = nil
        case let id?:
            guard let lab = lab(named: id, in: catalog) else {
                say(style.red("no lab") + " `\(id)`")
                return .failed
            }
            target = lab.id
        case nil:
            guard let s = requireLab() else { return .failed }
            target = s.lab.id
        }
        let ids = target.map { [$0] } ?? catalog.labs.map(\.id)
        var drafts: [String: String] = [:]
        for id in ids { if let d = io.drafts.read(id) { drafts[id] = d } }
        if target == nil {
            let progress = labProgress()
            let passed = ids.count { progress[$0]?.passed == true }
            let touched = ids.count { progress[$0] != nil }
            say("This resets every lab: \(passed) pass\(passed == 1 ? "" : "es"), the checks and hints of \(touched) "
                + "lab\(touched == 1 ? "" : "s"), and \(drafts.count) saved answer\(drafts.count == 1 ? "" : "s").")
            guard confirm("reset every lab? [y/N] ") else {
                say("nothing was reset")
                return .failed
            }
        }
        let summary: ResetSummary
        do {
            summary = try io.progress.open().resetLabs(target, keepingDrafts: drafts, at: io.clock.now())
            for id in drafts.keys { try io.drafts.remove(id) }
        } catch {
            return fail("\(error)")
        }
        if let s = session, target == nil || target == s.lab.id {
            session = LabSession(lab: s.lab, answer: s.lab.starter)
        }
        say(Self.resetText(summary) + " `reset undo` brings it back.")
        return .ok
    }

    /// `reset undo`: the attempts, hints and drafts of the last reset, back.
    mutating func undoReset() -> Outcome {
        let summary: ResetSummary?
        do { summary = try io.progress.open().undoLastReset() } catch { return fail("\(error)") }
        guard let summary else {
            say("there is no reset to undo")
            return .failed
        }
        for (id, text) in summary.drafts {
            do { try io.drafts.write(id, text) } catch {
                say(style.yellow("note") + ": the draft of \(id) could not be restored: \(error.localizedDescription)")
            }
        }
        if let s = session, let draft = summary.drafts[s.lab.id] { session = LabSession(lab: s.lab, answer: draft) }
        say("reset undone: " + (summary.labID.map { "lab \($0)" } ?? "every lab") + " is as it was ("
            + Self.removedParts(summary) + ").")
        return .ok
    }

    static func resetText(_ s: ResetSummary) -> String {
        (s.labID.map { "lab \($0) reset: answer back to the starter" } ?? "every lab reset: answers back to their starters")
            + "; removed " + removedParts(s) + "."
    }

    static func removedParts(_ s: ResetSummary) -> String {
        var parts: [String] = []
        if !s.passedLabs.isEmpty {
            parts.append(s.labID != nil ? "its pass" : "\(s.passedLabs.count) pass\(s.passedLabs.count == 1 ? "" : "es")")
        }
        parts.append("\(s.attempts) check\(s.attempts == 1 ? "" : "s")")
        parts.append("\(s.hints) hint\(s.hints == 1 ? "" : "s")")
        parts.append("\(s.drafts.count) saved answer\(s.drafts.count == 1 ? "" : "s")")
        return parts.joined(separator: ", ")
    }

    /// A yes/no question on the session's input; anything but y/yes (or the end of input) is no.
    func confirm(_ question: String) -> Bool {
        switch io.input.readLine(prompt: Prompt(question, sgr: "1;33")) {
        case .line(let l): return ["y", "yes"].contains(l.trimmingCharacters(in: .whitespaces).lowercased())
        case .eof, .interrupted: return false
        }
    }
}
