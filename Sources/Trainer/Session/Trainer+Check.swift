import Diagnostics
import Foundation
import JQ
import Labs
import Progress
import Terminal

/// Checking the answer, and moving through the course: solution, next, reset, progress.
extension Trainer {
    func check() -> Outcome {
        guard let s = requireLab(), let resources = requireResources() else { return .failed }
        if s.answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            say("no answer yet: " + LabAffordances.workflow(s.lab.spec))
            return .failed
        }
        let cancellation = JQCancellation()
        let report: LabReport
        do {
            report = try Interrupts.shared.watching(onInterrupt: { cancellation.cancel() }) { () throws(LabCheckError) in
                try LabChecker(resources: resources).check(s.lab, answer: SourceFile(name: "answer", text: s.answer),
                                                           cancellation: cancellation)
            }
        } catch .cancelled {
            say("^C (check interrupted)")
            return .failed
        } catch {
            return fail(error.description)
        }
        io.output.write(LabReportRenderer(style: style, width: io.width()).text(report, lab: s.lab))
        do {
            try io.progress.open().recordLabCheck(labID: s.lab.id, passed: report.passed, failedChecks: report.failedCount,
                                                  answer: s.answer, at: io.clock.now())
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

    func solution() -> Outcome {
        guard let s = requireLab() else { return .failed }
        guard labProgress()[s.lab.id]?.passed ?? false else {
            say("the reference solution opens once you pass the lab (hints: `hint`)")
            return .failed
        }
        say(style.bold("Reference solution") + ":\n" + s.lab.reference.trimmingCharacters(in: .newlines))
        return .ok
    }

    mutating func next() -> Outcome {
        guard let catalog = requireCatalog() else { return .failed }
        let following: Lab?
        if let s = session {
            following = catalog.next(after: s.lab.id)
        } else {
            let progress = labProgress()
            following = catalog.labs.first { progress[$0.id]?.passed != true }
        }
        guard let lab = following else {
            say("that was the last lab. `progress` shows where you stand.")
            return .ok
        }
        return open([lab.id])
    }

    func showProgress() -> Outcome {
        guard let catalog = requireCatalog() else { return .failed }
        let store: ProgressStore
        do { store = try io.progress.open() } catch { return fail(error.message) }
        let progress = labProgress()
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
}

extension Error {
    /// A message for the session, whatever the error.
    var message: String {
        if let e = self as? CLIError { return e.message }
        return "\(self)"
    }
}
