import ClusterSim
import KubeAudit
import Seeded

/// "Which rule matches first?": options are every rule of a 3- or 4-rule policy, plus
/// "no rule matches".
enum FirstRuleFamily {
    static let noRule = "No rule matches, so the request is not logged"

    static func make(_ rng: inout SeededGenerator) -> GeneratedItem {
        let s = AuditScenario.draw(&rng, rules: 3...4)
        var options = s.policy.rules.indices.map { i in
            OptionDraft(text: "Rule \(i + 1) (level \(s.policy.rules[i].level))", why: s.verdict(i), correct: s.decision.rule == i)
        }
        let noneWhy = s.decision.rule.map { "Rule \($0 + 1) matches, so the request does not fall through to the default (None)." }
            ?? "Every rule fails at least one condition, so the request gets the default level None."
        options.append(OptionDraft(text: noRule, why: noneWhy, correct: s.decision.rule == nil))
        let stem = s.stemContext + "\nWhich rule decides how this request is audited?"
        let q = Question.generated(stem: stem, options: options, explanation: s.walk,
                                   sources: [GeneratedFamily.checkerSource, GeneratedFamily.auditPage])
        return GeneratedItem(question: q, material: .audit(s))
    }
}
