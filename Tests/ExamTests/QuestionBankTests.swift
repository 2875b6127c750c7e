import Foundation
import Testing
@testable import Exam

@Suite struct QuestionBankTests {
    static let questionsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Questions").path

    @Test func theShippedBankIsSound() {
        let bank = QuestionBank.load(directory: Self.questionsDir)
        let messages = bank.problems.map { "\($0.file.name): \($0.diagnostic.message)" }
        #expect(bank.isValid, "\(messages.joined(separator: "\n"))")
        #expect(bank.questions.count >= 240)
    }

    @Test func everyDomainAndSubtopicIsCovered() {
        let bank = QuestionBank.load(directory: Self.questionsDir)
        for domain in bank.curriculum.domains {
            let qs = bank.questions(in: domain.id)
            for subtopic in domain.subtopics {
                #expect(qs.filter { $0.subtopic == subtopic }.count >= 3, "\(domain.id) / \(subtopic)")
            }
        }
        #expect(bank.questions(in: "security-fundamentals").filter { $0.subtopic == "Audit Logging" }.count >= 30)
    }

    /// The exam draws by domain weight (ExamBlueprint), so the bank need not be proportional
    /// to the weights; every domain must hold at least twice its share of one exam, so two
    /// papers in a row do not repeat every question.
    @Test func everyDomainHoldsAtLeastTwoExamsWorthOfItsWeight() {
        let bank = QuestionBank.load(directory: Self.questionsDir)
        let perExam = Double(bank.curriculum.exam.questions)
        for domain in bank.curriculum.domains {
            let needed = Int((perExam * Double(domain.weight) / 100 * 2).rounded(.up))
            #expect(bank.questions(in: domain.id).count >= needed, "\(domain.id): \(bank.questions(in: domain.id).count) < \(needed)")
        }
    }

    func check(_ mutate: (inout Question) -> Void) throws -> [String] {
        let bank = QuestionBank.load(directory: Self.questionsDir)
        var q = try #require(bank.questions.first { $0.kind == .single && $0.domain == "security-fundamentals" })
        mutate(&q)
        return QuestionChecks.check(q, curriculum: bank.curriculum).map(\.message)
    }

    @Test func brokenQuestionsAreReported() throws {
        #expect(try check { $0.answer = ["z"] }.contains { $0.contains("answer \"z\" is not an option") })
        #expect(try check { $0.answer = ["a", "b"] }.contains { $0.contains("exactly one answer") })
        #expect(try check { $0.sources = [] }.contains { $0.contains("at least one source") })
        #expect(try check { $0.sources = ["http://example.com"] }.contains { $0.contains("not an https URL") })
        #expect(try check { $0.subtopic = "Audit Loging" }.contains { $0.contains("subtopic \"Audit Loging\"") })
        #expect(try check { $0.id = "Bad_ID" }.contains { $0.contains("kebab-case") })
        #expect(try check { $0.options[1].why = " " }.contains { $0.contains("option b needs a text and a why") })
        #expect(try check { $0.kind = .multiple }.contains { $0.contains("at least two answers") })
        #expect(try check { _ in }.isEmpty)
    }

    @Test func duplicateIdsAcrossFilesAreFound() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-bank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["curriculum.yaml", "threat-model.yaml"] {
            try FileManager.default.copyItem(atPath: Self.questionsDir + "/" + name, toPath: dir.appendingPathComponent(name).path)
        }
        let text = try String(contentsOfFile: Self.questionsDir + "/threat-model.yaml", encoding: .utf8)
        try text.replacingOccurrences(of: "domain: threat-model", with: "domain: threat-model-copy")
            .write(to: dir.appendingPathComponent("threat-model-copy.yaml"), atomically: true, encoding: .utf8)
        let bank = QuestionBank.load(directory: dir.path)
        let messages = bank.problems.map(\.diagnostic.message)
        #expect(messages.contains { $0.contains("ids must be unique") })
        #expect(messages.contains { $0.contains("domain \"threat-model-copy\" is not in the curriculum") })
    }
}

@Suite struct ExamTests {
    static let bank = QuestionBank.load(directory: QuestionBankTests.questionsDir)

    @Test func aSixtyItemExamFollowsTheWeights() {
        let blueprint = ExamBlueprint(curriculum: Self.bank.curriculum, questions: 60)
        // 14/22/22/16/16/10 % of 60 = 8.4, 13.2, 13.2, 9.6, 9.6, 6: largest remainders round up.
        #expect(blueprint.counts.map(\.count) == [8, 13, 13, 10, 10, 6])
        #expect(blueprint.counts.reduce(0) { $0 + $1.count } == 60)
    }

    @Test(arguments: [10, 37, 60, 100])
    func blueprintsAlwaysAddUp(total: Int) {
        let blueprint = ExamBlueprint(curriculum: Self.bank.curriculum, questions: total)
        #expect(blueprint.counts.reduce(0) { $0 + $1.count } == total)
    }

    @Test func theSameSeedGivesTheSameExam() throws {
        let a = try ExamPaper.draw(from: Self.bank, seed: 42)
        let b = try ExamPaper.draw(from: Self.bank, seed: 42)
        let c = try ExamPaper.draw(from: Self.bank, seed: 43)
        #expect(a.questions.map(\.id) == b.questions.map(\.id))
        #expect(a.questions.map(\.id) != c.questions.map(\.id))
        #expect(a.questions.count == 60)
        #expect(Set(a.questions.map(\.id)).count == 60)
        for (domain, n) in a.blueprint.counts {
            #expect(a.questions.filter { $0.domain == domain }.count == n)
        }
    }

    @Test func gradingCountsSingleAndMultipleAnswersExactly() throws {
        let paper = try ExamPaper.draw(from: Self.bank, seed: 7)
        var answers: [String: Set<String>] = [:]
        for (i, q) in paper.questions.enumerated() {
            if i % 4 == 0 {
                answers[q.id] = Set(q.answer.dropLast())        // a partial multiple-answer set is wrong
            } else {
                answers[q.id] = Set(q.answer)
            }
        }
        let result = ExamResult.grade(paper, answers: answers, curriculum: Self.bank.curriculum)
        // Every fourth answer leaves out one correct option, which is always wrong.
        let expected = paper.questions.indices.filter { $0 % 4 != 0 }.count
        #expect(result.correct == expected)
        #expect(result.domains.reduce(0) { $0 + $1.total } == 60)
        #expect(result.passed == (Double(expected) / 60 * 100 >= 75))
        let none = ExamResult.grade(paper, answers: [:], curriculum: Self.bank.curriculum)
        #expect(none.correct == 0 && !none.passed)
    }
}
