import ClusterSim
import KubeAudit
import Seeded

/// "At what level is this request logged?": the level of the first matching rule, or None.
enum LevelFamily {
    static func make(_ rng: inout SeededGenerator) -> GeneratedItem {
        var s = AuditScenario.draw(&rng, rules: 2...6)
        // Small random policies miss often; keep None a common answer, not the usual one.
        if s.decision.level == .none && rng.chance(40) { s = AuditScenario.draw(&rng, rules: 2...6) }
        let level = s.decision.level
        let options = AuditLevel.allCases.map { l in
            OptionDraft(text: l.rawValue, why: why(l, s), correct: l == level)
        }
        let stem = s.stemContext + "\nAt which audit level is this request logged?"
        let q = Question.generated(stem: stem, options: options, explanation: s.walk,
                                   sources: [GeneratedFamily.auditPage, GeneratedFamily.checkerSource])
        return GeneratedItem(question: q, material: .audit(s))
    }

    /// Why `level` is or is not the answer, naming the rule that would have given it.
    static func why(_ level: AuditLevel, _ s: AuditScenario) -> String {
        if level == s.decision.level {
            if let w = s.decision.rule { return "Rule \(w + 1) is the first rule that matches, and it sets \(level.rawValue)." }
            return "No rule matches, and a request no rule matches is not logged (level None)."
        }
        let rules = s.policy.rules.indices.filter { s.policy.rules[$0].level == level.rawValue }
        guard let i = rules.first else {
            if level == .none { return "Only a matching rule with level None, or no matching rule at all, gives None." }
            return "No rule in this policy sets \(level.rawValue)."
        }
        if let w = s.decision.rule, let later = rules.first(where: { $0 > w && s.failures[$0] == nil }) {
            return "Rule \(later + 1) would give \(level.rawValue) and matches too, but rule \(w + 1) comes first and the first match wins."
        }
        return "Rule \(i + 1) would give \(level.rawValue), but it does not match: \(s.failures[i] ?? "an earlier rule decides")."
    }
}
