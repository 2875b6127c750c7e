import ArgumentParser
import Exam
import Foundation
import JSONValue
import Progress

/// `kcsa review`: the spaced-review deck. Asks the questions that are due (like `kcsa
/// quiz`), lists the labs that are due, and says when the next card is due.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the questions you missed, when they are due (spaced repetition, SM-2).",
        discussion: """
        Missed quiz and exam questions and failed lab checks become review cards. A card comes back \
        after 1 day, then 6 days, then the interval times its ease; a miss starts it again. A card \
        missed 4 times is a leech: read its explanation and sources rather than drilling it. \
        Without a terminal, answers are read from standard input, one per line. See docs/EXAM.md.
        """
    )

    @Option(help: "At most this many questions.")
    var count: Int = 20

    @Flag(help: "List the due cards as JSON instead of asking them.")
    var json = false

    @Option(help: .hidden)
    var now: String?

    @Option(help: "The content folder (holding Labs/ and Questions/).")
    var content: String?

    func run() throws {
        try runReportingErrors {
            guard count > 0 else { throw CLIError("--count must be at least 1") }
            let at = try StateClock.now(explicit: now)
            if json {
                let store = try StatePaths.openProgress()
                let due: [ReviewCard]
                let summary: ReviewSummary
                do {
                    due = try store.dueCards(at: at)
                    summary = try store.reviewSummary(at: at)
                } catch {
                    throw CLIError("cannot read the progress database: \(error)")
                }
                Console.out(JSONPrinter(options: .pretty).string(ReviewText.json(due: due, summary: summary, now: at)) + "\n")
                return
            }
            if let content { setenv("KCSA_CONTENT", content, 1) }
            let repl = REPL.makeForThisTerminal()
            let status = repl.review(count: count, now: at)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

/// Review cards as text and JSON.
enum ReviewText {
    static func leech(_ card: ReviewCard, style: Style) -> String {
        style.yellow("leech") + ": you have missed \(card.itemID) \(card.lapses) times - read the explanation and its sources"
            + (card.kind == .lab ? " (and the lab's hints)" : "") + " instead of guessing again."
    }

    static func labAdvice(_ card: ReviewCard) -> String {
        "lab \(card.itemID) is due for review: run `kcsa lab check \(card.itemID)`, or `open \(card.itemID)` in the REPL."
    }

    static func nothingDue(_ summary: ReviewSummary, now: Date) -> String {
        guard let next = summary.nextDue else {
            return "No review cards yet: questions you miss in `kcsa quiz` or `kcsa exam` (and failed lab checks) become cards."
        }
        return "Nothing is due. The next review is due \(StateClock.iso(next)) (\(StateClock.relative(next, from: now)))."
    }

    static func json(due: [ReviewCard], summary: ReviewSummary, now: Date) -> JSON {
        var o = JSONObject()
        o["now"] = .string(StateClock.iso(now))
        o["cards"] = .number(summary.cards)
        o["due"] = .array(due.map(card))
        o["leeches"] = .array(summary.leeches.map(card))
        o["nextDue"] = summary.nextDue.map { .string(StateClock.iso($0)) } ?? .null
        return .object(o)
    }

    static func card(_ c: ReviewCard) -> JSON {
        var o = JSONObject()
        o["kind"] = .string(c.kind.rawValue)
        o["id"] = .string(c.itemID)
        o["due"] = .string(StateClock.iso(c.due))
        o["intervalDays"] = .number(c.intervalDays)
        o["ease"] = .number(c.ease)
        o["repetitions"] = .number(c.repetitions)
        o["lapses"] = .number(c.lapses)
        o["leech"] = .bool(ReviewScheduler().isLeech(c))
        return .object(o)
    }
}
