/// How far a learner who knows nothing could get by reading the form of the options
/// instead of their meaning, measured over every single-answer question of a bank.
/// `kcsa content check` prints the figures and fails when one exceeds its threshold
/// (`docs/QUESTION_FORMAT.md`, "Guessability").
public struct Guessability: Sendable, Equatable {
    /// The limits a bank must stay within.
    public struct Thresholds: Sendable, Equatable {
        /// Share of single-answer items whose correct option is strictly the longest (chance: about 25 %).
        public var longestShare: Double
        /// Mean over single-answer items of the correct option's length divided by the mean wrong option's.
        public var lengthRatio: Double
        /// The largest share of single-answer items whose answer sits at any one position.
        public var positionShare: Double
        /// Share of single-answer items whose correct option strictly shares the most words with the stem.
        public var overlapShare: Double
        /// Share of multiple-answer items whose k longest options (k answers) are exactly the answer.
        public var multipleLongestShare: Double

        public init(longestShare: Double, lengthRatio: Double, positionShare: Double, overlapShare: Double,
                    multipleLongestShare: Double) {
            self.longestShare = longestShare
            self.lengthRatio = lengthRatio
            self.positionShare = positionShare
            self.overlapShare = overlapShare
            self.multipleLongestShare = multipleLongestShare
        }

        /// The bank's limits.
        public static let bank = Thresholds(longestShare: 0.35, lengthRatio: 1.15, positionShare: 0.35, overlapShare: 0.35,
                                            multipleLongestShare: 0.35)
    }

    /// Single-answer items measured.
    public var items: Int
    /// Items whose correct option is strictly the longest (ties do not count).
    public var correctLongest: Int
    /// Mean of correct length / mean wrong length.
    public var lengthRatio: Double
    /// How many answers sit at each position (a, b, c, ...).
    public var positions: [String: Int]
    /// Items whose correct option strictly shares the most distinct words with the stem.
    public var correctMostOverlap: Int
    /// Multiple-answer items measured.
    public var multipleItems: Int
    /// Multiple-answer items whose k longest options (ties to the option listed first) are the answer.
    public var multipleLongest: Int
    public var multipleLongestShare: Double { multipleItems == 0 ? 0 : Double(multipleLongest) / Double(multipleItems) }

    public var longestShare: Double { share(correctLongest) }
    public var overlapShare: Double { share(correctMostOverlap) }
    public var positionShare: Double { share(positions.values.max() ?? 0) }

    private func share(_ n: Int) -> Double { items == 0 ? 0 : Double(n) / Double(items) }

    /// Measures the single-answer questions among `questions`.
    public init(_ questions: [Question]) {
        let singles = questions.filter { $0.kind == .single && $0.answer.count == 1 && $0.options.count >= 2 }
        items = singles.count
        var longest = 0, overlap = 0, ratioSum = 0.0
        var positions: [String: Int] = [:]
        for q in singles {
            guard let answer = q.answer.first, let at = q.options.firstIndex(where: { $0.id == answer }) else { continue }
            positions[answer, default: 0] += 1
            let lengths = q.options.map { $0.text.count }
            if Self.strictMax(lengths) == at { longest += 1 }
            let wrong = lengths.enumerated().filter { $0.offset != at }.map(\.element)
            let meanWrong = Double(wrong.reduce(0, +)) / Double(max(wrong.count, 1))
            ratioSum += meanWrong == 0 ? 1 : Double(lengths[at]) / meanWrong
            if Self.strictMax(Self.overlaps(q)) == at { overlap += 1 }
        }
        correctLongest = longest
        correctMostOverlap = overlap
        lengthRatio = singles.isEmpty ? 0 : ratioSum / Double(singles.count)
        self.positions = positions
        let multiples = questions.filter { $0.kind == .multiple && $0.answer.count >= 2 }
        multipleItems = multiples.count
        multipleLongest = multiples.count { TestWiseStrategies.choose(.longest, $0) == Set($0.answer) }
    }

    /// The figures over their limits, as sentences (empty: none).
    public func violations(_ t: Thresholds = .bank) -> [String] {
        var out: [String] = []
        if longestShare > t.longestShare {
            out.append("the correct option is the longest in \(Self.percent(longestShare)) of single-answer items (limit \(Self.percent(t.longestShare)))")
        }
        if lengthRatio > t.lengthRatio {
            out.append("the correct option is on average \(Self.fixed(lengthRatio))x as long as a wrong one (limit \(Self.fixed(t.lengthRatio)))")
        }
        if positionShare > t.positionShare, let top = positions.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
            out.append("\(Self.percent(positionShare)) of single-answer items have the answer at position \(top.key) (limit \(Self.percent(t.positionShare)))")
        }
        if overlapShare > t.overlapShare {
            out.append("the correct option shares the most words with the stem in \(Self.percent(overlapShare)) of single-answer items (limit \(Self.percent(t.overlapShare)))")
        }
        if multipleLongestShare > t.multipleLongestShare {
            out.append("the k longest options are the answer in \(Self.percent(multipleLongestShare)) of multiple-answer items (limit \(Self.percent(t.multipleLongestShare)))")
        }
        return out
    }

    /// The figures, one line each, for `kcsa content check`; with no thresholds, the limits
    /// are left out.
    public func lines(_ t: Thresholds? = .bank, title: String = "guessability") -> [String] {
        let order = positions.keys.sorted()
        func limit(_ s: String) -> String { t == nil ? "" : ", limit \(s)" }
        return [
            "\(title) over \(items) single-answer items:",
            "  correct option strictly longest: \(correctLongest) (\(Self.percent(longestShare))\(limit(Self.percent(t?.longestShare ?? 0))))",
            "  correct/wrong length ratio: \(Self.fixed(lengthRatio))" + (t.map { " (limit \(Self.fixed($0.lengthRatio)))" } ?? ""),
            "  answer positions: " + order.map { "\($0) \(positions[$0]!)" }.joined(separator: ", ")
                + " (largest \(Self.percent(positionShare))\(limit(Self.percent(t?.positionShare ?? 0))))",
            "  correct option has the most stem words: \(correctMostOverlap) (\(Self.percent(overlapShare))\(limit(Self.percent(t?.overlapShare ?? 0))))",
            "  multiple-answer items whose longest options are the answer: \(multipleLongest) of \(multipleItems) (\(Self.percent(multipleLongestShare))\(limit(Self.percent(t?.multipleLongestShare ?? 0))))",
        ]
    }

    /// The index of the unique largest value, or nil when the largest is shared.
    static func strictMax(_ xs: [Int]) -> Int? {
        guard let m = xs.max(), xs.count(where: { $0 == m }) == 1 else { return nil }
        return xs.firstIndex(of: m)
    }

    /// For each option, how many distinct words of three letters or more (stop words aside)
    /// it shares with the stem.
    static func overlaps(_ q: Question) -> [Int] { overlaps(q.question, q.options) }

    static func overlaps(_ stem: String, _ options: [Question.Option]) -> [Int] {
        let stemWords = words(stem)
        return options.map { words($0.text).intersection(stemWords).count }
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "has", "have", "its", "was", "were",
        "this", "that", "these", "those", "with", "from", "into", "than", "then", "they", "them", "their", "there",
        "which", "what", "when", "where", "who", "whom", "why", "how", "does", "did", "will", "would", "should",
        "could", "only", "also", "each", "every", "other", "some", "such", "own", "same", "one", "two", "more",
        "most", "very", "just", "because", "about", "over", "under", "again", "while", "both", "being", "been",
    ]

    /// Lower-cased runs of letters and digits, three characters or more, stop words removed.
    static func words(_ text: String) -> Set<String> {
        var out: Set<String> = []
        var current = ""
        func flush() {
            if current.count >= 3 && !stopWords.contains(current) { out.insert(current) }
            current = ""
        }
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { current.append(c) } else { flush() }
        }
        flush()
        return out
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 1000).rounded()) / 10).\(Int((x * 1000).rounded()) % 10) %" }
    static func fixed(_ x: Double) -> String {
        let n = Int((x * 100).rounded())
        return "\(n / 100).\(n % 100 < 10 ? "0" : "")\(n % 100)"
    }
}
