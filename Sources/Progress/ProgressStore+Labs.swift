import Foundation
import GRDB

/// Lab progress: every check of an answer and every hint shown, keyed by lab id.
extension ProgressStore {
    static func registerLabMigrations(_ m: inout DatabaseMigrator) {
        m.registerMigration("labs-v1") { db in
            try db.create(table: "labAttempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("labID", .text).notNull().indexed()
                t.column("passed", .boolean).notNull()
                t.column("failedChecks", .integer).notNull()
                t.column("checkedAt", .datetime).notNull()
            }
            try db.create(table: "labHint") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("labID", .text).notNull().indexed()
                t.column("tier", .integer).notNull()
                t.column("shownAt", .datetime).notNull()
            }
        }
    }

    /// Records one check of an answer.
    public func recordLabAttempt(_ a: LabAttempt) throws {
        try write { db in try a.insert(db) }
    }

    /// Records that a hint (tier 1 = nudge, 2 = pointer, 3 = near-solution) was shown.
    public func recordHint(labID: String, tier: Int, at date: Date) throws {
        try write { db in try LabHintRecord(labID: labID, tier: tier, shownAt: date).insert(db) }
    }

    /// Where the learner stands on each lab they have touched.
    public func labProgress() throws -> [String: LabProgress] {
        try read { db in
            var out: [String: LabProgress] = [:]
            for a in try LabAttempt.order(Column("checkedAt")).fetchAll(db) {
                var p = out[a.labID] ?? LabProgress(labID: a.labID)
                p.attempts += 1
                if a.passed && p.passedAt == nil { p.passedAt = a.checkedAt }
                out[a.labID] = p
            }
            for h in try LabHintRecord.fetchAll(db) {
                var p = out[h.labID] ?? LabProgress(labID: h.labID)
                p.hintsUsed = max(p.hintsUsed, h.tier)
                out[h.labID] = p
            }
            return out
        }
    }
}

/// One check of a lab answer.
public struct LabAttempt: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "labAttempt"
    public var labID: String
    public var passed: Bool
    public var failedChecks: Int
    public var checkedAt: Date

    public init(labID: String, passed: Bool, failedChecks: Int, checkedAt: Date) {
        self.labID = labID
        self.passed = passed
        self.failedChecks = failedChecks
        self.checkedAt = checkedAt
    }
}

struct LabHintRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "labHint"
    var labID: String
    var tier: Int
    var shownAt: Date
}

/// A learner's standing on one lab: attempts, when it first passed, the highest hint tier seen.
public struct LabProgress: Sendable, Equatable {
    public var labID: String
    public var attempts = 0
    public var passedAt: Date?
    public var hintsUsed = 0

    public init(labID: String) { self.labID = labID }
    public var passed: Bool { passedAt != nil }
}
