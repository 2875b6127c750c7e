/// The learners × labs matrix for a terminal (`kcsa class board`), as text: the CLI
/// prints it. Each cell is `ok` (passed) / `--` (not passed) / `..` (not tried), the
/// attempts, `h`+hints and `!` when late.
public enum BoardText {
    public static func render(_ s: ClassStanding) -> String {
        let idWidth = max(8, s.rows.map(\.learner.id.count).max() ?? 0)
        let colWidth = 11
        var out = "\(s.spec.title) (\(s.spec.id)): \(s.rows.count) learners, \(s.spec.labs.count) labs\n\n"
        out += pad("learner", idWidth) + "  " + s.spec.labs.indices.map { pad("L\($0 + 1)", colWidth) }.joined()
        out += (s.spec.exam == nil ? "" : pad("exam", 7)) + "total\n"
        for row in s.rows {
            out += pad(row.learner.id, idWidth) + "  "
            out += row.cells.map { pad(cell($0), colWidth) }.joined()
            if s.spec.exam != nil { out += pad(row.exam.map { GradeExports.percent($0.percent) + "%" } ?? "-", 7) }
            out += "\(row.total)/\(s.spec.maxTotal)" + (row.submitted ? "" : "  (no submission)") + "\n"
        }
        out += "\n"
        for (i, lab) in s.labs.enumerated() {
            out += "L\(i + 1) \(lab.labID): \(lab.passed)/\(lab.learners) passed (\(GradeExports.percent(lab.passRate.rounded()))%)"
            if let top = lab.mostFailed { out += "; most failed: \(top.check) (\(top.learners))" }
            out += "\n"
        }
        out += "\ncells: ok passed, -- not passed, .. not tried; then attempts, hN hints used, ! late\n"
        return out
    }

    static func cell(_ c: ClassStanding.Cell) -> String {
        let mark = c.passed ? "ok" : c.attempts == 0 ? ".." : "--"
        guard c.attempts > 0 else { return mark }
        return "\(mark) \(c.attempts)" + (c.hintsUsed > 0 ? " h\(c.hintsUsed)" : "") + (c.late ? "!" : "")
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }
}
