import Classroom
import Diagnostics
import Foundation
import JSONValue
import Labs
import Terminal
import Trainer

/// What the class commands share: loading the class folder with its problems drawn at
/// their lines, and the JSON forms of grading runs and boards.
enum ClassOutput {
    /// The class folder, or every problem of class.yaml and roster.csv on stderr (exit 2).
    static func load(_ dir: String, root: String) throws(CLIError) -> ClassFolder {
        let catalog = try LabLoading.catalog(root: root)
        do {
            return try ClassFolder.load(dir, knownLabs: catalog.labs.map(\.id))
        } catch {
            throw problems(error.items)
        }
    }

    /// Draws diagnostics on stderr and returns the error to throw (exit 2).
    static func problems(_ items: [(file: SourceFile?, diagnostic: Diagnostic)]) -> CLIError {
        let renderer = DiagnosticRenderer(color: Console.stderrColor)
        for item in items.dropLast() { Console.err(renderer.render(item.diagnostic, in: item.file) + "\n") }
        guard let last = items.last else { return CLIError("the class cannot be read") }
        // The last one is printed by KCSAMain as "kcsa: ..." after the others' carets.
        if let file = last.file {
            Console.err(renderer.render(last.diagnostic, in: file) + "\n")
            return CLIError("\(items.count) problem\(items.count == 1 ? "" : "s") in the class files")
        }
        return CLIError(last.diagnostic.message)
    }

    static func runJSON(_ run: ClassGrader.Run, outcome: Gradebook.Outcome, unreadable: [ClassGrader.Rejection]) -> JSON {
        .object([
            "graded": .array(run.graded.map { g in
                .object(["file": .string(g.file), "learner": .string(g.bundle.learnerID),
                         "attempts": .number(g.attempts.count),
                         "passed": .array(Array(Set(g.attempts.filter(\.passed).map(\.labID))).sorted().map(JSON.string)),
                         "exam": g.exam.map { .number($0.percent) } ?? .null,
                         "notes": .array(g.notes.map(JSON.string))])
            }),
            "rejected": .array((unreadable + run.rejected).map { .object(["file": .string($0.file), "reason": .string($0.reason)]) }),
            "superseded": .array(outcome.superseded.map {
                .object(["learner": .string($0.learnerID), "older": .string($0.older), "newer": .string($0.newer)])
            }),
            "regraded": .array(outcome.regraded.map(JSON.string)),
        ])
    }

    static func boardJSON(_ s: ClassStanding) -> JSON {
        .object([
            "class": .string(s.spec.id), "title": .string(s.spec.title), "max_score": .number(s.spec.maxTotal),
            "labs": .array(s.labs.map { l in
                .object(["id": .string(l.labID), "passed": .number(l.passed), "learners": .number(l.learners),
                         "pass_rate": .number(l.passRate),
                         "most_failed": l.mostFailed.map { .object(["check": .string($0.check), "learners": .number($0.learners)]) }
                             ?? .null])
            }),
            "learners": .array(s.rows.map { row in
                .object(["id": .string(row.learner.id), "name": .string(row.learner.name), "submitted": .bool(row.submitted),
                         "total": .number(row.total), "late": .array(row.lateLabs.map(JSON.string)),
                         "exam_percent": row.exam.map { .number($0.percent) } ?? .null,
                         "labs": .array(zip(s.spec.labs, row.cells).map { lab, c in
                             .object(["id": .string(lab.id), "status": .string(c.status), "passed": .bool(c.passed),
                                      "attempts": .number(c.attempts), "hints": .number(c.hintsUsed), "late": .bool(c.late),
                                      "points": .number(c.points)])
                         })])
            }),
        ])
    }
}

/// " (did you mean X?)" for a mistyped learner id, or "".
enum DidYouMeanIDs {
    static func suggest(_ id: String, among ids: [String]) -> String {
        DidYouMean.suggest(id, among: ids.sorted()).map { "; did you mean \($0)?" } ?? ""
    }
}
