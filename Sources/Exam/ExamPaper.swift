import ClusterSim
/// One exam: questions drawn by the blueprint, in a seeded order. The same bank and
/// seed always give the same paper.
public struct ExamPaper: Sendable {
    public var seed: UInt64
    public var questions: [Question]
    public var blueprint: ExamBlueprint

    public enum DrawError: Error, Equatable, CustomStringConvertible {
        case notEnoughQuestions(domain: String, needed: Int, available: Int)

        public var description: String {
            switch self {
            case let .notEnoughQuestions(d, n, a): "domain \(d) needs \(n) questions but the bank has \(a)"
            }
        }
    }

    public static func draw(from bank: QuestionBank, seed: UInt64, count: Int? = nil) throws(DrawError) -> ExamPaper {
        let total = count ?? bank.curriculum.exam.questions
        let blueprint = ExamBlueprint(curriculum: bank.curriculum, questions: total)
        var rng = SeededGenerator(seed: seed)
        var drawn: [Question] = []
        for (domain, n) in blueprint.counts {
            // Sorted by id first, so the draw does not depend on file order.
            var pool = bank.questions(in: domain).sorted { $0.id < $1.id }
            guard pool.count >= n else {
                throw .notEnoughQuestions(domain: domain, needed: n, available: pool.count)
            }
            rng.shuffle(&pool)
            drawn += pool.prefix(n)
        }
        rng.shuffle(&drawn)
        return ExamPaper(seed: seed, questions: drawn, blueprint: blueprint)
    }
}

/// The graded result of an exam.
public struct ExamResult: Sendable {
    public struct DomainScore: Sendable {
        public var domain: String
        public var title: String
        public var correct: Int
        public var total: Int
        public var percent: Double { total == 0 ? 0 : Double(correct) * 100 / Double(total) }
    }

    public struct Item: Sendable {
        public var question: Question
        public var chosen: Set<String>
        public var correct: Bool
    }

    public var items: [Item]
    public var domains: [DomainScore]
    public var passPercent: Int

    public var correct: Int { items.filter(\.correct).count }
    public var percent: Double { items.isEmpty ? 0 : Double(correct) * 100 / Double(items.count) }
    public var passed: Bool { percent >= Double(passPercent) }

    /// Grades answers (question id to chosen option ids); a question without an answer is wrong.
    public static func grade(_ paper: ExamPaper, answers: [String: Set<String>], curriculum: Curriculum) -> ExamResult {
        let items = paper.questions.map { q in
            let chosen = answers[q.id] ?? []
            return Item(question: q, chosen: chosen, correct: q.isCorrect(chosen))
        }
        let domains = curriculum.domains.map { d in
            let mine = items.filter { $0.question.domain == d.id }
            return DomainScore(domain: d.id, title: d.title, correct: mine.filter(\.correct).count, total: mine.count)
        }
        return ExamResult(items: items, domains: domains, passPercent: curriculum.exam.passPercent)
    }
}
