import Diagnostics

/// A generated question with the material its answer was computed from, so the answer
/// can be re-checked by a second, independent computation (`recheck()`).
public struct GeneratedItem: Sendable {
    public var question: Question
    var material: Material

    enum Material: Sendable {
        /// A policy and a request (level, stages and first-rule families).
        case audit(AuditScenario)
        /// A jq query over events; the events are the option texts.
        case jq(query: String)
    }

    init(question: Question, material: Material) {
        self.question = question
        self.material = material
    }

    /// The family of this item, from its id.
    public var family: GeneratedFamily? { GeneratedFamily.parse(id: question.id)?.family }
}

/// One option while a question is being put together.
struct OptionDraft {
    var text: String
    var why: String
    var correct: Bool
}

extension Question {
    /// A generated question: options get ids a, b, c... in the order given, the kind follows
    /// the number of correct options, and a multiple-answer stem says how many to choose.
    static func generated(stem: String, options drafts: [OptionDraft], explanation: String, sources: [String]) -> Question {
        var seen = Set<String>()
        let unique = drafts.filter { seen.insert($0.text).inserted }
        let ids = ["a", "b", "c", "d", "e"]
        let options = unique.prefix(ids.count).enumerated().map { i, d in Option(id: ids[i], text: d.text, why: d.why) }
        let answer = unique.prefix(ids.count).enumerated().filter { $0.element.correct }.map { ids[$0.offset] }
        let kind: Kind = answer.count == 1 ? .single : .multiple
        var text = stem
        if kind == .multiple {
            let words = [2: "two", 3: "three", 4: "four"]
            text += words[answer.count].map { " Choose \($0)." } ?? " Choose all that apply."
        }
        var q = Question(id: "", subtopic: GeneratedFamily.subtopic, kind: kind, revision: 1, question: text + "\n",
                         options: options, answer: answer, explanation: explanation, sources: sources)
        q.domain = GeneratedFamily.domain
        return q
    }
}
