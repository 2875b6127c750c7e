/// How many questions each domain gets in an exam: the curriculum weights applied to
/// the exam length by largest remainder, so the counts always add up exactly.
public struct ExamBlueprint: Sendable, Equatable {
    public var counts: [(domain: String, count: Int)]

    public static func == (a: ExamBlueprint, b: ExamBlueprint) -> Bool {
        a.counts.map(\.domain) == b.counts.map(\.domain) && a.counts.map(\.count) == b.counts.map(\.count)
    }

    public init(curriculum: Curriculum, questions total: Int) {
        let weightSum = curriculum.domains.reduce(0) { $0 + $1.weight }
        guard weightSum > 0 else {
            counts = []
            return
        }
        var base: [(String, Int, Int)] = curriculum.domains.enumerated().map { i, d in
            (d.id, d.weight * total / weightSum, i)
        }
        let remainders = curriculum.domains.enumerated().map { i, d in (i, d.weight * total % weightSum) }
        var left = total - base.reduce(0) { $0 + $1.1 }
        // Largest remainder first; ties go to the domain listed first.
        for (i, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }) where left > 0 {
            base[i].1 += 1
            left -= 1
        }
        counts = base.map { ($0.0, $0.1) }
    }

    public func count(for domain: String) -> Int { counts.first { $0.domain == domain }?.count ?? 0 }
}
