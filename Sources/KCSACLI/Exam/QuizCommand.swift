import ArgumentParser
import ClusterSim
import Exam
import Terminal

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

    @Option(help: "Seed for the choice of questions (default: a new draw each time).")
    var seed: UInt64?

    @Option(help: "The content folder (holding Labs/ and Questions/).")
    var content: String?

    func run() throws {
        try runReportingErrors {
            let root = try ContentLocator.locate(explicit: content)
            let bank = QuestionBank.load(directory: root + "/Questions")
            var pool = bank.questions.sorted { $0.id < $1.id }
            if let domain {
                pool = pool.filter { $0.domain == domain }
                if pool.isEmpty {
                    throw CLIError("no domain \(domain); domains: " + bank.curriculum.domains.map(\.id).joined(separator: ", "))
                }
            }
            guard count > 0 else { throw CLIError("--count must be at least 1") }
            var rng = SeededGenerator(seed: seed ?? UInt64.random(in: 0...UInt64.max))
            rng.shuffle(&pool)
            let questions = Array(pool.prefix(count))
            let repl = REPL.makeForThisTerminal()
            var right = 0, asked = 0
            for (i, q) in questions.enumerated() {
                guard let correct = repl.ask(q, number: "\(i + 1)/\(questions.count) ") else { break }
                asked += 1
                if correct { right += 1 }
            }
            repl.say("\nScore: \(right)/\(asked)" + (asked < questions.count ? " (stopped after \(asked))" : ""))
        }
    }
}
