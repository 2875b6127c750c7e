import Exam

/// What a learner typed at a quiz or review prompt: option letters, or why it is not an
/// answer. A typo or an empty line is not graded; the prompt asks again (as the exam does).
enum QuestionReply {
    /// The chosen option ids (letters are as `order` shows the options), or the message to
    /// show before asking again.
    static func parse(_ reply: String, for q: Question, order: OptionOrder) -> Result<Set<String>, QuestionReplyError> {
        let text = reply.trimmingCharacters(in: .whitespaces).lowercased()
        let letters = order.letters
        let list = letters.joined(separator: ", ")
        if text.isEmpty {
            return .failure(.init(message: "type " + (q.kind == .single ? "one letter" : "the letters") + " (\(list)); Ctrl-C skips"))
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        // "a", "a,c", "a c", "ac": every character of every word must be a letter shown.
        var chosen: [String] = []
        for word in words {
            for ch in word {
                guard let id = order.id(of: String(ch)) else {
                    return .failure(.init(message: "`\(text)` is not an answer: the options are \(list)"))
                }
                if !chosen.contains(id) { chosen.append(id) }
            }
        }
        if q.kind == .single && chosen.count != 1 {
            return .failure(.init(message: "this question has one answer: type one letter (\(list))"))
        }
        return .success(Set(chosen))
    }
}

/// Why a reply is not an answer.
struct QuestionReplyError: Error {
    var message: String
}
