import ClusterSim
import Yams

/// The KCSA curriculum: domains with their exam weights and subtopics. It is data
/// (`Questions/curriculum.yaml`), so a curriculum revision is a data change.
public struct Curriculum: Sendable, Codable, Equatable {
    public struct Exam: Sendable, Codable, Equatable {
        public var questions: Int
        public var minutes: Int
        public var passPercent: Int
    }

    public struct Domain: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var weight: Int
        public var subtopics: [String]
    }

    public var curriculum: String
    public var revision: String
    public var exam: Exam
    public var domains: [Domain]

    public func domain(_ id: String) -> Domain? { domains.first { $0.id == id } }

    public static func decode(_ text: String) throws -> Curriculum {
        try YAMLDecoder().decode(Curriculum.self, from: text)
    }
}
