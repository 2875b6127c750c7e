import Foundation
import GRDB

/// Small facts about the learner's sessions kept between them: the lab open last, so a
/// new session can offer to continue it.
extension ProgressStore {
    static func registerSessionMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("session-v1") { db in
            try db.create(table: "sessionFact") { t in
                t.column("key", .text).primaryKey()
                t.column("value", .text).notNull()
            }
        }
    }

    /// Remembers the lab the learner opened last.
    public func setLastLab(_ labID: String) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO sessionFact (key, value) VALUES ('lastLab', ?)", arguments: [labID])
        }
    }

    /// The lab opened last, if any.
    public func lastLab() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM sessionFact WHERE key = 'lastLab'") }
    }
}
