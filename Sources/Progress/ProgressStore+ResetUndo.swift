import Foundation
import GRDB

/// `reset` keeps what it removed until the next reset, so the last one can be undone:
/// the lab attempts and hints move into `resetUndo*` tables (with the drafts the caller
/// hands over), and `undoLastReset` moves them back.
extension ProgressStore {
    static func registerResetUndoMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("labs-v2-reset-undo") { db in
            try db.create(table: "resetUndo") { t in
                t.column("labID", .text)
                t.column("resetAt", .datetime).notNull()
            }
            try db.create(table: "resetUndoAttempt") { t in
                t.column("labID", .text).notNull()
                t.column("passed", .boolean).notNull()
                t.column("failedChecks", .integer).notNull()
                t.column("checkedAt", .datetime).notNull()
            }
            try db.create(table: "resetUndoHint") { t in
                t.column("labID", .text).notNull()
                t.column("tier", .integer).notNull()
                t.column("shownAt", .datetime).notNull()
            }
            try db.create(table: "resetUndoDraft") { t in
                t.column("labID", .text).notNull()
                t.column("text", .text).notNull()
            }
        }
    }

    /// Forgets one lab's attempts and hints (nil: every lab's), keeping them and `drafts`
    /// (lab id -> text) for `undoLastReset`; the undo of an earlier reset is dropped.
    /// Returns what was removed.
    @discardableResult
    public func resetLabs(_ labID: String?, keepingDrafts drafts: [String: String], at date: Date) throws -> ResetSummary {
        try write { db in
            for table in ["resetUndo", "resetUndoAttempt", "resetUndoHint", "resetUndoDraft"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            let filter = labID == nil ? "" : " WHERE labID = ?"
            let args: StatementArguments = labID.map { [$0] } ?? []
            try db.execute(sql: "INSERT INTO resetUndo (labID, resetAt) VALUES (?, ?)", arguments: [labID, date])
            try db.execute(sql: "INSERT INTO resetUndoAttempt SELECT labID, passed, failedChecks, checkedAt FROM labAttempt"
                           + filter, arguments: args)
            try db.execute(sql: "INSERT INTO resetUndoHint SELECT labID, tier, shownAt FROM labHint" + filter, arguments: args)
            for (id, text) in drafts {
                try db.execute(sql: "INSERT INTO resetUndoDraft (labID, text) VALUES (?, ?)", arguments: [id, text])
            }
            let summary = try Self.undoSummary(db)
            try db.execute(sql: "DELETE FROM labAttempt" + filter, arguments: args)
            try db.execute(sql: "DELETE FROM labHint" + filter, arguments: args)
            return summary
        }
    }

    /// Puts back what the last reset removed, and returns it (its drafts for the caller
    /// to write back); nil when there is nothing to undo.
    public func undoLastReset() throws -> ResetSummary? {
        try write { db in
            guard try Row.fetchOne(db, sql: "SELECT labID FROM resetUndo") != nil else { return nil }
            let summary = try Self.undoSummary(db)
            try db.execute(sql: "INSERT INTO labAttempt (labID, passed, failedChecks, checkedAt) "
                           + "SELECT labID, passed, failedChecks, checkedAt FROM resetUndoAttempt")
            try db.execute(sql: "INSERT INTO labHint (labID, tier, shownAt) SELECT labID, tier, shownAt FROM resetUndoHint")
            for table in ["resetUndo", "resetUndoAttempt", "resetUndoHint", "resetUndoDraft"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            return summary
        }
    }

    /// What the undo tables hold.
    private static func undoSummary(_ db: Database) throws -> ResetSummary {
        let lab = try String.fetchOne(db, sql: "SELECT labID FROM resetUndo")
        let passed = try String.fetchAll(db, sql: "SELECT DISTINCT labID FROM resetUndoAttempt WHERE passed ORDER BY labID")
        let attempts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM resetUndoAttempt") ?? 0
        let hints = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT labID || ':' || tier) FROM resetUndoHint") ?? 0
        var drafts: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT labID, text FROM resetUndoDraft") { drafts[row["labID"]] = row["text"] }
        return ResetSummary(labID: lab, passedLabs: passed, attempts: attempts, hints: hints, drafts: drafts)
    }
}

/// What a reset removed (and an undo puts back).
public struct ResetSummary: Sendable, Equatable {
    /// The lab reset, nil for every lab.
    public var labID: String?
    /// The labs whose pass was removed.
    public var passedLabs: [String]
    public var attempts: Int
    public var hints: Int
    /// The drafts removed, lab id -> text.
    public var drafts: [String: String]
}
