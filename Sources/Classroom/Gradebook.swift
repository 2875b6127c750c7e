import Foundation
import GRDB

/// The instructor's gradebook: SQLite through GRDB in the class folder
/// (`gradebook.sqlite`), with migrations. It keeps every submission (the bundle itself
/// included, so nothing is lost), the grades of its answers and every rejection. A
/// learner's current submission is their newest by creation time; older ones stay.
public final class Gradebook: Sendable {
    let db: DatabaseQueue

    public static let fileName = "gradebook.sqlite"

    /// A gradebook in memory (tests).
    public init() throws {
        db = try DatabaseQueue()
        try Self.migrator.migrate(db)
    }

    public init(path: String) throws {
        db = try DatabaseQueue(path: path)
        try Self.migrator.migrate(db)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("gradebook-v1") { db in
            try db.create(table: "submission") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("learnerID", .text).notNull().indexed()
                t.column("file", .text).notNull()
                t.column("bundleDigest", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
                t.column("gradedAt", .datetime).notNull()
                t.column("bundle", .blob).notNull()
            }
            try db.create(table: "attemptGrade") { t in
                t.column("submissionID", .integer).notNull().indexed().references("submission", onDelete: .cascade)
                t.column("labID", .text).notNull()
                t.column("number", .integer).notNull()
                t.column("at", .datetime).notNull()
                t.column("passed", .boolean).notNull()
                t.column("failedChecks", .text).notNull()
                t.column("error", .text)
            }
            try db.create(table: "labHint") { t in
                t.column("submissionID", .integer).notNull().indexed().references("submission", onDelete: .cascade)
                t.column("labID", .text).notNull()
                t.column("tier", .integer).notNull()
            }
            try db.create(table: "examGrade") { t in
                t.column("submissionID", .integer).notNull().unique().references("submission", onDelete: .cascade)
                t.column("seed", .integer).notNull()
                t.column("correct", .integer).notNull()
                t.column("total", .integer).notNull()
                t.column("percent", .double).notNull()
                t.column("passed", .boolean).notNull()
                t.column("at", .datetime).notNull()
                t.column("paperMatched", .boolean).notNull()
            }
            try db.create(table: "rejection") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("file", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("at", .datetime).notNull()
            }
        }
        return m
    }

    /// What recording a run changed, for the instructor's summary.
    public struct Outcome: Sendable, Equatable {
        /// Files graded again (the same file was graded before).
        public var regraded: [String] = []
        /// (older file, newer file): the older one stays in the gradebook, the newer one counts.
        public var superseded: [Superseded] = []
    }

    /// An older submission that a newer one from the same learner replaces.
    public struct Superseded: Sendable, Equatable {
        public var learnerID: String
        public var older: String
        public var newer: String
    }

    /// Stores a grading run in one transaction.
    public func record(_ run: ClassGrader.Run, at now: Date) throws -> Outcome {
        try db.write { db in
            var outcome = Outcome()
            for r in run.rejected {
                try db.execute(sql: "INSERT INTO rejection (file, reason, at) VALUES (?, ?, ?)", arguments: [r.file, r.reason, now])
            }
            for g in run.graded {
                let before = try Self.current(db, learner: g.bundle.learnerID)
                let id: Int64
                if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM submission WHERE bundleDigest = ?",
                                                    arguments: [g.bundleDigest]) {
                    id = existing
                    outcome.regraded.append(g.file)
                    for table in ["attemptGrade", "labHint", "examGrade"] {
                        try db.execute(sql: "DELETE FROM \(table) WHERE submissionID = ?", arguments: [id])
                    }
                    try db.execute(sql: "UPDATE submission SET gradedAt = ?, file = ? WHERE id = ?", arguments: [now, g.file, id])
                } else {
                    try db.execute(sql: """
                        INSERT INTO submission (learnerID, file, bundleDigest, createdAt, gradedAt, bundle)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [g.bundle.learnerID, g.file, g.bundleDigest, g.bundle.createdAt, now, g.bundle.encoded()])
                    id = db.lastInsertedRowID
                }
                try insertGrades(db, id, g)
                if let before, before.id != id, let after = try Self.current(db, learner: g.bundle.learnerID) {
                    let older = after.id == id ? before.file : g.file
                    let newer = after.id == id ? g.file : before.file
                    outcome.superseded.append(.init(learnerID: g.bundle.learnerID, older: older, newer: newer))
                }
            }
            return outcome
        }
    }

    private func insertGrades(_ db: Database, _ id: Int64, _ g: GradedSubmission) throws {
        for a in g.attempts {
            try db.execute(sql: """
                INSERT INTO attemptGrade (submissionID, labID, number, at, passed, failedChecks, error)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, a.labID, a.number, a.at, a.passed, a.failedChecks.joined(separator: "\n"), a.error])
        }
        for (lab, tier) in g.hints.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO labHint (submissionID, labID, tier) VALUES (?, ?, ?)", arguments: [id, lab, tier])
        }
        if let e = g.exam {
            try db.execute(sql: """
                INSERT INTO examGrade (submissionID, seed, correct, total, percent, passed, at, paperMatched)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, Int64(bitPattern: e.seed), e.correct, e.total, e.percent, e.passed, e.at, e.paperMatched])
        }
    }

    struct Head {
        var id: Int64
        var file: String
    }

    /// The learner's newest submission (by creation time, then by arrival).
    static func current(_ db: Database, learner: String) throws -> Head? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, file FROM submission WHERE learnerID = ? ORDER BY createdAt DESC, id DESC LIMIT 1
            """, arguments: [learner]) else { return nil }
        return Head(id: row["id"], file: row["file"])
    }

    /// Every learner's current submission, graded.
    public func currentWork() throws -> [String: LearnerWork] {
        try db.read { db in
            var out: [String: LearnerWork] = [:]
            let learners = try String.fetchAll(db, sql: "SELECT DISTINCT learnerID FROM submission")
            for learner in learners {
                guard let head = try Self.current(db, learner: learner) else { continue }
                var work = LearnerWork(learnerID: learner, file: head.file)
                work.submissions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission WHERE learnerID = ?",
                                                    arguments: [learner]) ?? 1
                for row in try Row.fetchAll(db, sql: """
                    SELECT labID, number, at, passed, failedChecks, error FROM attemptGrade
                    WHERE submissionID = ? ORDER BY labID, number
                    """, arguments: [head.id]) {
                    let failed: String = row["failedChecks"]
                    work.attempts.append(AttemptGrade(labID: row["labID"], number: row["number"], at: row["at"],
                                                      passed: row["passed"],
                                                      failedChecks: failed.isEmpty ? [] : failed.components(separatedBy: "\n"),
                                                      error: row["error"]))
                }
                for row in try Row.fetchAll(db, sql: "SELECT labID, tier FROM labHint WHERE submissionID = ?",
                                            arguments: [head.id]) {
                    work.hints[row["labID"]] = row["tier"]
                }
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM examGrade WHERE submissionID = ?", arguments: [head.id]) {
                    let seed: Int64 = row["seed"]
                    work.exam = ExamGrade(seed: UInt64(bitPattern: seed), correct: row["correct"], total: row["total"],
                                          percent: row["percent"], passed: row["passed"], at: row["at"], paperMatched: row["paperMatched"])
                }
                out[learner] = work
            }
            return out
        }
    }

    /// How many submissions are stored (current and superseded) and how many were rejected.
    public func counts() throws -> (submissions: Int, rejections: Int) {
        try db.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rejection") ?? 0)
        }
    }
}

/// A learner's current submission as the gradebook holds it.
public struct LearnerWork: Sendable, Equatable {
    public var learnerID: String
    public var file: String
    /// How many submissions of this learner are stored (the superseded ones included).
    public var submissions = 1
    public var attempts: [AttemptGrade] = []
    public var hints: [String: Int] = [:]
    public var exam: ExamGrade?

    public init(learnerID: String, file: String) {
        self.learnerID = learnerID
        self.file = file
    }
}
