import Labs

/// Sentences for the RBAC lab kinds' findings: expected vs actual, upstream's reason, and
/// the deciding (or closest) binding and rule.
extension FindingText {
    static func rbacLines(_ f: Finding) -> [String] {
        let subject = subjectText(f.subject)
        switch f.code {
        case .rbacAccessWrong:
            let head = f.expected == "yes" ? "\(subject): must be allowed, but RBAC denies it"
                : "\(subject): must be denied, but RBAC allows it"
            return [head] + reason(f.message) + evidence(f.rbac, reason: f.message)
        case .rbacWrongPrediction:
            return ["\(subject): you said \(f.expected ?? "?"), it is \(f.actual ?? "?")"] + reason(f.message)
                + evidence(f.rbac, reason: f.message)
        case .rbacWriteRefused:
            var lines = ["kube-apiserver would refuse to create \(subject)" + line(f.rbac?.line) + ":"]
            lines += (f.message ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            return lines
        default:
            return []
        }
    }

    private static func reason(_ message: String?) -> [String] {
        guard let message, !message.isEmpty else { return [] }
        return ["  reason: " + message]
    }

    /// The deciding or closest binding and rule. A granting binding the reason already
    /// names word for word (and that is not in the learner's answer) is not named again.
    private static func evidence(_ e: RBACEvidence?, reason: String?) -> [String] {
        guard let e else { return [] }
        guard let binding = e.binding, let role = e.role else {
            return e.granted ? [] : ["  no rule bound to this identity here comes close (check the bindings' subjects and namespaces)"]
        }
        let rule = "rule \(e.ruleIndex ?? 0) of \(role)" + line(e.line) + ": " + (e.rule ?? "")
        let bound = binding + line(e.bindingLine)
        if e.granted {
            if e.bindingLine == nil, reason?.contains(binding) == true { return ["  through \(rule)"] }
            return ["  granted by \(bound)", "  through \(rule)"]
        }
        return ["  closest: \(rule)", "  bound by \(bound)"] + e.lacks.map { "  lacks: " + $0 }
    }

    private static func line(_ line: Int?) -> String { line.map { " (line \($0) of your answer)" } ?? "" }
}
