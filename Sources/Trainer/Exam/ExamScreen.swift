import Exam
import Foundation
import Terminal

/// The interactive exam as text: the question screen, the review screen, help, and the
/// report after submitting. Pass and fail are always words; colour only adds to them.
public struct ExamScreen {
    var style: Style
    /// Columns to wrap at (the terminal's, else 88); code blocks are never re-wrapped.
    var width: Int? = 88

    static let controls = """
    Controls: type letters to answer (a, or a,c for several); f flags the question for review; \
    n / p next and previous; g N (or just N) goes to question N; r shows the review screen; \
    - clears the answer; submit ends the exam; ? shows this help.
    """

    func intro(_ s: ExamSession, seed: UInt64, passPercent: Int) -> String {
        let minutes = Int(s.duration / 60)
        return style.bold("KCSA practice exam") + ": \(s.questionCount) questions, \(minutes) minutes, pass mark "
            + "\(passPercent)%.\n"
            + "Seed \(seed): `kcsa exam --seed \(seed)` gives the same paper again.\n"
            + wrap(Self.controls) + "\n"
            + "Explanations come after you submit. Ctrl-C asks whether to abandon; Ctrl-D submits.\n"
    }

    func question(_ s: ExamSession, _ index: Int, now: Date) -> String {
        let q = s.paper.questions[index]
        var head = "Question \(index + 1) of \(s.questionCount)  -  \(ExamSession.clock(s.remaining(at: now))) left"
        if s.isFlagged(index) { head += "  -  " + style.yellow("flagged") }
        var out = "\n" + style.bold(head) + "\n"
        out += style.dim("[\(q.domain) / \(q.subtopic)]") + "\n"
        out += wrap(q.question.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n"
        for (letter, o) in s.paper.order(of: q).shown(q) { out += option(letter, o.text, indent: "  ") + "\n" }
        out += q.kind == .single ? "Choose one answer." : "Choose all that apply (e.g. a,c)."
        let chosen = s.chosenLetters(index)
        if !chosen.isEmpty { out += "  Your answer: " + chosen.joined(separator: ",") }
        return out + "\n"
    }

    func prompt(_ s: ExamSession, now: Date) -> (text: String, sgr: String) {
        if s.phase == .confirmingSubmit { return ("submit anyway? [y/N] ", "1;33") }
        let left = s.remaining(at: now)
        return ("exam \(s.current + 1)/\(s.questionCount) \(ExamSession.clock(left))> ", left <= 300 ? "1;31" : "1;33")
    }

    func review(_ s: ExamSession, now: Date) -> String {
        let entries = s.reviewEntries
        let answered = entries.filter(\.answered).count
        let flagged = entries.filter(\.flagged).count
        var out = "\n" + style.bold("Review") + ": \(answered) answered, \(entries.count - answered) unanswered, "
            + "\(flagged) flagged  -  \(ExamSession.clock(s.remaining(at: now))) left\n"
        for e in entries {
            let state = e.answered ? "answered    " + e.chosen.joined(separator: ",").padding(toLength: 10, withPad: " ", startingAt: 0)
                : style.yellow("unanswered") + String(repeating: " ", count: 12)
            let row = String(format: "  %3d  ", e.number) + state + (e.flagged ? style.yellow("flagged") : "")
            out += String(row.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        }
        out += "g N goes to a question; submit ends the exam.\n"
        return out
    }

    func warning(_ minutes: Int) -> String {
        style.yellow("\(minutes) minutes remain.") + (minutes == 5 ? " Check your flagged and unanswered questions (r)." : "") + "\n"
    }

    func confirm(unanswered: Int, flagged: Int) -> String {
        var open: [String] = []
        if unanswered > 0 { open.append("\(unanswered) unanswered") }
        if flagged > 0 { open.append("\(flagged) flagged") }
        return "You have " + open.joined(separator: " and ") + " question" + (unanswered + flagged == 1 ? "" : "s")
            + ". Unanswered questions count as wrong.\n"
    }

    func submitted(_ reason: ExamSession.SubmitReason) -> String {
        switch reason {
        case .learner: "\nExam submitted.\n"
        case .timeUp: "\n" + style.red("Time is up") + ": the exam was submitted with the answers given so far.\n"
        case .endOfInput: "\nEnd of input: the exam was submitted with the answers given so far.\n"
        }
    }

    /// The report: the score, each domain against the pass line, then every missed item
    /// with the correct answer and its explanation.
    func report(_ r: ExamResult) -> String {
        let line = Double(r.passPercent)
        var out = style.bold("Score") + String(format: ": %d/%d (%.1f%%)  ", r.correct, r.items.count, r.percent)
            + verdict(r.passed) + " (pass mark \(r.passPercent)%)\n\n"
        out += style.bold("By domain") + " (each against the \(r.passPercent)% line)\n"
        for d in r.domains where d.total > 0 {
            out += "  " + d.title.padding(toLength: 42, withPad: " ", startingAt: 0)
                + String(format: "%2d/%-2d %5.1f%%  ", d.correct, d.total, d.percent) + verdict(d.percent >= line) + "\n"
        }
        let missed = r.items.enumerated().filter { !$0.element.correct }
        if missed.isEmpty { return out + "\nNo missed questions.\n" }
        out += "\n" + style.bold("Missed questions") + " (\(missed.count))\n"
        for (i, item) in missed {
            let q = item.question
            out += "\n" + style.bold("\(i + 1). \(q.id)") + " " + style.dim("[\(q.domain) / \(q.subtopic)]") + "\n"
            out += wrap(q.question.trimmingCharacters(in: .whitespacesAndNewlines), indent: "   ") + "\n"
            let given = item.chosen.isEmpty ? "no answer" : item.order.letters(of: item.chosen).joined(separator: ",")
            out += "   You answered: \(given)\n"
            for (letter, o) in item.order.shown(q) where q.answer.contains(o.id) {
                out += option(letter, o.text, indent: "   " + style.green("Correct") + ": ") + "\n"
            }
            out += wrap(q.explanation.trimmingCharacters(in: .whitespacesAndNewlines), indent: "   ") + "\n"
            out += style.dim("   Sources: " + q.sources.joined(separator: " ")) + "\n"
        }
        return out
    }

    func verdict(_ passed: Bool) -> String { passed ? style.green("PASS") : style.red("NOT PASSED") }

    /// `a) text` (the letter shown, not the option's id), wrapped under its own text.
    func option(_ id: String, _ text: String, indent: String) -> String {
        let visible = indent.replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        let hanging = String(repeating: " ", count: visible.count + id.count + 2)
        let body = wrap(text, indent: hanging)
        return indent + "\(id)) " + body.dropFirst(hanging.count)
    }

    /// Wraps text at the screen's width (paragraphs kept, fenced code verbatim).
    func wrap(_ text: String, indent: String = "") -> String {
        Self.wrap(text, indent: indent, width: width)
    }

    /// Each line indented by `indent` and wrapped under it; ``` fenced code and JSON stay as written.
    static func wrap(_ text: String, indent: String = "", width: Int? = 88) -> String {
        let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
        return TextWrap.wrap(indented.joined(separator: "\n"), width: width, hanging: nil)
    }
}
