import Foundation
import Labs

/// The lab a learner has open and their answer so far. The answer is saved as a draft
/// after every change, so closing the session never loses it.
public struct LabSession: Sendable {
    public var lab: Lab
    public var answer: String
    /// Hint tiers already shown in this lab.
    public var hintsShown = 0

    public init(lab: Lab, answer: String) {
        self.lab = lab
        self.answer = answer
    }

    /// The answer with a final newline, as it is stored and checked.
    public static func normalized(_ text: String) -> String {
        text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
    }
}
