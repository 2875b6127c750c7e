import Exam
import Foundation
import Progress

/// The REPL's `exam` and `review`, and the review loop `kcsa review` shares.
extension REPL {
    /// `exam [--seed N] [--count N] [--minutes M]`: the interactive exam inside the session.
    func exam(_ args: [String]) -> Outcome {
        guard let bank, !bank.questions.isEmpty else {
            say("the question bank was not found (run kcsa from a checkout, or set KCSA_CONTENT)")
            return .failed
        }
        var seed: UInt64?, count: Int?, minutes: Int?
        var rest = args[...]
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else {
                say("usage: exam [--seed N] [--count N] [--minutes M]")
                return .failed
            }
            switch option {
            case "--seed": seed = UInt64(value)
            case "--count": count = Int(value)
            case "--minutes": minutes = Int(value)
            default:
                say("usage: exam [--seed N] [--count N] [--minutes M]")
                return .failed
            }
            if (option == "--seed" && seed == nil) || (option == "--count" && (count ?? 0) < 1)
                || (option == "--minutes" && (minutes ?? 0) < 1) {
                say("\(option) needs a positive number, not `\(value)`")
                return .failed
            }
        }
        let runner = ExamRunner(reader: reader, style: style, clock: StateClock.ticking(), terminal: interactive, record: true)
        let status = runner.take(bank: bank, seed: seed, count: count, minutes: minutes)
        return status == 2 ? .failed : .ok
    }

    /// `review [N]`: the due cards, at most N questions.
    func reviewCommand(_ args: [String]) -> Outcome {
        let count = args.first.flatMap(Int.init) ?? 20
        guard count > 0, args.count <= 1 else {
            say("usage: review [N]")
            return .failed
        }
        let now: Date
        do { now = try StateClock.now() } catch {
            say(style.red("error") + ": \(error.message)")
            return .failed
        }
        return review(count: count, now: now) == 2 ? .failed : .ok
    }

    /// Asks the due questions (up to `count`), lists the due labs, or says when the next
    /// card is due. Returns 0, or 2 when the database or the bank cannot be read.
    func review(count: Int, now: Date) -> Int32 {
        let due: [ReviewCard]
        let summary: ReviewSummary
        do {
            let store = try StatePaths.openProgress()
            due = try store.dueCards(at: now)
            summary = try store.reviewSummary(at: now)
        } catch {
            say(style.red("error") + ": cannot read the progress database: \(error.message)")
            return 2
        }
        if due.isEmpty {
            say(ReviewText.nothingDue(summary, now: now))
            return 0
        }
        let labs = due.filter { $0.kind == .lab }
        for card in labs { say(ReviewText.labAdvice(card)) }
        let cards = due.filter { $0.kind == .question }
        guard !cards.isEmpty else { return 0 }
        guard let bank else {
            say("the question bank was not found (run kcsa from a checkout, or set KCSA_CONTENT)")
            return 2
        }
        let byID = Dictionary(bank.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let missing = cards.filter { byID[$0.itemID] == nil }
        if !missing.isEmpty {
            say(style.dim("not in the bank any more (skipped): " + missing.map(\.itemID).joined(separator: ", ")))
        }
        let questions = cards.compactMap { byID[$0.itemID] }.prefix(count)
        say(style.bold("Review") + ": \(questions.count) of \(cards.count) due question\(cards.count == 1 ? "" : "s").")
        var right = 0, asked = 0
        for (i, q) in questions.enumerated() {
            guard let correct = ask(q, number: "review \(i + 1)/\(questions.count) ", mode: "review", at: now) else { break }
            asked += 1
            if correct { right += 1 }
        }
        say("\nReviewed \(asked): \(right) right." + (asked < questions.count ? " (stopped after \(asked))" : ""))
        return 0
    }

    /// Files the answer for spaced review and warns about a leech.
    func recordForReview(_ q: Question, correct: Bool, at now: Date) {
        do {
            let card = try StatePaths.openProgress().recordReviewOutcome(itemKind: .question, itemID: q.id,
                                                                         correct: correct, at: now)
            if !correct, let card {
                if ReviewScheduler().isLeech(card) {
                    say(ReviewText.leech(card, style: style))
                } else {
                    say(style.dim("Back for review \(StateClock.relative(card.due, from: now))."))
                }
            }
        } catch {
            say(style.yellow("note") + ": the review card was not updated: \(error)")
        }
    }
}
