import Foundation
import Testing
@testable import Progress

@Suite struct ProgressStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func answer(_ id: String, _ domain: String, _ correct: Bool, _ minutes: Double) -> AnswerRecord {
        AnswerRecord(questionID: id, revision: 1, domain: domain, correct: correct, mode: "quiz",
                     answeredAt: Self.t0.addingTimeInterval(minutes * 60))
    }

    @Test func readinessUsesTheLatestAnswerToEachQuestion() throws {
        let store = try ProgressStore()
        try store.recordAnswer(answer("sf-a", "security-fundamentals", false, 0))
        try store.recordAnswer(answer("sf-a", "security-fundamentals", true, 5))
        try store.recordAnswer(answer("sf-b", "security-fundamentals", false, 6))
        try store.recordAnswer(answer("tm-a", "threat-model", true, 7))
        let r = try store.readiness()
        #expect(r == [DomainReadiness(domain: "security-fundamentals", correct: 1, seen: 2),
                      DomainReadiness(domain: "threat-model", correct: 1, seen: 1)])
    }

    @Test func anExamIsStoredWithItsAnswersInOneTransaction() throws {
        let store = try ProgressStore()
        try store.recordExam(ExamRecord(seed: 4, correct: 1, total: 2, passed: false, takenAt: Self.t0),
                             answers: [answer("cf-a", "compliance-frameworks", true, 1),
                                       answer("cf-b", "compliance-frameworks", false, 1)])
        #expect(try store.exams().count == 1)
        #expect(try store.answers().count == 2)
    }

    @Test func aDamagedDatabaseIsMovedAsideNotLost() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-progress-\(UUID().uuidString)")
        let path = dir.appendingPathComponent("progress.sqlite").path
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("this is not a database, but someone's notes".utf8).write(to: URL(fileURLWithPath: path))
        let store = try ProgressStore(path: path)
        let aside = try #require(store.recoveredFrom)
        #expect(try String(contentsOfFile: aside, encoding: .utf8).contains("someone's notes"))
        try store.recordAnswer(answer("ps-a", "platform-security", true, 0))
        #expect(try ProgressStore(path: path).answers().count == 1)
    }
}
