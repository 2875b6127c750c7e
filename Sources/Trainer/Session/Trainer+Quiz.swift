import Exam
import Foundation
import Progress
import Terminal

/// Questions in the session: `quiz`, `review` and `exam`, and the one way a question is
/// asked, graded, explained and recorded.
extension Trainer {
    mutating func quiz(_ args: [String]) -> Outcome {
        guard let bank = requireBank() else { return .failed }
        var pool = bank.questions
        if let domain = args.first {
            pool = bank.questions(in: domain)
            if pool.isEmpty {
                say("no domain `\(domain)`; domains: " + bank.curriculum.domains.map(\.id).joined(separator: ", "))
                return .failed
            }
        }
        let q = pool.randomElement(using: &quizRandom)!
        _ = ask(q, order: .shuffled(q, seed: quizRandom.next()))
        return .ok
    }

    /// Asks one question with its options in `order`, grades the reply by option id,
    /// explains every option and records the answer. nil when the learner skipped it
    /// (Ctrl-C or end of input).
    public func ask(_ q: Question, order: OptionOrder, number: String = "", mode: String = "quiz",
                    at time: Date? = nil) -> Bool? {
        say("\n" + style.bold("\(number)[\(q.domain) / \(q.subtopic)]") + " \(q.id)\n")
        say(wrapped(q.question.trimmingCharacters(in: .newlines)))
        let shown = order.shown(q)
        for (letter, o) in shown { say(wrapped("  \(letter)) \(o.text)")) }
        let hint = q.kind == .single ? "one letter" : "letters, e.g. a c"
        guard let chosen = readReply(q, order: order, prompt: Prompt("answer (\(hint))> ", sgr: "33")) else {
            say("(question skipped)")
            return nil
        }
        let correct = q.isCorrect(chosen)
        let now = time ?? io.clock.now()
        do {
            try io.progress.open().recordAnswer(
                AnswerRecord(questionID: q.id, revision: q.revision, domain: q.domain, correct: correct,
                             mode: mode, answeredAt: now))
        } catch {
            say(style.yellow("note") + ": the answer was not recorded: \(error)")
        }
        say(correct ? style.green("Correct.") : style.red("Not quite.") + " The answer is \(order.letters(of: q.answer).joined(separator: ", ")).")
        for (letter, o) in shown {
            let mark = q.answer.contains(o.id) ? "right" : "wrong"
            say(wrapped("  \(letter)) \(mark): \(o.why)"))
        }
        say("\n" + wrapped(q.explanation.trimmingCharacters(in: .whitespacesAndNewlines)))
        say(style.dim("Sources: " + q.sources.joined(separator: " ")))
        recordForReview(q, correct: correct, at: now)
        return correct
    }

    /// Reads option letters until they are an answer to `q` as shown in `order`; the
    /// chosen option ids, or nil on Ctrl-C or end of input.
    func readReply(_ q: Question, order: OptionOrder, prompt: Prompt) -> Set<String>? {
        while true {
            switch io.input.readLine(prompt: prompt) {
            case .line(let l):
                switch QuestionReply.parse(l, for: q, order: order) {
                case .success(let chosen): return chosen
                case .failure(let e): say(e.message)
                }
            case .interrupted, .eof:
                return nil
            }
        }
    }

    /// Files the answer for spaced review and warns about a leech.
    func recordForReview(_ q: Question, correct: Bool, at now: Date) {
        do {
            let card = try io.progress.open().recordReviewOutcome(itemKind: .question, itemID: q.id, correct: correct, at: now)
            if !correct, let card {
                if ReviewScheduler().isLeech(card) {
                    say(ReviewText.leech(card, style: style))
                } else {
                    say(style.dim("Back for review \(TrainerClock.relative(card.due, from: now))."))
                }
            }
        } catch {
            say(style.yellow("note") + ": the review card was not updated: \(error)")
        }
    }

    /// `exam [--seed N] [--count N] [--minutes M]`: the interactive exam inside the session.
    mutating func exam(_ args: [String]) -> Outcome {
        guard let bank = requireBank() else { return .failed }
        let usage = "usage: exam [--seed N] [--count N] [--minutes M]"
        var seed: UInt64?, count: Int?, minutes: Int?
        var rest = args[...]
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else {
                say(usage)
                return .failed
            }
            switch option {
            case "--seed": seed = UInt64(value)
            case "--count": count = Int(value)
            case "--minutes": minutes = Int(value)
            default:
                say(usage)
                return .failed
            }
            if (option == "--seed" && seed == nil) || (option == "--count" && (count ?? 0) < 1)
                || (option == "--minutes" && (minutes ?? 0) < 1) {
                say("\(option) needs a positive number, not `\(value)`")
                return .failed
            }
        }
        let status = ExamRunner(io: io, record: true).take(bank: bank, seed: seed, count: count, minutes: minutes)
        return status == 2 ? .failed : .ok
    }

    /// `review [N]`: the due cards, at most N questions.
    mutating func reviewCommand(_ args: [String]) -> Outcome {
        let count = args.first.flatMap(Int.init) ?? 20
        guard count > 0, args.count <= 1 else {
            say("usage: review [N]")
            return .failed
        }
        return review(count: count, now: io.clock.now()) == 2 ? .failed : .ok
    }

    /// Asks the due questions (up to `count`), lists the due labs, or says when the next
    /// card is due. Returns 0, or 2 when the database or the bank cannot be read.
    public mutating func review(count: Int, now: Date) -> Int32 {
        let due: [ReviewCard]
        let summary: ReviewSummary
        do {
            let store = try io.progress.open()
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
        for card in due where card.kind == .lab { say(ReviewText.labAdvice(card)) }
        let cards = due.filter { $0.kind == .question }
        guard !cards.isEmpty else { return 0 }
        guard let bank = requireBank() else { return 2 }
        let byID = Dictionary(bank.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let missing = cards.filter { byID[$0.itemID] == nil }
        if !missing.isEmpty {
            say(style.dim("not in the bank any more (skipped): " + missing.map(\.itemID).joined(separator: ", ")))
        }
        let questions = cards.compactMap { c in byID[c.itemID].map { (c, $0) } }.prefix(count)
        say(style.bold("Review") + ": \(questions.count) of \(cards.count) due question\(cards.count == 1 ? "" : "s").")
        var right = 0, asked = 0
        for (i, (card, q)) in questions.enumerated() {
            // Each review of a card has its own order, so a remembered letter is no help.
            guard let correct = ask(q, order: .shuffled(q, seed: card.optionSeed), number: "review \(i + 1)/\(questions.count) ",
                                    mode: "review", at: now) else { break }
            asked += 1
            if correct { right += 1 }
        }
        say("\nReviewed \(asked): \(right) right." + (asked < questions.count ? " (stopped after \(asked))" : ""))
        return 0
    }
}
