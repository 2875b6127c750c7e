import ContentFormat
import Diagnostics

/// Reads one question file (`docs/QUESTION_FORMAT.md`) with the content field reader, so
/// every schema problem names its line and column: a wrong type at the value, a missing
/// key at its mapping, an unknown key at the key with a "did you mean". A question with
/// a schema problem is left out; the file's other questions still load.
struct QuestionFileDecoder {
    /// A question and where its id is written (the caret for the bank's own checks).
    struct Decoded {
        var question: Question
        var idSpan: Span?
    }

    /// What one file yields: its domain (nil when unreadable), its sound questions and its problems.
    struct Result {
        var domain: String?
        var questions: [Decoded]
        var diagnostics: [Diagnostic]
    }

    static let fileKeys = "format_version, domain, questions"

    /// Decodes `source`; `expectedDomain` is the file name without `.yaml`.
    static func decode(_ source: SourceFile, expectedDomain: String) -> Result {
        var r = FieldReader(source: source)
        guard var root = r.document("a question file", keys: fileKeys) else {
            return Result(domain: nil, questions: [], diagnostics: r.diagnostics)
        }
        r.formatVersion(&root)
        let domain = r.string(&root, "domain", required: true)
        if let domain, domain != expectedDomain {
            r.error("domain \"\(domain)\" does not match the file name \"\(expectedDomain)\"",
                    at: root.valueSpan("domain"), help: "a question file is named after its domain: \(domain).yaml")
        }
        var questions: [Decoded] = []
        for item in r.sequence(&root, "questions", required: true) ?? [] {
            if var q = question(item, &r) {
                q.question.domain = domain ?? expectedDomain
                questions.append(q)
            }
        }
        r.finish(root)
        return Result(domain: domain, questions: questions, diagnostics: r.diagnostics)
    }

    /// One entry of `questions:`; nil when it does not have the schema.
    private static func question(_ item: YAMLItem, _ r: inout FieldReader) -> Decoded? {
        guard var f = r.mapping(item.node, path: item.path) else { return nil }
        let before = r.diagnostics.count
        let id = r.string(&f, "id", required: true)
        let subtopic = r.string(&f, "subtopic", required: true)
        let kind = self.kind(&f, &r)
        let revision = r.int(&f, "revision", required: true)
        let stem = r.string(&f, "question", required: true)
        let options = (r.sequence(&f, "options", required: true) ?? []).compactMap { option($0, &r) }
        let answer = r.strings(&f, "answer", required: true)
        let explanation = r.string(&f, "explanation", required: true)
        let sources = r.strings(&f, "sources", required: true)
        r.finish(f)
        guard r.diagnostics.count == before, let id, let subtopic, let kind, let revision, let stem, let answer,
              let explanation, let sources else { return nil }
        let q = Question(id: id, subtopic: subtopic, kind: kind, revision: revision, question: stem, options: options,
                         answer: answer, explanation: explanation, sources: sources)
        return Decoded(question: q, idSpan: f.valueSpan("id"))
    }

    private static func kind(_ f: inout YAMLFields, _ r: inout FieldReader) -> Question.Kind? {
        guard let text = r.string(&f, "kind", required: true) else { return nil }
        if let kind = Question.Kind(rawValue: text) { return kind }
        let guess = DidYouMean.suggest(text, among: ["single", "multiple"])
        r.error("`\(f.fieldPath("kind"))` must be single or multiple, not \"\(text)\"", at: f.valueSpan("kind"),
                help: guess.map { "did you mean \($0)?" })
        return nil
    }

    private static func option(_ item: YAMLItem, _ r: inout FieldReader) -> Question.Option? {
        guard var f = r.mapping(item.node, path: item.path) else { return nil }
        let id = r.string(&f, "id", required: true)
        let text = r.string(&f, "text", required: true)
        let why = r.string(&f, "why", required: true)
        r.finish(f)
        guard let id, let text, let why else { return nil }
        return Question.Option(id: id, text: text, why: why)
    }
}
