import ArgumentParser
import Exam
import Foundation
import JSONValue
import Progress
import Terminal
import Trainer

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

    @OptionGroup var now: NowOption
    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption

    func run() throws {
        guard count > 0 else { throw CLIError("--count must be at least 1") }
        let at = try now.clock().now()
        if json {
            let store = try home.progress()
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
        var trainer = try TerminalSession.make(.init(content: content.content, home: home.home, now: now.now))
        let status = trainer.review(count: count, now: at)
        if status != 0 { throw ExitCode(status) }
    }
}

