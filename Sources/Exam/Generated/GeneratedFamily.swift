import ClusterSim
import Seeded

/// A family of generated audit-logging questions: each seed gives one question whose
/// answer is computed by the audit engine or the jq engine, never written by hand.
///
/// Ids are `sf-gen-<family>-<seed>` (for example `sf-gen-first-rule-42`), so an id alone
/// regenerates its question, and an exam drawn from a seed can be reproduced and graded.
public enum GeneratedFamily: String, Sendable, CaseIterable {
    /// "At what level is this request logged under this policy?"
    case level
    /// "Which stages produce an event?"
    case stages
    /// "Which rule matches first?"
    case firstRule = "first-rule"
    /// "Which of these events does this jq query select?"
    case jqSelect = "jq-select"

    /// The domain and subtopic of every generated question.
    public static let domain = "security-fundamentals"
    public static let subtopic = "Audit Logging"

    static let auditPage = "https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/"
    static let checkerSource = "https://github.com/kubernetes/apiserver/blob/master/pkg/audit/policy/checker.go"
    static let auditFilterSource = "https://github.com/kubernetes/apiserver/blob/master/pkg/endpoints/filters/audit.go"

    public var idPrefix: String { "sf-gen-\(rawValue)-" }

    public func id(seed: UInt64) -> String { idPrefix + String(seed) }

    /// The question for `seed`: the same seed always gives the same question.
    public func question(seed: UInt64) -> Question { item(seed: seed).question }

    /// The question together with what it was computed from, for re-checking.
    public func item(seed: UInt64) -> GeneratedItem {
        // Mix the family into the seed so that one seed gives unrelated questions per family.
        let salt = UInt64(Self.allCases.firstIndex(of: self)! + 1) &* 0xD1B5_4A32_D192_ED03
        var rng = SeededGenerator(seed: seed ^ salt)
        var item: GeneratedItem
        switch self {
        case .level: item = LevelFamily.make(&rng)
        case .stages: item = StagesFamily.make(&rng)
        case .firstRule: item = FirstRuleFamily.make(&rng)
        case .jqSelect: item = JQSelectFamily.make(&rng)
        }
        item.question.id = id(seed: seed)
        return item
    }

    /// The family and seed an id names, or nil for a hand-written id.
    public static func parse(id: String) -> (family: GeneratedFamily, seed: UInt64)? {
        // Longest prefix first: none of the prefixes is a prefix of another, but keep it robust.
        for family in allCases.sorted(by: { $0.idPrefix.count > $1.idPrefix.count }) where id.hasPrefix(family.idPrefix) {
            let digits = id.dropFirst(family.idPrefix.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                  let seed = UInt64(digits), String(seed) == digits else { return nil }
            return (family, seed)
        }
        return nil
    }

    /// Regenerates the question an id names.
    public static func question(id: String) -> Question? {
        parse(id: id).map { $0.family.question(seed: $0.seed) }
    }
}
