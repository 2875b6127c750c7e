import Testing
@testable import Exam

/// Issue 18's bar for the shipped bank: at least 400 hand-written questions, every
/// curriculum subtopic at least 6, and audit logging at most 30 % of Security Fundamentals.
@Suite struct BankBreadthTests {
    static let bank = QuestionBank.load(directory: QuestionBankTests.questionsDir)

    @Test func atLeastFourHundredQuestions() {
        #expect(Self.bank.isValid)
        #expect(Self.bank.questions.count >= 400, "\(Self.bank.questions.count) questions")
    }

    @Test func everySubtopicHasAtLeastSix() {
        for domain in Self.bank.curriculum.domains {
            let qs = Self.bank.questions(in: domain.id)
            for subtopic in domain.subtopics {
                let n = qs.count { $0.subtopic == subtopic }
                #expect(n >= 6, "\(domain.id) / \(subtopic): \(n)")
            }
        }
    }

    @Test func auditLoggingIsAtMostThirtyPercentOfSecurityFundamentals() throws {
        let sf = Self.bank.questions(in: "security-fundamentals")
        try #require(!sf.isEmpty)
        let audit = sf.count { $0.subtopic == "Audit Logging" }
        #expect(audit > 0)
        #expect(Double(audit) / Double(sf.count) <= 0.30, "\(audit) of \(sf.count)")
    }
}
