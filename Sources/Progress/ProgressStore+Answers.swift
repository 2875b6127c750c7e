import Foundation
import GRDB

/// The texts behind the attempts: every checked lab answer and every exam's chosen letters,
/// so `kcsa class submit` can hand in answers (not scores) for the instructor to re-grade.
extension ProgressStore {
    static func registerAnswerMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("answers-v1") { db in
            try db.create(table: "labAnswer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("labID", .text).notNull().indexed()
                t.column("answer", .text).notNull()
                t.column("passed", .boolean).notNull()
                t.column("checkedAt", .datetime).notNull()
            }
            try db.create(table: "examChoice") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("seed", .integer).notNull().indexed()
                t.column("questionID", .text).notNull()
                t.column("letters", .text).notNull()
                t.column("answeredAt", .datetime).notNull()
            }
        }
    }

    /// Records a lab check (`recordLabCheck`'s rule) together with the answer's text.
    public func recordLabCheck(labID: String, passed: Bool, failedChecks: Int, answer: String, at now: Date) throws {
        try recordLabCheck(labID: labID, passed: passed, failedChecks: failedChecks, at: now)
        try db.write { db in
            try db.execute(sql: "INSERT INTO labAnswer (labID, answer, passed, checkedAt) VALUES (?, ?, ?, ?)",
                           arguments: [labID, answer, passed, now])
        }
    }

    /// Every recorded answer, oldest first.
    public func labAnswers() throws -> [LabAnswerRecord] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT labID, answer, passed, checkedAt FROM labAnswer ORDER BY checkedAt, id").map {
                LabAnswerRecord(labID: $0["labID"], answer: $0["answer"], passed: $0["passed"], checkedAt: $0["checkedAt"])
            }
        }
    }

    /// Records the letters chosen in one exam on paper `seed`.
    public func recordExamChoices(seed: UInt64, choices: [String: Set<String>], at now: Date) throws {
        try db.write { db in
            for (id, letters) in choices.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO examChoice (seed, questionID, letters, answeredAt) VALUES (?, ?, ?, ?)",
                               arguments: [Int64(bitPattern: seed), id, letters.sorted().joined(separator: ","), now])
            }
        }
    }

    /// The choices of the latest exam taken on paper `seed`, and when.
    public func latestExamChoices(seed: UInt64) throws -> (choices: [String: [String]], at: Date)? {
        try db.read { db in
            let s = Int64(bitPattern: seed)
            guard let at = try Date.fetchOne(db, sql: "SELECT MAX(answeredAt) FROM examChoice WHERE seed = ?", arguments: [s])
            else { return nil }
            var out: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT questionID, letters FROM examChoice WHERE seed = ? AND answeredAt = ?",
                                        arguments: [s, at]) {
                let letters: String = row["letters"]
                out[row["questionID"]] = letters.isEmpty ? [] : letters.components(separatedBy: ",")
            }
            return (out, at)
        }
    }
}

/// One checked lab answer as the learner wrote it.
public struct LabAnswerRecord: Sendable, Equatable {
    public var labID: String
    public var answer: String
    public var passed: Bool
    public var checkedAt: Date
}
