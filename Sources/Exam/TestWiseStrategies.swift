/// Test-wise strategies played against seeded practice exams: a learner who knows nothing
/// and picks options by their form. The mean score of each strategy over the exams shows
/// how much of the exam can be passed without knowledge (random guessing scores about 25 %
/// on four-option single-answer items).
public struct TestWiseStrategies: Sendable, Equatable {
    /// A way of choosing options without reading them for meaning.
    public enum Strategy: String, Sendable, CaseIterable {
        /// The longest option (by characters); for a multiple-answer item, the k longest.
        case longest
        /// The option sharing the most distinct words with the stem; for multiple, the k best.
        case mostOverlap = "most-overlap"
    }

    /// Exams played (seeds 1 to `exams`).
    public var exams: Int
    /// Mean score in percent, by strategy.
    public var meanPercent: [Strategy: Double]

    /// The limit on any strategy's mean score, in percent.
    public static let limitPercent = 40.0

    /// Plays each strategy on `exams` papers drawn with seeds 1 to `exams`, as a learner
    /// sees them (options in the paper's seeded order). Ties go to the option shown first.
    /// Papers that cannot be drawn (a bank too small) are skipped.
    public init(bank: QuestionBank, exams: Int = 100) {
        var sums: [Strategy: Double] = [:]
        var played = 0
        for seed in 1...UInt64(max(exams, 1)) {
            guard let paper = try? ExamPaper.draw(from: bank, seed: seed) else { continue }
            played += 1
            for s in Strategy.allCases {
                let answers = Dictionary(uniqueKeysWithValues: paper.questions.map {
                    ($0.id, Self.choose(s, $0, order: paper.order(of: $0)))
                })
                sums[s, default: 0] += ExamResult.grade(paper, answers: answers, curriculum: bank.curriculum).percent
            }
        }
        self.exams = played
        meanPercent = sums.mapValues { played == 0 ? 0 : $0 / Double(played) }
    }

    /// The options a strategy picks: as many as the item has answers, ties to the option
    /// shown first in `order` (by default, as written).
    public static func choose(_ s: Strategy, _ q: Question, order: OptionOrder? = nil) -> Set<String> {
        let shown = (order ?? .asWritten(q)).shown(q).map(\.option)
        let scores: [Int] = switch s {
        case .longest: shown.map { $0.text.count }
        case .mostOverlap: Guessability.overlaps(q.question, shown)
        }
        let ranked = shown.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        return Set(ranked.prefix(max(q.answer.count, 1)).map { shown[$0].id })
    }

    /// Strategies scoring above the limit, as sentences.
    public func violations(limit: Double = limitPercent) -> [String] {
        Strategy.allCases.compactMap { s in
            let p = meanPercent[s] ?? 0
            return p > limit ? "always picking the \(s.rawValue) option scores \(Self.format(p)) % on average (limit \(Self.format(limit)) %)" : nil
        }
    }

    /// One line for `kcsa content check`.
    public func line(limit: Double = limitPercent) -> String {
        "test-wise strategies over \(exams) seeded exams: "
            + Strategy.allCases.map { "\($0.rawValue) \(Self.format(meanPercent[$0] ?? 0)) %" }.joined(separator: ", ")
            + " (limit \(Self.format(limit)) %)"
    }

    static func format(_ x: Double) -> String {
        let n = Int((x * 10).rounded())
        return "\(n / 10).\(n % 10)"
    }
}
