import Foundation
import Terminal
import Labs
import Progress

/// Labs as text: the course list and one lab's task.
public enum LabText {
    /// The course list; with a `width`, long titles wrap under the title column.
    public static func list(_ labs: [Lab], progress: [String: LabProgress], style: Style, width: Int? = nil) -> String {
        let idWidth = labs.map(\.id.count).max() ?? 10
        // The kind column fits the longest kind (`netpol-predict`) and two spaces.
        let kindWidth = (labs.map(\.kind.rawValue.count).max() ?? 12) + 2
        let titleColumn = 4 + 7 + 1 + idWidth + 2 + kindWidth
        var out = ""
        var topic = ""
        for (i, lab) in labs.enumerated() {
            if lab.topic != topic {
                topic = lab.topic
                out += (out.isEmpty ? "" : "\n") + style.bold(topic) + "\n"
            }
            let p = progress[lab.id]
            let mark = p?.passed == true ? style.green("passed ") : (p?.attempts ?? 0) > 0 ? style.yellow("tried  ") : "       "
            let head = String(format: "%3d ", i + 1) + mark + " " + lab.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                + "  " + style.dim(lab.kind.rawValue.padding(toLength: kindWidth, withPad: " ", startingAt: 0))
            // On a narrow terminal the title gets a line of its own rather than a sliver of
            // one, or a hanging indent that TextWrap would cap short of its column.
            if let width, titleColumn + 24 > width || titleColumn > width * 2 / 3 {
                out += TextWrap.wrap(String(head.reversed().drop { $0 == " " }.reversed()) + "\n      " + lab.title, width: width, hanging: 6) + "\n"
            } else {
                out += TextWrap.wrap(head + lab.title, width: width, hanging: titleColumn) + "\n"
            }
        }
        let passed = labs.count { progress[$0.id]?.passed == true }
        out += "\n\(passed) of \(labs.count) labs passed.\n"
        return out
    }

    /// What the task says besides its text: the scenario, the log a query runs on, and each
    /// engine's facts line.
    public static func facts(_ lab: Lab) -> [String] {
        var facts: [String] = []
        if let s = lab.scenario { facts.append("scenario \(s) (\(lab.duration))") }
        if case .query(let q) = lab.spec {
            facts.append("log under policy \(q.policy)")
            facts.append(q.slurp ? "the program reads the whole log as one array (jq -s)" : "the program runs on each event")
            facts.append("outputs compared " + (q.compare == .ordered ? "in order" : "in any order"))
        }
        return facts + PSSFindingText.facts(lab.spec) + NetPolText.facts(lab)
    }

    /// One lab's task, its facts and its starter. With a `width` (a terminal's), the task
    /// and the facts wrap at words; code in the task (fenced, or indented under its
    /// paragraph) and the starter never do.
    public static func task(_ lab: Lab, style: Style, width: Int? = nil) -> String {
        var out = TextWrap.wrap(style.bold("\(lab.title)") + "  [\(lab.id), \(lab.kind.rawValue) lab]", width: width) + "\n\n"
        let task = lab.task.trimmingCharacters(in: .whitespacesAndNewlines)
        out += (width == nil ? task : TextWrap.wrap(TextWrap.reflow(task), width: width, keepIndented: true)) + "\n"
        let facts = Self.facts(lab)
        if !facts.isEmpty { out += "\n" + TextWrap.wrap(style.dim(facts.joined(separator: "; ")), width: width) + "\n" }
        let connections = NetPolText.connections(lab)
        if !connections.isEmpty {
            out += "\n" + style.bold("Connections") + " (\(connections.count)):\n" + connections.map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        out += "\nYour answer: \(lab.kind.answerLanguage).\n"
        if !lab.starter.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out += "\n" + style.bold("Starter") + ":\n" + lab.starter.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
