import ArgumentParser
import Exam
import Foundation
import JSONValue
import Labs
import Progress
import Terminal
import Trainer

/// `kcsa progress`: readiness per domain, exam history, and the review cards due and leeches.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show readiness per KCSA domain, past exams and the review deck (from $KCSA_HOME or the XDG data directory)."
    )

    @OptionGroup var now: NowOption
    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption
    @OptionGroup var output: JSONFlag

    func run() throws {
        let store = try home.progress()
        // Progress is shown even without the course (then without lab titles and question totals).
        let root = try? content.root()
        let labs = root.map { LabCatalog.load(root: $0).labs } ?? []
        let labProgress: [String: LabProgress]
        let readiness: [DomainReadiness]
        let exams: [ExamRecord]
        let review: ReviewSummary
        let at = try now.clock().now()
        do {
            labProgress = try store.labProgress()
            readiness = try store.readiness()
            exams = try store.exams()
            review = try store.reviewSummary(at: at)
        } catch {
            throw CLIError("cannot read the progress database: \(error)")
        }
        let bank = root.map { QuestionBank.load(directory: $0 + "/Questions") }
        let domains = bank?.curriculum.domains.map { ($0.id, $0.title, bank!.questions(in: $0.id).count) }
            ?? readiness.map { ($0.domain, $0.domain, 0) }
        if output.json {
            var o = JSONObject()
            o["database"] = .string(home.locations.progressDatabase)
            o["domains"] = .array(domains.map { id, title, total in
                let r = readiness.first { $0.domain == id } ?? DomainReadiness(domain: id, correct: 0, seen: 0)
                return .object(["domain": .string(id), "title": .string(title), "questions": .number(total),
                                "seen": .number(r.seen), "correct": .number(r.correct), "percent": .number(r.percent)])
            })
            o["exams"] = .array(exams.map { e in
                .object(["seed": .number(Double(e.seed)), "correct": .number(e.correct), "total": .number(e.total),
                         "passed": .bool(e.passed), "takenAt": .string(ISO8601DateFormatter().string(from: e.takenAt))])
            })
            o["labs"] = .array(labs.map { lab in
                let p = labProgress[lab.id]
                return .object(["id": .string(lab.id), "passed": .bool(p?.passed ?? false),
                                "attempts": .number(p?.attempts ?? 0), "hintsUsed": .number(p?.hintsUsed ?? 0),
                                "passedAt": p?.passedAt.map { .string(TrainerClock.iso($0)) } ?? .null])
            })
            o["review"] = .object(["cards": .number(review.cards), "due": .number(review.due),
                                   "leeches": .array(review.leeches.map { ReviewText.card($0) }),
                                   "nextDue": review.nextDue.map { .string(TrainerClock.iso($0)) } ?? .null])
            Console.out(JSONPrinter(options: .pretty).string(.object(o)) + "\n")
            return
        }
        let style = stdoutStyle
        var out = style.bold("Readiness by domain") + " (latest answer to each question)\n"
        for (id, title, total) in domains {
            let r = readiness.first { $0.domain == id } ?? DomainReadiness(domain: id, correct: 0, seen: 0)
            let pct = r.seen == 0 ? "   -  " : String(format: "%5.1f%%", r.percent)
            out += "  " + title.padding(toLength: 38, withPad: " ", startingAt: 0)
                + "\(pct)  \(r.correct)/\(r.seen) right, \(r.seen)/\(total) seen\n"
        }
        if exams.isEmpty {
            out += "\nNo exams yet: `kcsa exam` takes one on a terminal; `--answers FILE` grades a prepared one.\n"
        } else {
            out += "\n" + style.bold("Exams") + "\n"
            for e in exams.suffix(10) {
                out += "  \(ISO8601DateFormatter().string(from: e.takenAt))  seed \(e.seed)  \(e.correct)/\(e.total)  "
                    + (e.passed ? style.green("passed") : style.red("not passed")) + "\n"
            }
        }
        if !labs.isEmpty {
            let passed = labs.filter { labProgress[$0.id]?.passed == true }
            let tried = labs.filter { labProgress[$0.id] != nil && labProgress[$0.id]?.passed != true }
            out += "\n" + style.bold("Labs") + ": \(passed.count) of \(labs.count) passed"
                + (tried.isEmpty ? "" : "; started: " + tried.map(\.id).joined(separator: ", ")) + "\n"
            if let next = labs.first(where: { labProgress[$0.id]?.passed != true }) {
                out += "  next: \(next.id) (\(next.title))\n"
            }
        }
        out += "\n" + style.bold("Review") + "\n"
        if review.cards == 0 {
            out += "  No review cards yet: missed quiz and exam questions (and failed lab checks) become cards.\n"
        } else {
            out += "  \(review.cards) card\(review.cards == 1 ? "" : "s"), \(review.due) due now"
                + (review.due > 0 ? " (`kcsa review`)" : "")
                + (review.nextDue.map { "; next due " + TrainerClock.relative($0, from: at) } ?? "") + "\n"
            if !review.leeches.isEmpty {
                out += "  " + style.yellow("\(review.leeches.count) leech\(review.leeches.count == 1 ? "" : "es")")
                    + " (missed 4 times or more: read the explanation and sources): "
                    + review.leeches.map(\.itemID).joined(separator: ", ") + "\n"
            }
        }
        Console.out(out)
    }
}
