import ClusterSim
import Seeded
/// One exam: questions drawn by the blueprint, in a seeded order, each with its options
/// in a seeded order. The same bank and seed always give the same paper.
public struct ExamPaper: Sendable {
    public var seed: UInt64
    public var questions: [Question]
    public var blueprint: ExamBlueprint
    /// How each question's options are shown, by question id; a question missing here is
    /// shown as written (a paper built by hand). `draw` shuffles every question.
    public var orders: [String: OptionOrder] = [:]

    /// The order and letters of a question's options on this paper.
    public func order(of q: Question) -> OptionOrder { orders[q.id] ?? .asWritten(q) }

    /// The option ids behind letters typed for `q` (nil when a letter is not an option).
    public func ids(_ letters: some Collection<String>, of q: Question) -> Set<String>? {
        let order = order(of: q)
        var out: Set<String> = []
        for l in letters {
            guard let id = order.id(of: l) else { return nil }
            out.insert(id)
        }
        return out
    }

    public enum DrawError: Error, Equatable, CustomStringConvertible {
        case notEnoughQuestions(domain: String, needed: Int, available: Int)

        public var description: String {
            switch self {
            case let .notEnoughQuestions(d, n, a): "domain \(d) needs \(n) questions but the bank has \(a)"
            }
        }
    }

    /// The share of the audit-logging domain's slots `kcsa exam --generated` fills with
    /// generated questions.
    public static let defaultGeneratedPercent = 30

    /// Draws a paper. With `generatedPercent` above 0, that share (rounded down) of the
    /// slots of the domain holding the audit-logging subtopic goes to generated questions
    /// (`GeneratedFamily`) whose seeds derive from `seed`, so the paper, generated items
    /// included, is still the same for the same seed; the per-domain counts do not change.
    public static func draw(from bank: QuestionBank, seed: UInt64, count: Int? = nil,
                            generatedPercent: Int = 0) throws(DrawError) -> ExamPaper {
        let total = count ?? bank.curriculum.exam.questions
        let blueprint = ExamBlueprint(curriculum: bank.curriculum, questions: total)
        var rng = SeededGenerator(seed: seed)
        // A separate stream, so the bank draw is the same with or without generated items.
        var generatedRNG = SeededGenerator(seed: seed ^ 0x6A09_E667_F3BC_C909)
        var drawn: [Question] = []
        for (domain, n) in blueprint.counts {
            let generated = generatedSlots(domain: domain, slots: n, percent: generatedPercent, curriculum: bank.curriculum)
            // Sorted by id first, so the draw does not depend on file order.
            var pool = bank.questions(in: domain).sorted { $0.id < $1.id }
            guard pool.count >= n - generated else {
                throw .notEnoughQuestions(domain: domain, needed: n - generated, available: pool.count)
            }
            rng.shuffle(&pool)
            drawn += pool.prefix(n - generated)
            drawn += generatedQuestions(generated, rng: &generatedRNG, avoiding: Set(drawn.map(\.id)))
        }
        rng.shuffle(&drawn)
        let orders = drawn.map { ($0.id, OptionOrder.shuffled($0, seed: seed)) }
        return ExamPaper(seed: seed, questions: drawn, blueprint: blueprint,
                         orders: Dictionary(orders, uniquingKeysWith: { a, _ in a }))
    }

    static func generatedSlots(domain: String, slots: Int, percent: Int, curriculum: Curriculum) -> Int {
        guard domain == GeneratedFamily.domain,
              curriculum.domain(domain)?.subtopics.contains(GeneratedFamily.subtopic) == true else { return 0 }
        return slots * min(max(percent, 0), 100) / 100
    }

    /// `n` generated questions, the families taken in turn from a seeded start.
    static func generatedQuestions(_ n: Int, rng: inout SeededGenerator, avoiding taken: Set<String>) -> [Question] {
        guard n > 0 else { return [] }
        let families = GeneratedFamily.allCases
        let start = rng.index(below: families.count)
        var ids = taken
        var out: [Question] = []
        for i in 0..<n {
            let family = families[(start + i) % families.count]
            var seed: UInt64
            // Short ids: nine digits are plenty to keep a paper's items apart.
            repeat { seed = rng.next() % 1_000_000_000 } while ids.contains(family.id(seed: seed))
            ids.insert(family.id(seed: seed))
            out.append(family.question(seed: seed))
        }
        return out
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
        /// The chosen option ids.
        public var chosen: Set<String>
        public var correct: Bool
        /// How the options were shown on the paper (to report letters the learner saw).
        public var order: OptionOrder
    }

    public var items: [Item]
    public var domains: [DomainScore]
    public var passPercent: Int

    public var correct: Int { items.filter(\.correct).count }
    public var percent: Double { items.isEmpty ? 0 : Double(correct) * 100 / Double(items.count) }
    public var passed: Bool { percent >= Double(passPercent) }

    /// Grades answers (question id to chosen option ids, never letters); a question without
    /// an answer is wrong.
    public static func grade(_ paper: ExamPaper, answers: [String: Set<String>], curriculum: Curriculum) -> ExamResult {
        let items = paper.questions.map { q in
            let chosen = answers[q.id] ?? []
            return Item(question: q, chosen: chosen, correct: q.isCorrect(chosen), order: paper.order(of: q))
        }
        let domains = curriculum.domains.map { d in
            let mine = items.filter { $0.question.domain == d.id }
            return DomainScore(domain: d.id, title: d.title, correct: mine.filter(\.correct).count, total: mine.count)
        }
        return ExamResult(items: items, domains: domains, passPercent: curriculum.exam.passPercent)
    }
}
