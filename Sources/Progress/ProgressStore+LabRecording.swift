import Exam
import Foundation

extension ProgressStore {
    /// The one rule for recording a lab check: the attempt, and the lab's review card.
    /// A failed check makes the lab a review card (or counts a lapse on a card that was
    /// due); retrying a lab many times in one sitting does not pile up lapses, and a pass
    /// counts as a correct review.
    public func recordLabCheck(labID: String, passed: Bool, failedChecks: Int, at now: Date) throws {
        try recordLabAttempt(LabAttempt(labID: labID, passed: passed, failedChecks: failedChecks, checkedAt: now))
        let card = try reviewCards().first { $0.kind == .lab && $0.itemID == labID }
        if passed {
            try recordReviewOutcome(itemKind: .lab, itemID: labID, correct: true, at: now)
        } else if card == nil || card!.isDue(at: now) {
            try recordLabMiss(labID: labID, at: now)
        }
    }
}
