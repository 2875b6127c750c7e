import ContentFormat
import Diagnostics

/// The rules of `docs/QUESTION_FORMAT.md`, checked one question at a time.
enum QuestionChecks {
    static func check(_ q: Question, curriculum: Curriculum) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func error(_ message: String, help: String? = nil) {
            out.append(.error("\(q.id): \(message)", help: help, code: "question"))
        }
        if !ContentID.isValid(q.id) { error("the id must be kebab-case") }
        if let prefix = QuestionBank.prefixes[q.domain], !q.id.hasPrefix(prefix) {
            error("the id must start with \"\(prefix)\" in domain \(q.domain)")
        }
        if let domain = curriculum.domain(q.domain) {
            if !domain.subtopics.contains(q.subtopic) {
                let guess = DidYouMean.suggest(q.subtopic, among: domain.subtopics)
                error("subtopic \"\(q.subtopic)\" is not one of \(q.domain)'s", help: guess.map { "did you mean \"\($0)\"?" })
            }
        } else {
            error("domain \"\(q.domain)\" is not in the curriculum")
        }
        if q.revision < 1 { error("revision must be 1 or more") }
        if !(3...5).contains(q.options.count) { error("a question has 3 to 5 options, not \(q.options.count)") }
        let expectedIDs = ["a", "b", "c", "d", "e"].prefix(q.options.count)
        if q.options.map(\.id) != Array(expectedIDs) {
            error("option ids must be \(expectedIDs.joined(separator: ", ")) in order")
        }
        for o in q.options where o.text.trimmingCharacters(in: .whitespaces).isEmpty || o.why.trimmingCharacters(in: .whitespaces).isEmpty {
            error("option \(o.id) needs a text and a why")
        }
        let ids = Set(q.options.map(\.id))
        for a in q.answer where !ids.contains(a) { error("answer \"\(a)\" is not an option") }
        if Set(q.answer).count != q.answer.count { error("the answer lists an option twice") }
        switch q.kind {
        case .single where q.answer.count != 1:
            error("a single-answer question has exactly one answer, not \(q.answer.count)")
        case .multiple where q.answer.count < 2 || q.answer.count >= q.options.count:
            error("a multiple-answer question has at least two answers and at least one wrong option")
        default: break
        }
        if q.question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { error("the stem is empty") }
        if q.explanation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { error("the explanation is empty") }
        if q.sources.isEmpty {
            error("at least one source is required", help: "a kubernetes.io page, a CNCF page or the apiserver code")
        }
        for s in q.sources where !s.hasPrefix("https://") { error("source \(s) is not an https URL") }
        let authoritative = ["https://kubernetes.io/", "https://github.com/kubernetes/", "https://www.cncf.io/",
                             "https://github.com/cncf/", "https://www.linuxfoundation.org/", "https://training.linuxfoundation.org/",
                             "https://tag-security.cncf.io/", "https://landscape.cncf.io/"]
        if !q.sources.isEmpty && !q.sources.contains(where: { s in authoritative.contains { s.hasPrefix($0) } }) {
            error("no source is a kubernetes.io, CNCF/LF page or Kubernetes code")
        }
        return out
    }
}
