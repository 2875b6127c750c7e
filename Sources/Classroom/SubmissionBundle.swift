import Foundation

/// What a learner hands in (`kcsa class submit`): answers, not scores. For each lab every
/// attempt's answer text and time, the hints seen, and the exam's chosen letters. The
/// instructor re-grades all of it; any result a bundle claims is not read.
public struct SubmissionBundle: Sendable, Equatable, Codable {
    public static let format = "kcsa-class-submission"
    public static let formatVersion = 1
    /// Limits on one bundle (bad input is reported, never a long run).
    public static let maxBytes = 32 << 20
    public static let maxAttemptsPerLab = 1_000
    public static let maxAnswerBytes = 1 << 20

    /// One check of an answer, as the learner's kcsa recorded it.
    public struct Attempt: Sendable, Equatable, Codable {
        public var answer: String
        public var at: Date

        public init(answer: String, at: Date) {
            self.answer = answer
            self.at = at
        }
    }

    /// Every attempt at one lab, oldest first.
    public struct LabWork: Sendable, Equatable, Codable {
        public var id: String
        public var hintsUsed: Int
        public var attempts: [Attempt]

        enum CodingKeys: String, CodingKey { case id, hintsUsed = "hints_used", attempts }

        public init(id: String, hintsUsed: Int, attempts: [Attempt]) {
            self.id = id
            self.hintsUsed = hintsUsed
            self.attempts = attempts
        }
    }

    /// The exam as answered: question id -> the letters chosen.
    public struct ExamWork: Sendable, Equatable, Codable {
        public var seed: UInt64
        public var answers: [String: [String]]
        public var at: Date

        public init(seed: UInt64, answers: [String: [String]], at: Date) {
            self.seed = seed
            self.answers = answers
            self.at = at
        }
    }

    public var format: String
    public var formatVersion: Int
    public var classID: String
    public var learnerID: String
    public var kcsaVersion: String
    public var contentDigest: String
    public var createdAt: Date
    public var labs: [LabWork]
    public var exam: ExamWork?

    enum CodingKeys: String, CodingKey {
        case format, formatVersion = "format_version", classID = "class", learnerID = "learner",
             kcsaVersion = "kcsa_version", contentDigest = "content_digest", createdAt = "created_at", labs, exam
    }

    public init(classID: String, learnerID: String, kcsaVersion: String, contentDigest: String, createdAt: Date,
                labs: [LabWork], exam: ExamWork?) {
        format = Self.format
        formatVersion = Self.formatVersion
        self.classID = classID
        self.learnerID = learnerID
        self.kcsaVersion = kcsaVersion
        self.contentDigest = contentDigest
        self.createdAt = createdAt
        self.labs = labs
        self.exam = exam
    }

    public func encoded() -> Data { ClassJSON.encode(self) }

    /// Reads a bundle, reporting by file name what makes it unusable (not JSON, truncated,
    /// another format, over a limit). Whether it belongs to the class is `ClassGrader`'s call.
    public static func decode(_ data: Data, name: String) throws(ClassFileError) -> SubmissionBundle {
        guard data.count <= maxBytes else { throw ClassFileError(name, "is larger than \(maxBytes >> 20) MiB") }
        guard !data.isEmpty else { throw ClassFileError(name, "is empty") }
        let b: SubmissionBundle = try ClassJSON.decode(data, name: name, what: "a kcsa submission")
        guard b.format == format else { throw ClassFileError(name, "is not a kcsa submission (format \"\(b.format)\")") }
        guard b.formatVersion == formatVersion else {
            throw ClassFileError(name, "has submission format_version \(b.formatVersion); this kcsa reads \(formatVersion)")
        }
        for lab in b.labs {
            if lab.attempts.count > maxAttemptsPerLab {
                throw ClassFileError(name, "has \(lab.attempts.count) attempts at \(lab.id); at most \(maxAttemptsPerLab)")
            }
            if let big = lab.attempts.first(where: { $0.answer.utf8.count > maxAnswerBytes }) {
                throw ClassFileError(name, "has an answer to \(lab.id) of \(big.answer.utf8.count) bytes; at most \(maxAnswerBytes)")
            }
        }
        return b
    }
}
