import Foundation

/// The instructor's grade of one attempt at one lab.
public struct AttemptGrade: Sendable, Equatable, Codable {
    public var labID: String
    /// 1 for the first attempt.
    public var number: Int
    /// When the learner checked it (as their machine recorded it).
    public var at: Date
    public var passed: Bool
    /// The names of the checks that failed.
    public var failedChecks: [String]
    /// Set when the answer could not be checked at all (a lab content problem).
    public var error: String?

    public init(labID: String, number: Int, at: Date, passed: Bool, failedChecks: [String], error: String? = nil) {
        self.labID = labID
        self.number = number
        self.at = at
        self.passed = passed
        self.failedChecks = failedChecks
        self.error = error
    }
}

/// The instructor's grade of the exam answers of one submission.
public struct ExamGrade: Sendable, Equatable, Codable {
    public var seed: UInt64
    public var correct: Int
    public var total: Int
    public var percent: Double
    /// Passed by the curriculum's pass mark.
    public var passed: Bool
    public var at: Date
    /// Whether the learner answered their own paper.
    public var paperMatched: Bool
}

/// One submission, re-graded: the bundle it came from and the grades of its answers.
public struct GradedSubmission: Sendable {
    public var file: String
    /// SHA-256 of the file, so the same file graded twice is one submission.
    public var bundleDigest: String
    public var bundle: SubmissionBundle
    public var attempts: [AttemptGrade]
    /// Lab id -> the highest hint tier the learner saw.
    public var hints: [String: Int]
    public var exam: ExamGrade?
    /// Things worth telling the instructor that do not stop the grading.
    public var notes: [String]
}
