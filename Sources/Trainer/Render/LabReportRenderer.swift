import Diagnostics
import Foundation
import Terminal
import JSONValue
import Labs

/// Lab check results as text for people, JSON for scripts and JUnit XML for CI systems.
/// Pass and fail are always also written as words, never colour alone.
public struct LabReportRenderer {
    public var style: Style
    /// The terminal's width: finding lines wrap under their indent (JSON never); nil, no wrapping.
    public var width: Int?

    public init(style: Style, width: Int? = nil) {
        self.style = style
        self.width = width
    }

    public func text(_ r: LabReport, lab: Lab) -> String {
        var out = ""
        let renderer = DiagnosticRenderer(color: style.enabled)
        for d in r.diagnostics { out += renderer.render(d, in: r.answer) }
        if !r.diagnostics.isEmpty { out += "\n" }
        for c in r.checks {
            out += TextWrap.wrap((c.passed ? style.green("  PASS  ") : style.red("  FAIL  ")) + c.name, width: width,
                                 hanging: 8) + "\n"
            for line in FindingText.lines(c.findings) {
                // A continuation hangs under the line's own indent and list marker.
                out += TextWrap.wrap("          " + line, width: width) + "\n"
            }
        }
        let failed = r.failedCount + (r.checks.isEmpty ? 1 : 0)
        if r.passed {
            out += "\n" + style.bold(style.green("PASSED")) + " \(lab.id): all \(r.checks.count) checks pass.\n"
        } else {
            out += "\n" + style.bold(style.red("NOT PASSED")) + " \(lab.id): \(failed) of \(r.checks.count) checks fail.\n"
        }
        return out
    }

    public static func json(_ r: LabReport, lab: Lab) -> JSON {
        var o = JSONObject()
        o["lab"] = .string(lab.id)
        o["kind"] = .string(lab.kind.rawValue)
        o["passed"] = .bool(r.passed)
        o["checks"] = .array(r.checks.map { c in
            .object(["name": .string(c.name), "passed": .bool(c.passed), "findings": .array(c.findings.map(FindingJSON.encode))])
        })
        o["diagnostics"] = .array(r.diagnostics.map { DiagnosticJSON.encode($0, in: r.answer) })
        return .object(o)
    }

    /// One test suite per lab, one test case per check (JUnit XML as CI servers read it).
    public static func junit(_ r: LabReport, lab: Lab, seconds: Double) -> String {
        func esc(_ s: String) -> String {
            var o = ""
            for ch in s.unicodeScalars {
                switch ch {
                case "&": o += "&amp;"
                case "<": o += "&lt;"
                case ">": o += "&gt;"
                case "\"": o += "&quot;"
                case "\n", "\t": o.unicodeScalars.append(ch)
                default: if ch.value >= 0x20 { o.unicodeScalars.append(ch) }
                }
            }
            return o
        }
        var cases = r.checks.map { ($0.name, $0.passed, FindingText.lines($0.findings)) }
        if !r.diagnostics.isEmpty {
            let renderer = DiagnosticRenderer(color: false)
            cases.insert(("the answer is well-formed", !r.diagnostics.hasErrors,
                          r.diagnostics.map { renderer.render($0, in: r.answer) }), at: 0)
        }
        let failures = cases.count { !$0.1 }
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<testsuites tests=\"\(cases.count)\" failures=\"\(failures)\">\n"
        x += "  <testsuite name=\"\(esc(lab.id))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
            + " time=\"\(String(format: "%.3f", seconds))\">\n"
        for (name, passed, details) in cases {
            x += "    <testcase classname=\"kcsa.lab.\(esc(lab.id))\" name=\"\(esc(name))\""
            if passed {
                x += "/>\n"
            } else {
                x += ">\n      <failure message=\"\(esc(details.first ?? "failed"))\">\(esc(details.joined(separator: "\n")))</failure>\n"
                x += "    </testcase>\n"
            }
        }
        x += "  </testsuite>\n</testsuites>\n"
        return x
    }
}
