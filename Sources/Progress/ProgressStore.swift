import Foundation
import GRDB
import Synchronization

/// The learner's progress in SQLite: every answered question, every exam and the
/// spaced-review cards, keyed by question or lab id (never by position). Writes are
/// transactional (WAL, a busy timeout and a retry, so two kcsa processes can write at
/// once). Only a damaged database (not SQLite, failing `PRAGMA integrity_check`, or not
/// kcsa's schema) is moved aside and reported; a busy one is waited for. When the
/// database cannot be written at all (a read-only or full folder), the store carries on
/// in memory and says so once through `onFallback` (ProgressStore+Open.swift).
public final class ProgressStore: Sendable {
    private let queue: Mutex<DatabaseQueue>
    /// The database in use: the file, or the in-memory copy after a fallback.
    var db: DatabaseQueue { queue.withLock { $0 } }
    /// The database file; nil for a store in memory.
    public let path: String?
    /// Set when a damaged database was moved aside at open: where it went, and why.
    public let recovery: Recovery?
    /// Where a damaged database was moved aside at open.
    public var recoveredFrom: String? { recovery?.movedTo }
    let fallback: Mutex<Fallback?>
    let onFallback: @Sendable (Fallback) -> Void
    let faults: FaultInjection?

    /// A store in memory (tests).
    public init() throws {
        let memory = try DatabaseQueue()
        try Self.migrator.migrate(memory)
        queue = Mutex(memory)
        path = nil
        recovery = nil
        fallback = Mutex(nil)
        onFallback = { _ in }
        faults = nil
    }

    /// The store at `path`, created if missing. A damaged file is moved aside (`recovery`);
    /// a folder or file that cannot be written makes a store in memory, reported once
    /// through `onFallback` (at open, or at the first write that fails). Throws only when
    /// the database stays busy past the timeout and its retries.
    public init(path: String, busyTimeout: TimeInterval = ProgressStore.busyTimeout,
                onFallback: @escaping @Sendable (Fallback) -> Void = { _ in },
                faults: FaultInjection? = nil) throws {
        self.path = path
        self.onFallback = onFallback
        self.faults = faults
        let opened = try Self.openFile(path, busyTimeout: busyTimeout, faults: faults)
        queue = Mutex(opened.queue)
        recovery = opened.recovery
        fallback = Mutex(opened.fallback)
        if let f = opened.fallback { onFallback(f) }
    }

    /// Replaces the database in use (the fallback to memory).
    func replaceDatabase(_ replacement: DatabaseQueue) { queue.withLock { $0 = replacement } }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "answer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("questionID", .text).notNull().indexed()
                t.column("revision", .integer).notNull()
                t.column("domain", .text).notNull()
                t.column("correct", .boolean).notNull()
                t.column("mode", .text).notNull()
                t.column("answeredAt", .datetime).notNull()
            }
            try db.create(table: "exam") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("seed", .integer).notNull()
                t.column("correct", .integer).notNull()
                t.column("total", .integer).notNull()
                t.column("passed", .boolean).notNull()
                t.column("takenAt", .datetime).notNull()
            }
        }
        // Spaced review: one card per missed question or failed lab (ProgressStore+Review.swift).
        m.registerMigration("v2") { db in
            try db.create(table: "reviewCard") { t in
                t.column("kind", .text).notNull()
                t.column("itemID", .text).notNull()
                t.column("ease", .double).notNull()
                t.column("intervalDays", .integer).notNull()
                t.column("repetitions", .integer).notNull()
                t.column("lapses", .integer).notNull()
                t.column("due", .datetime).notNull().indexed()
                t.column("lastReviewed", .datetime)
                t.primaryKey(["kind", "itemID"])
            }
        }
        registerLabMigrations(&m)
        registerResetUndoMigration(&m)
        registerSessionMigration(&m)
        registerAnswerMigration(&m)
        return m
    }

    /// Records one answered question.
    public func recordAnswer(_ a: AnswerRecord) throws {
        try write { db in try a.insert(db) }
    }

    /// Records an exam and all its answers in one transaction.
    public func recordExam(_ e: ExamRecord, answers: [AnswerRecord]) throws {
        try write { db in
            try e.insert(db)
            for a in answers { try a.insert(db) }
        }
    }

    public func answers() throws -> [AnswerRecord] {
        try read { db in try AnswerRecord.order(Column("answeredAt")).fetchAll(db) }
    }

    public func exams() throws -> [ExamRecord] {
        try read { db in try ExamRecord.order(Column("takenAt")).fetchAll(db) }
    }

    /// Readiness per domain from the latest answer to each question.
    public func readiness() throws -> [DomainReadiness] {
        let all = try answers()
        var latest: [String: AnswerRecord] = [:]
        for a in all { latest[a.questionID] = a }
        var byDomain: [String: (Int, Int)] = [:]
        for a in latest.values {
            var v = byDomain[a.domain] ?? (0, 0)
            v.0 += a.correct ? 1 : 0
            v.1 += 1
            byDomain[a.domain] = v
        }
        return byDomain.keys.sorted().map { DomainReadiness(domain: $0, correct: byDomain[$0]!.0, seen: byDomain[$0]!.1) }
    }
}

/// One answered question.
public struct AnswerRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "answer"
    public var questionID: String
    public var revision: Int
    public var domain: String
    public var correct: Bool
    /// "quiz", "exam" or "review".
    public var mode: String
    public var answeredAt: Date

    public init(questionID: String, revision: Int, domain: String, correct: Bool, mode: String, answeredAt: Date) {
        self.questionID = questionID
        self.revision = revision
        self.domain = domain
        self.correct = correct
        self.mode = mode
        self.answeredAt = answeredAt
    }
}

/// One graded exam.
public struct ExamRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "exam"
    public var seed: Int64
    public var correct: Int
    public var total: Int
    public var passed: Bool
    public var takenAt: Date

    public init(seed: Int64, correct: Int, total: Int, passed: Bool, takenAt: Date) {
        self.seed = seed
        self.correct = correct
        self.total = total
        self.passed = passed
        self.takenAt = takenAt
    }
}

/// How a learner stands in one domain: questions seen and answered correctly last time.
public struct DomainReadiness: Sendable, Equatable {
    public var domain: String
    public var correct: Int
    public var seen: Int
    public var percent: Double { seen == 0 ? 0 : Double(correct) * 100 / Double(seen) }

    public init(domain: String, correct: Int, seen: Int) {
        self.domain = domain
        self.correct = correct
        self.seen = seen
    }
}
