import ContentFormat
import Diagnostics

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

    /// An empty curriculum, standing in when the file cannot be read.
    static let empty = Curriculum(curriculum: "", revision: "", exam: Exam(questions: 0, minutes: 0, passPercent: 0), domains: [])

    /// Reads `Questions/curriculum.yaml`: nil with the problems when its schema is broken.
    /// `format_version` is optional here (the file predates it); when given it must be 1.
    public static func decode(_ source: SourceFile) -> (curriculum: Curriculum?, diagnostics: [Diagnostic]) {
        var r = FieldReader(source: source)
        guard var root = r.document("the curriculum", keys: "curriculum, revision, exam, domains") else {
            return (nil, r.diagnostics)
        }
        if root.has("format_version") { r.formatVersion(&root) } else { root.allow(["format_version"]) }
        let name = r.string(&root, "curriculum", required: true)
        let revision = r.string(&root, "revision", required: true)
        let exam = r.mapping(&root, "exam", required: true).flatMap { examFields($0, &r) }
        var domains: [Domain] = []
        for item in r.sequence(&root, "domains", required: true) ?? [] {
            guard var f = r.mapping(item.node, path: item.path) else { continue }
            let id = r.string(&f, "id", required: true)
            if let id {
                r.checkID(id, at: f.valueSpan("id"), what: "domain id")
                if domains.contains(where: { $0.id == id }) {
                    r.error("domain \"\(id)\" is listed twice", at: f.valueSpan("id"), code: "duplicate-id")
                }
            }
            let title = r.string(&f, "title", required: true)
            let weight = r.int(&f, "weight", required: true)
            let subtopics = r.strings(&f, "subtopics", required: true)
            r.finish(f)
            if let id, let title, let weight, let subtopics {
                domains.append(Domain(id: id, title: title, weight: weight, subtopics: subtopics))
            }
        }
        r.finish(root)
        guard !r.hasErrors, let name, let revision, let exam else { return (nil, r.diagnostics) }
        return (Curriculum(curriculum: name, revision: revision, exam: exam, domains: domains), r.diagnostics)
    }

    private static func examFields(_ fields: YAMLFields, _ r: inout FieldReader) -> Exam? {
        var f = fields
        let questions = r.int(&f, "questions", required: true)
        let minutes = r.int(&f, "minutes", required: true)
        let pass = r.int(&f, "passPercent", required: true)
        r.finish(f)
        guard let questions, let minutes, let pass else { return nil }
        return Exam(questions: questions, minutes: minutes, passPercent: pass)
    }
}
