import Exam
import Foundation
import GRDB
import Testing
@testable import Progress

/// Review cards in the store (migration "v2"), and the upgrade of a v1 database.
@Suite struct ReviewStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static func days(_ n: Double) -> Date { t0.addingTimeInterval(n * 86_400) }

    @Test func aV1DatabaseIsUpgradedAndKeepsItsAnswers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("progress.sqlite").path
        // A database as the v1 release left it.
        do {
            let old = try DatabaseQueue(path: path)
            try ProgressStore.migrator.migrate(old, upTo: "v1")
            try old.write { db in
                try AnswerRecord(questionID: "sf-a", revision: 1, domain: "security-fundamentals", correct: false,
                                 mode: "quiz", answeredAt: Self.t0).insert(db)
                try ExamRecord(seed: 3, correct: 40, total: 60, passed: false, takenAt: Self.t0).insert(db)
            }
            #expect(try old.read { try $0.tableExists("reviewCard") } == false)
        }
        let store = try ProgressStore(path: path)
        #expect(store.recoveredFrom == nil)
        #expect(try store.answers().count == 1)
        #expect(try store.exams().count == 1)
        let applied = try store.db.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["answers-v1", "labs-v1", "labs-v2-reset-undo", "session-v1", "v1", "v2"])
        try store.recordLabMiss(labID: "policy-first-match", at: Self.t0)
        #expect(try ProgressStore(path: path).reviewCards().map(\.itemID) == ["policy-first-match"])
    }

    @Test func aMissCreatesACardAndASecondMissIsALapse() throws {
        let store = try ProgressStore()
        let first = try #require(try store.recordReviewOutcome(itemKind: .question, itemID: "sf-a", correct: false, at: Self.t0))
        #expect((first.lapses, first.intervalDays, first.due) == (1, 1, Self.days(1)))
        let second = try #require(try store.recordReviewOutcome(itemKind: .question, itemID: "sf-a", correct: false, at: Self.days(0.5)))
        #expect((second.lapses, second.due) == (2, Self.days(1.5)))
        #expect(try store.reviewCards().count == 1)
    }

    @Test func aRightAnswerMovesOnlyADueCard() throws {
        let store = try ProgressStore()
        #expect(try store.recordReviewOutcome(itemKind: .question, itemID: "sf-b", correct: true, at: Self.t0) == nil)
        #expect(try store.reviewCards().isEmpty)
        try store.recordReviewOutcome(itemKind: .question, itemID: "sf-a", correct: false, at: Self.t0)
        let early = try store.recordReviewOutcome(itemKind: .question, itemID: "sf-a", correct: true, at: Self.days(0.5))
        #expect(early?.repetitions == 0 && early?.due == Self.days(1))
        let due = try store.recordReviewOutcome(itemKind: .question, itemID: "sf-a", correct: true, at: Self.days(1))
        #expect((due?.repetitions, due?.intervalDays, due?.due) == (1, 1, Self.days(2)))
    }

    @Test func dueCardsAndTheSummaryFollowTheClock() throws {
        let store = try ProgressStore()
        try store.recordReviewOutcome(itemKind: .question, itemID: "tm-b", correct: false, at: Self.t0)
        try store.recordReviewOutcome(itemKind: .question, itemID: "tm-a", correct: false, at: Self.days(1))
        try store.recordLabMiss(labID: "lab-1", at: Self.t0)
        #expect(try store.dueCards(at: Self.days(0.9)).isEmpty)
        #expect(try store.dueCards(at: Self.days(1)).map(\.itemID) == ["lab-1", "tm-b"])
        #expect(try store.dueCards(at: Self.days(2)).map(\.itemID) == ["lab-1", "tm-b", "tm-a"])
        for n in 1...3 { try store.recordLabMiss(labID: "lab-1", at: Self.days(Double(n))) }
        let s = try store.reviewSummary(at: Self.days(1.5))
        #expect(s.cards == 3)
        #expect(s.due == 1)
        #expect(s.leeches.map(\.itemID) == ["lab-1"])
        #expect(s.nextDue == Self.days(2))
    }
}
