import Foundation

/// `grades.csv` and `junit.xml` from the grade table, in the roster's order.
public enum GradeExports {
    /// identifier, name, one column of points per lab, exam percent, total, late (the late
    /// items' ids, space-separated). CRLF line ends, fields quoted when needed (RFC 4180).
    public static func csv(_ s: ClassStanding) -> String {
        var header = ["identifier", "name"] + s.spec.labs.map(\.id)
        if s.spec.exam != nil { header.append("exam_percent") }
        header += ["total", "late"]
        var lines = [header.map(CSVRows.escape).joined(separator: ",")]
        for row in s.rows {
            var fields = [row.learner.id, row.learner.name] + row.cells.map { String($0.points) }
            if s.spec.exam != nil { fields.append(row.exam.map { percent($0.percent) } ?? "") }
            fields += [String(row.total), row.lateLabs.joined(separator: " ")]
            lines.append(fields.map(CSVRows.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One `<testsuite>` per learner, one `<testcase>` per lab (classname = the lab id), a
    /// `<failure>` for a lab not passed naming the checks failed; the exam is one more case.
    public static func junit(_ s: ClassStanding) -> String {
        let tests = s.rows.count * (s.spec.labs.count + (s.spec.exam == nil ? 0 : 1))
        let failures = s.rows.reduce(0) { n, row in
            n + row.cells.count { !$0.passed } + (s.spec.exam != nil && !(row.exam.map(examPassed) ?? false) ? 1 : 0)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(xml(s.spec.id))\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for row in s.rows {
            let rowFailures = row.cells.count { !$0.passed } + (s.spec.exam != nil && !(row.exam.map(examPassed) ?? false) ? 1 : 0)
            let count = s.spec.labs.count + (s.spec.exam == nil ? 0 : 1)
            out += "  <testsuite name=\"\(xml(row.learner.id))\" tests=\"\(count)\" failures=\"\(rowFailures)\">\n"
            for (lab, cell) in zip(s.spec.labs, row.cells) {
                out += "    <testcase classname=\"\(xml(lab.id))\" name=\"\(xml(lab.id))\">\n"
                out += "      <properties><property name=\"points\" value=\"\(cell.points)\"/>"
                    + "<property name=\"attempts\" value=\"\(cell.attempts)\"/>"
                    + "<property name=\"hints\" value=\"\(cell.hintsUsed)\"/>"
                    + "<property name=\"late\" value=\"\(cell.late)\"/></properties>\n"
                if !cell.passed {
                    let message = failureMessage(cell)
                    out += "      <failure message=\"\(xml(message))\">\(xml(cell.lastFailed.joined(separator: "\n")))</failure>\n"
                }
                out += "    </testcase>\n"
            }
            if let e = s.spec.exam {
                out += "    <testcase classname=\"exam\" name=\"exam\">\n"
                out += "      <properties><property name=\"points\" value=\"\(row.examPoints)\"/>"
                    + "<property name=\"questions\" value=\"\(e.questions)\"/></properties>\n"
                if let g = row.exam {
                    if !examPassed(g) {
                        out += "      <failure message=\"\(xml("\(g.correct)/\(g.total) (\(percent(g.percent))%)"))\"/>\n"
                    }
                } else {
                    out += "      <failure message=\"not attempted\"/>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    static func examPassed(_ g: ExamGrade) -> Bool { g.passed }

    static func failureMessage(_ c: ClassStanding.Cell) -> String {
        if c.attempts == 0 { return "not attempted" }
        if let e = c.error { return "could not be checked: \(e)" }
        let n = c.lastFailed.count
        return "not passed after \(c.attempts) attempt\(c.attempts == 1 ? "" : "s"): \(n) check\(n == 1 ? "" : "s") failed"
    }

    public static func percent(_ p: Double) -> String {
        p == p.rounded() ? String(Int(p)) : String(format: "%.1f", p)
    }

    static func xml(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(c.value);"
            default:
                // XML 1.0 has no place for other control characters.
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
