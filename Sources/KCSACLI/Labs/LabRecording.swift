import Exam
import Foundation
import Labs
import Progress

/// Records a lab check in the progress database: the attempt, and the lab's review card.
/// A failed check makes the lab a review card (or counts a lapse on a card that was due);
/// retrying a lab many times in one sitting does not pile up lapses.
enum LabRecording {
    static func record(_ report: LabReport, lab: Lab, in store: ProgressStore, at now: Date) throws {
        try store.recordLabAttempt(LabAttempt(labID: lab.id, passed: report.passed, failedChecks: report.failedCount,
                                              checkedAt: now))
        let card = try store.reviewCards().first { $0.kind == .lab && $0.itemID == lab.id }
        if report.passed {
            try store.recordReviewOutcome(itemKind: .lab, itemID: lab.id, correct: true, at: now)
        } else if card == nil || card!.isDue(at: now) {
            try store.recordLabMiss(labID: lab.id, at: now)
        }
    }
}
