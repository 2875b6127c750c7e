import Exam
import Foundation
import GRDB

extension ProgressStore {
    /// The one rule for recording a lab check: the attempt, and the lab's review card, in
    /// one transaction (a kill between the two leaves neither).
    /// A failed check makes the lab a review card (or counts a lapse on a card that was
    /// due); retrying a lab many times in one sitting does not pile up lapses, and a pass
    /// counts as a correct review.
    public func recordLabCheck(labID: String, passed: Bool, failedChecks: Int, at now: Date) throws {
        try write { db in
            try LabAttempt(labID: labID, passed: passed, failedChecks: failedChecks, checkedAt: now).insert(db)
            let card = try ReviewCardRecord.fetchOne(db, key: ["kind": ReviewItemKind.lab.rawValue, "itemID": labID])?.card
            if passed {
                _ = try Self.reviewOutcome(db, itemKind: .lab, itemID: labID, correct: true, at: now)
            } else if card == nil || card!.isDue(at: now) {
                _ = try Self.reviewOutcome(db, itemKind: .lab, itemID: labID, correct: false, at: now)
            }
        }
    }
}
