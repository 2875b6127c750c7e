import Testing
@testable import Exam

/// Papers that mix generated questions into the audit-logging domain's share.
@Suite struct GeneratedExamTests {
    static let bank = ExamTests.bank
    static let percent = ExamPaper.defaultGeneratedPercent

    static func generated(_ p: ExamPaper) -> [Question] { p.questions.filter { GeneratedFamily.parse(id: $0.id) != nil } }

    @Test func aPaperReplacesPartOfTheAuditDomainsShare() throws {
        let plain = try ExamPaper.draw(from: Self.bank, seed: 42)
        let mixed = try ExamPaper.draw(from: Self.bank, seed: 42, generatedPercent: Self.percent)
        let n = mixed.blueprint.count(for: GeneratedFamily.domain)
        #expect(Self.generated(mixed).count == n * Self.percent / 100)
        #expect(Self.generated(mixed).count == 3)
        #expect(Self.generated(plain).isEmpty)
        #expect(mixed.blueprint == plain.blueprint)
        for (domain, count) in mixed.blueprint.counts {
            #expect(mixed.questions.filter { $0.domain == domain }.count == count, "\(domain)")
        }
        #expect(Set(mixed.questions.map(\.id)).count == mixed.questions.count)
        // The bank part is the plain paper's draw with the generated items left out.
        let plainIDs = Set(plain.questions.map(\.id))
        #expect(mixed.questions.filter { GeneratedFamily.parse(id: $0.id) == nil }.allSatisfy { plainIDs.contains($0.id) })
    }

    @Test(arguments: [UInt64(1), 42, 1234, .max])
    func theSameSeedGivesTheSameMixedPaper(seed: UInt64) throws {
        let a = try ExamPaper.draw(from: Self.bank, seed: seed, generatedPercent: Self.percent)
        let b = try ExamPaper.draw(from: Self.bank, seed: seed, generatedPercent: Self.percent)
        #expect(a.questions == b.questions)
        for q in Self.generated(a) {
            #expect(GeneratedFamily.question(id: q.id) == q, "\(q.id) must regenerate from its id")
        }
    }

    @Test func differentSeedsGiveDifferentGeneratedItems() throws {
        let ids = try (UInt64(1)...20).flatMap { try Self.generated(ExamPaper.draw(from: Self.bank, seed: $0, generatedPercent: Self.percent)).map(\.id) }
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids.compactMap { GeneratedFamily.parse(id: $0)?.family }) == Set(GeneratedFamily.allCases))
    }

    @Test func generatedItemsAreGradedByTheirIds() throws {
        let paper = try ExamPaper.draw(from: Self.bank, seed: 9, generatedPercent: 100)
        let generated = Self.generated(paper)
        #expect(generated.count == paper.blueprint.count(for: GeneratedFamily.domain))
        var answers = Dictionary(uniqueKeysWithValues: paper.questions.map { ($0.id, Set($0.answer)) })
        let all = ExamResult.grade(paper, answers: answers, curriculum: Self.bank.curriculum)
        #expect(all.correct == paper.questions.count && all.passed)
        for q in generated {
            answers[q.id] = Set(q.options.map(\.id)).subtracting(q.answer).prefix(1).reduce(into: []) { $0.insert($1) }
        }
        let missed = ExamResult.grade(paper, answers: answers, curriculum: Self.bank.curriculum)
        #expect(missed.correct == paper.questions.count - generated.count)
        let domain = try #require(missed.domains.first { $0.domain == GeneratedFamily.domain })
        #expect(domain.correct == 0)
    }

    @Test func percentagesOutsideTheRangeAreClamped() throws {
        let low = try ExamPaper.draw(from: Self.bank, seed: 5, generatedPercent: -10)
        let high = try ExamPaper.draw(from: Self.bank, seed: 5, generatedPercent: 500)
        #expect(Self.generated(low).isEmpty)
        #expect(Self.generated(high).count == high.blueprint.count(for: GeneratedFamily.domain))
    }
}
