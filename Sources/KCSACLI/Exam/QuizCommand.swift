import ArgumentParser
import ClusterSim
import Exam
import Seeded
import Terminal
import Trainer

/// `kcsa quiz`: questions one after another, each with its explanation straight away.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Practise with questions from the KCSA bank, with the explanation after each answer.",
        discussion: "Answers are recorded in the progress database (see `kcsa progress`). Without a terminal, answers are read from standard input, one per line."
    )

    @Option(help: "Only questions of this domain (a curriculum domain id, e.g. security-fundamentals).")
    var domain: String?

    @Option(help: "How many questions.")
    var count: Int = 10

    @Option(help: "Seed for the choice of questions and the order of their options (default: a new draw each time).")
    var seed: UInt64?

    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption

    func run() throws {
        let root = try content.root()
        let bank = QuestionBank.load(directory: root + "/Questions")
        var pool = bank.questions.sorted { $0.id < $1.id }
        if let domain {
            pool = pool.filter { $0.domain == domain }
            if pool.isEmpty {
                throw CLIError("no domain \(domain); domains: " + bank.curriculum.domains.map(\.id).joined(separator: ", "))
            }
        }
        guard count > 0 else { throw CLIError("--count must be at least 1") }
        let seed = self.seed ?? UInt64.random(in: 0...UInt64.max)
        var rng = SeededGenerator(seed: seed)
        rng.shuffle(&pool)
        let questions = Array(pool.prefix(count))
        let trainer = try TerminalSession.make(.init(content: root, home: home.home))
        var right = 0, asked = 0
        for (i, q) in questions.enumerated() {
            // The same seed gives the same questions with their options in the same order.
            guard let correct = trainer.ask(q, order: .shuffled(q, seed: seed), number: "\(i + 1)/\(questions.count) ")
            else { break }
            asked += 1
            if correct { right += 1 }
        }
        trainer.io.say("\nScore: \(right)/\(asked)" + (asked < questions.count ? " (stopped after \(asked))" : ""))
    }
}
