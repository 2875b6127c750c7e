import Foundation

/// The grade table: every rostered learner × every class lab, from the gradebook's current
/// submissions. What the exports and the boards draw.
public struct ClassStanding: Sendable, Equatable {
    /// One learner's standing on one lab.
    public struct Cell: Sendable, Equatable {
        public var attempts = 0
        public var passed = false
        public var firstPassAt: Date?
        public var hintsUsed = 0
        /// Passed after the due date, or (not passed) tried after it.
        public var late = false
        public var points = 0
        /// The checks the latest attempt failed (empty when it passed).
        public var lastFailed: [String] = []
        public var error: String?

        public var status: String {
            passed ? "passed" : attempts == 0 ? "not attempted" : "not passed"
        }
    }

    /// One learner's row.
    public struct Row: Sendable, Equatable {
        public var learner: Roster.Learner
        public var cells: [Cell]
        public var exam: ExamGrade?
        public var examPoints: Int
        public var submitted: Bool
        public var total: Int { cells.reduce(0) { $0 + $1.points } + examPoints }
        public var lateLabs: [String] = []
    }

    /// Per lab: the pass rate and the check failed most often.
    public struct LabSummary: Sendable, Equatable {
        public var labID: String
        public var passed: Int
        public var learners: Int
        public var passRate: Double { learners == 0 ? 0 : Double(passed) * 100 / Double(learners) }
        /// The check most learners who have not passed fail on their latest attempt, and how many.
        public var mostFailed: (check: String, learners: Int)?

        public static func == (a: LabSummary, b: LabSummary) -> Bool {
            a.labID == b.labID && a.passed == b.passed && a.learners == b.learners
                && a.mostFailed?.check == b.mostFailed?.check && a.mostFailed?.learners == b.mostFailed?.learners
        }
    }

    public var spec: ClassSpec
    public var rows: [Row]
    public var labs: [LabSummary]

    public static func compute(spec: ClassSpec, roster: Roster, work: [String: LearnerWork]) -> ClassStanding {
        var rows: [Row] = []
        for learner in roster.learners {
            let w = work[learner.id]
            let cells = spec.labs.map { cell($0, w) }
            let examPoints = spec.exam.map { e in w?.exam.map { Int($0.percent * Double(e.points) / 100) } ?? 0 } ?? 0
            var row = Row(learner: learner, cells: cells, exam: w?.exam, examPoints: examPoints, submitted: w != nil)
            row.lateLabs = zip(spec.labs, cells).filter { $0.1.late }.map(\.0.id)
            if let e = spec.exam, let due = e.due, let g = w?.exam, g.at > due { row.lateLabs.append("exam") }
            rows.append(row)
        }
        let summaries = spec.labs.enumerated().map { i, lab in summary(lab.id, rows.map { $0.cells[i] }) }
        return ClassStanding(spec: spec, rows: rows, labs: summaries)
    }

    static func cell(_ lab: ClassSpec.LabItem, _ work: LearnerWork?) -> Cell {
        var c = Cell()
        guard let work else { return c }
        let attempts = work.attempts.filter { $0.labID == lab.id }.sorted { $0.number < $1.number }
        c.attempts = attempts.count
        c.hintsUsed = work.hints[lab.id] ?? 0
        if let first = attempts.first(where: \.passed) {
            c.passed = true
            c.firstPassAt = first.at
            c.points = lab.points
            if let due = lab.due, first.at > due { c.late = true }
        } else if let last = attempts.last {
            c.lastFailed = last.failedChecks
            c.error = last.error
            if let due = lab.due, last.at > due { c.late = true }
        }
        return c
    }

    static func summary(_ id: String, _ cells: [Cell]) -> LabSummary {
        var counts: [String: Int] = [:]
        for c in cells where !c.passed {
            for check in Set(c.lastFailed) { counts[check, default: 0] += 1 }
        }
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
        return LabSummary(labID: id, passed: cells.count { $0.passed }, learners: cells.count,
                          mostFailed: top.map { ($0.key, $0.value) })
    }
}
