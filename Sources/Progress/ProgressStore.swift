import Foundation
import GRDB

/// The learner's progress in SQLite: every answered question, every exam and the
/// spaced-review cards, keyed by question or lab id (never by position). Writes are
/// transactional; a damaged database is moved aside and reported, never silently dropped.
public final class ProgressStore: Sendable {
    let db: DatabaseQueue
    /// Set when an unreadable database was moved aside at open.
    public let recoveredFrom: String?

    /// A store in memory (tests).
    public init() throws {
        db = try DatabaseQueue()
        recoveredFrom = nil
        try Self.migrator.migrate(db)
    }

    /// The store at `path`, created if missing.
    public init(path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var moved: String?
        do {
            let queue = try DatabaseQueue(path: path)
            try Self.migrator.migrate(queue)
            db = queue
        } catch {
            // Keep the damaged file for inspection and start afresh.
            let aside = path + ".damaged-\(Int(Date().timeIntervalSince1970))"
            try? FileManager.default.moveItem(atPath: path, toPath: aside)
            moved = aside
            db = try DatabaseQueue(path: path)
            try Self.migrator.migrate(db)
        }
        recoveredFrom = moved
    }

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
        try db.write { db in try a.insert(db) }
    }

    /// Records an exam and all its answers in one transaction.
    public func recordExam(_ e: ExamRecord, answers: [AnswerRecord]) throws {
        try db.write { db in
            try e.insert(db)
            for a in answers { try a.insert(db) }
        }
    }

    public func answers() throws -> [AnswerRecord] {
        try db.read { db in try AnswerRecord.order(Column("answeredAt")).fetchAll(db) }
    }

    public func exams() throws -> [ExamRecord] {
        try db.read { db in try ExamRecord.order(Column("takenAt")).fetchAll(db) }
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
