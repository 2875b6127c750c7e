/// One multiple-choice item of the bank (format_version 1, `docs/QUESTION_FORMAT.md`).
public struct Question: Sendable, Codable, Equatable, Identifiable {
    public enum Kind: String, Sendable, Codable {
        case single
        case multiple
    }

    public struct Option: Sendable, Codable, Equatable {
        public var id: String
        public var text: String
        public var why: String
    }

    public var id: String
    public var subtopic: String
    public var kind: Kind
    public var revision: Int
    public var question: String
    public var options: [Option]
    public var answer: [String]
    public var explanation: String
    public var sources: [String]
    /// The domain of the file the question came from (not written per question).
    public var domain: String = ""

    enum CodingKeys: String, CodingKey {
        case id, subtopic, kind, revision, question, options, answer, explanation, sources
    }

    /// Whether a set of chosen option ids is exactly the answer.
    public func isCorrect(_ chosen: Set<String>) -> Bool { chosen == Set(answer) }
}
