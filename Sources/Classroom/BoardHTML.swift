/// `board.html`: one self-contained static page (inline CSS, no scripts, nothing fetched)
/// with the learners × labs matrix, each lab's pass rate, and per lab the check learners
/// fail most often: what to re-teach tomorrow.
public enum BoardHTML {
    public static func render(_ s: ClassStanding) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(esc(s.spec.title)): class board</title>
        <style>\(css)</style>
        </head>
        <body>
        <h1>\(esc(s.spec.title))</h1>
        <p class="sub">Class <code>\(esc(s.spec.id))</code>: \(s.rows.count) learners, \(s.spec.labs.count) labs.
        Each cell: passed or not, attempts, hints used, late.</p>
        <table id="matrix">
        <thead><tr><th>Learner</th>
        """
        for lab in s.spec.labs { out += "<th class=\"lab\" data-lab=\"\(esc(lab.id))\">\(esc(lab.id))</th>" }
        if s.spec.exam != nil { out += "<th>exam</th>" }
        out += "<th>total</th></tr></thead>\n<tbody>\n"
        for row in s.rows {
            out += "<tr data-learner=\"\(esc(row.learner.id))\"><th class=\"learner\">\(esc(row.learner.id))"
            if !row.learner.name.isEmpty { out += "<span class=\"name\">\(esc(row.learner.name))</span>" }
            out += "</th>"
            for (lab, c) in zip(s.spec.labs, row.cells) { out += cell(lab.id, c) }
            if s.spec.exam != nil {
                out += "<td class=\"exam\">" + (row.exam.map { GradeExports.percent($0.percent) + "%" } ?? "&ndash;") + "</td>"
            }
            out += "<td class=\"total\">\(row.total)/\(s.spec.maxTotal)</td></tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th>pass rate</th>"
        for lab in s.labs { out += "<td>\(GradeExports.percent(lab.passRate.rounded()))%</td>" }
        out += (s.spec.exam == nil ? "" : "<td></td>") + "<td></td></tr></tfoot>\n</table>\n"
        out += "<h2>What to re-teach</h2>\n<table id=\"reteach\">\n"
        out += "<thead><tr><th>Lab</th><th>Passed</th><th>Check failed most often</th><th>Learners failing it</th></tr></thead>\n<tbody>\n"
        for lab in s.labs.sorted(by: { $0.passRate < $1.passRate }) {
            out += "<tr><td>\(esc(lab.labID))</td><td>\(lab.passed)/\(lab.learners)</td>"
            if let top = lab.mostFailed {
                out += "<td>\(esc(top.check))</td><td>\(top.learners)</td></tr>\n"
            } else {
                out += "<td class=\"none\">none</td><td>0</td></tr>\n"
            }
        }
        out += "</tbody>\n</table>\n</body>\n</html>\n"
        return out
    }

    static func cell(_ lab: String, _ c: ClassStanding.Cell) -> String {
        let cls = c.passed ? "pass" : c.attempts == 0 ? "none" : "fail"
        var text = c.passed ? "&#10003;" : c.attempts == 0 ? "&middot;" : "&#10007;"
        if c.attempts > 0 { text += " <span class=\"n\">\(c.attempts)&times;</span>" }
        if c.hintsUsed > 0 { text += " <span class=\"h\">h\(c.hintsUsed)</span>" }
        if c.late { text += " <span class=\"late\">late</span>" }
        let title = "\(lab): \(c.status), \(c.attempts) attempt\(c.attempts == 1 ? "" : "s"), \(c.hintsUsed) hints"
            + (c.late ? ", late" : "")
        return "<td class=\"\(cls)\" data-lab=\"\(esc(lab))\" title=\"\(esc(title))\">\(text)</td>"
    }

    static let css = """
    body{font-family:system-ui,sans-serif;margin:2em;color:#1d2330;background:#fff}\
    h1{margin-bottom:.2em}.sub{color:#555}table{border-collapse:collapse;margin:1em 0}\
    th,td{border:1px solid #d0d5dd;padding:.35em .6em;text-align:center;font-size:14px}\
    thead th{background:#f2f4f7}th.lab{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:500}\
    th.learner{text-align:left}.name{display:block;font-weight:400;color:#666;font-size:12px}\
    td.pass{background:#d1fadf}td.fail{background:#fee4e2}td.none{color:#999}\
    .n{color:#444;font-size:12px}.h{color:#6941c6;font-size:12px}.late{color:#b54708;font-weight:600;font-size:12px}\
    td.total{font-weight:600}tfoot td{background:#f9fafb;font-weight:600}#reteach td{text-align:left}
    """

    static func esc(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
