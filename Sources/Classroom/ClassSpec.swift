import Foundation

/// A class as the instructor wrote it in `class.yaml`: the labs in order with their due
/// dates and points, an optional exam, and the salt every learner's seeds derive from.
public struct ClassSpec: Sendable, Equatable, Codable {
    /// One lab of the class.
    public struct LabItem: Sendable, Equatable, Codable {
        public var id: String
        /// Points for passing it (the grade is all or nothing per lab).
        public var points: Int
        public var due: Date?

        public init(id: String, points: Int = ClassSpec.defaultLabPoints, due: Date? = nil) {
            self.id = id
            self.points = points
            self.due = due
        }
    }

    /// The class's exam: a paper of `questions` drawn from each learner's own paper seed.
    public struct ExamItem: Sendable, Equatable, Codable {
        public var questions: Int
        /// Points for 100%; the exam earns `percent * points / 100`, rounded down.
        public var points: Int
        public var due: Date?

        public init(questions: Int, points: Int = ClassSpec.defaultExamPoints, due: Date? = nil) {
            self.questions = questions
            self.points = points
            self.due = due
        }
    }

    public static let defaultLabPoints = 10
    public static let defaultExamPoints = 20
    /// Limits on what one class file may hold (bad input gets a clear error, not a long run).
    public static let maxLabs = 200
    public static let maxPoints = 10_000
    public static let maxExamQuestions = 200

    public var id: String
    public var title: String
    public var labs: [LabItem]
    public var exam: ExamItem?
    /// The instructor's secret (hex): never written into a handout.
    public var salt: String

    public init(id: String, title: String, labs: [LabItem], exam: ExamItem? = nil, salt: String) {
        self.id = id
        self.title = title
        self.labs = labs
        self.exam = exam
        self.salt = salt
    }

    public func lab(_ id: String) -> LabItem? { labs.first { $0.id == id } }

    /// The highest total a learner can reach.
    public var maxTotal: Int { labs.reduce(0) { $0 + $1.points } + (exam?.points ?? 0) }

    /// A fresh random salt: 32 bytes as hex.
    public static func newSalt() -> String {
        var g = SystemRandomNumberGenerator()
        return SHA256.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &g) })
    }
}

/// ISO 8601 dates as class files, bundles and exports write them (UTC, seconds).
public enum ClassDate {
    public static func format(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// `2026-12-20T18:00:00Z`, an offset, fractional seconds, or a bare date (the end of
    /// that day, UTC).
    public static func parse(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withFullDate]
        if let d = f.date(from: text) { return d.addingTimeInterval(86_399) }
        return nil
    }
}
