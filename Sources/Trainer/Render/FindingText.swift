import Foundation
import KubeAudit
import Labs

/// The one place where a grader's findings become the sentences a learner reads: each
/// finding is one or more lines, in the order the grader found them.
public enum FindingText {
    public static func lines(_ f: Finding) -> [String] {
        switch f.code {
        case .policyRefused:
            return ["kube-apiserver would refuse to start with this policy"] + (f.message.map { [$0] } ?? [])
        case .warning:
            return ["warning: \(f.message ?? "")"]
        case .requestMishandled:
            let text = f.mismatches.map(policyMismatch).joined(separator: "; ") + " - " + decidingRule(f.rule)
            let subject = subjectText(f.subject)
            return [(f.isExample ? "for example " : "") + (subject.isEmpty ? text : "\(subject): \(text)")]
        case .matchingRequestsFail:
            return ["\(f.count?.failed ?? 0) of \(f.count?.total ?? 0) matching requests (\(subjectText(f.subject))) fail"]
        case .overEventBudget:
            return [String(format: "%.1f events/s on %@, over the budget of %.1f", number(f.actual),
                           subjectText(f.subject), number(f.expected))]
        case .overByteBudget:
            return ["\(ByteSize.format(number(f.actual))) per day on \(subjectText(f.subject)), over the budget of "
                    + ByteSize.format(number(f.expected))]
        case .largestShare:
            let share = f.share ?? 0
            guard let index = f.rule?.index else { return ["the largest share (\(share)%) is logged by no rule (impossible)"] }
            return ["rule \(index)\(line(f.rule?.line)) writes the largest share: \(share)% of the bytes"]
        case .programFailed:
            return [f.message ?? "the program failed"]
                + (f.counterexample.map { ["on this event: " + LabReport.clip($0, 600)] } ?? [])
        case .outputCountDiffers:
            return ["your program printed \(f.actual ?? "0") output(s), the reference \(f.expected ?? "0")"]
        case .eventDiffers:
            guard case .event(let index, let total)? = f.subject else { return [] }
            return ["the smallest event where they differ (event \(index) of \(total)):",
                    "  " + LabReport.clip(f.counterexample ?? "", 800),
                    "  expected: " + (f.expected.map { LabReport.clip($0, 400) } ?? "(no output)"),
                    "  yours:    " + (f.actual.map { LabReport.clip($0, 400) } ?? "(no output)")] + firstDifference(f)
        case .outputDiffers:
            guard case .output(let index, let sorted)? = f.subject else { return [] }
            return ["the first differing output" + (sorted ? " (outputs sorted)" : "") + " is #\(index):",
                    "  expected: " + (f.expected.map { LabReport.clip($0, 400) } ?? "(nothing)"),
                    "  yours:    " + (f.actual.map { LabReport.clip($0, 400) } ?? "(nothing)")] + firstDifference(f)
        case .notAnswered:
            return ["\(subjectText(f.subject)): not answered yet" + (f.message.map { " (\($0))" } ?? "")]
        case .wrongPrediction:
            return f.mismatches.map { predictMismatch($0, nothingLogged: f.rule?.level == AuditLevel.none.rawValue) }
                + ["why: " + (f.message ?? "")]
        case .pssNoWorkload, .pssRefused, .pssCheckFails, .pssRequirementUnmet, .pssLabelProblem, .pssOutcomeDiffers:
            return PSSFindingText.lines(f)
        case .networkPolicyRejected:
            return ["kube-apiserver would reject it: \(f.message ?? "")"]
        case .notANetworkPolicy:
            return [f.message ?? "the answer holds an object that is not a NetworkPolicy"]
        case .connectionWrong, .verdictWrong:
            return TrafficText.lines(f)
        // RBAC lab kinds (FindingText+RBAC.swift)
        case .rbacAccessWrong, .rbacWriteRefused, .rbacWrongPrediction:
            return rbacLines(f)
        }
    }

    /// Every line of a check's findings.
    public static func lines(_ findings: [Finding]) -> [String] { findings.flatMap(lines) }

    /// `  first difference: .user: expected "alice", got null` for a query finding's path.
    private static func firstDifference(_ f: Finding) -> [String] {
        f.mismatches.prefix(1).map { m in
            "  first difference: \(m.field): expected " + LabReport.clip(m.expected ?? "no such key", 200)
                + ", got " + LabReport.clip(m.actual ?? "no such key", 200)
        }
    }

    private static func policyMismatch(_ m: Finding.Mismatch) -> String {
        switch m.field {
        case "level": "expected level \(m.expected ?? ""), got \(m.actual ?? "")"
        case "atLeast": "expected at least \(m.expected ?? ""), got \(m.actual ?? "")"
        case "atMost": "expected at most \(m.expected ?? ""), got \(m.actual ?? "")"
        case "stages": "expected stages [\(m.expected ?? "")], written [\(m.actual ?? "")]"
        case "omits": "\(m.actual ?? "") should not be written but is"
        default: "\(m.field): expected \(m.expected ?? "nothing"), got \(m.actual ?? "nothing")"
        }
    }

    private static func predictMismatch(_ m: Finding.Mismatch, nothingLogged: Bool) -> String {
        let said = m.expected ?? "(not stated)"
        switch m.field {
        case "level": return "level: you said \(said), it is \(m.actual ?? "")"
        case "stages": return "stages: you said [\(said)], written are [\(m.actual ?? "")]"
        default:
            return "\(m.field): you said \(said), it is \(m.actual ?? "")"
                + (nothingLogged ? " (nothing is logged)" : m.reason.map { " - \($0)" } ?? "")
        }
    }

    private static func decidingRule(_ rule: Finding.Rule?) -> String {
        guard let rule else { return "" }
        var text = rule.index.map { "rule \($0)\(line(rule.line)) matched first (level \(rule.level))" }
            ?? "no rule matched, so it is not logged"
        if let omit = rule.omitStages { text += ", omitStages [\(omit.joined(separator: ", "))]" }
        return text
    }

    private static func line(_ line: Int?) -> String { line.map { " (line \($0))" } ?? "" }

    private static func number(_ text: String?) -> Double { text.flatMap(Double.init) ?? 0 }

    static func subjectText(_ subject: Finding.Subject?) -> String {
        switch subject {
        case .request(let s)?, .requests(let s)?, .scenario(let s)?, .item(let s)?, .connection(let s)?: s
        case .event(let i, let n)?: "event \(i) of \(n)"
        case .output(let i, _)?: "output #\(i)"
        case nil: ""
        }
    }
}
