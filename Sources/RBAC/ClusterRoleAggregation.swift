import Diagnostics

/// A `metav1.LabelSelector`: `matchLabels` and `matchExpressions`, all of which must hold.
public struct LabelSelector: Sendable, Hashable {
    public struct Requirement: Sendable, Hashable {
        public var key: String
        public var `operator`: String
        public var values: [String]

        public init(key: String, operator op: String, values: [String] = []) {
            self.key = key
            self.operator = op
            self.values = values
        }
    }

    /// In the order written (Go sorts requirements by key; the result does not depend on it).
    public var matchLabels: [(key: String, value: String)]
    public var matchExpressions: [Requirement]

    public init(matchLabels: [(key: String, value: String)] = [], matchExpressions: [Requirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    public static func == (a: LabelSelector, b: LabelSelector) -> Bool {
        a.matchLabels.elementsEqual(b.matchLabels) { $0.key == $1.key && $0.value == $1.value }
            && a.matchExpressions == b.matchExpressions
    }

    public func hash(into h: inout Hasher) {
        for (k, v) in matchLabels { h.combine(k); h.combine(v) }
        h.combine(matchExpressions)
    }

    /// `metav1.LabelSelectorAsSelector` then `Matches`: nil with an error message when the
    /// selector is invalid. An empty selector matches everything.
    public func matches(_ labels: [String: String]) -> Result<Bool, SelectorError> {
        for (k, v) in matchLabels where labels[k] != v { return .success(false) }
        for r in matchExpressions {
            switch r.operator {
            case "In", "NotIn":
                if r.values.isEmpty {
                    return .failure(SelectorError(message: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"))
                }
                let has = labels[r.key].map { r.values.contains($0) } ?? false
                if (r.operator == "In") != has { return .success(false) }
            case "Exists", "DoesNotExist":
                if !r.values.isEmpty {
                    return .failure(SelectorError(message: "values: Invalid value: \(GoFormat.quotedList(r.values)): values set must be empty for exists and does not exist"))
                }
                if (r.operator == "Exists") != (labels[r.key] != nil) { return .success(false) }
            default:
                return .failure(SelectorError(message: "\(GoQuote.quote(r.operator)) is not a valid label selector operator"))
            }
        }
        return .success(true)
    }
}

/// Why a label selector cannot be used.
public struct SelectorError: Error, Sendable, Hashable {
    public var message: String
}

/// The ClusterRole aggregation controller (`pkg/controller/clusterroleaggregation`):
/// a ClusterRole with an `aggregationRule` gets the rules of every ClusterRole its
/// selectors pick, taken selector by selector, roles sorted by name, each rule once.
public enum ClusterRoleAggregation {
    /// The controller re-syncs whenever a ClusterRole changes; kcsa repeats whole
    /// passes until nothing changes, at most this many (a cycle of aggregated roles
    /// could otherwise keep changing).
    public static let maxPasses = 64

    /// What one `syncClusterRole` of `target` would do.
    public struct Sync: Sendable, Equatable {
        /// The new rules, or nil when the target has no aggregationRule (left alone).
        public var rules: [PolicyRule]?
        /// Whether the controller writes (the new rules differ from the current ones).
        public var update: Bool
        /// A selector that cannot be parsed stops the sync (the role keeps its rules).
        public var error: String?
    }

    public static func sync(_ target: RoleObject, among clusterRoles: [RoleObject]) -> Sync {
        guard let rule = target.aggregationRule else { return Sync(rules: nil, update: false, error: nil) }
        var newRules: [PolicyRule] = []
        var seen = Set<PolicyRule>()
        for selector in rule.clusterRoleSelectors {
            var selected: [RoleObject] = []
            for candidate in clusterRoles {
                switch selector.matches(candidate.labels) {
                case .success(true): selected.append(candidate)
                case .success(false): break
                case .failure(let e): return Sync(rules: nil, update: false, error: e.message)
                }
            }
            for role in stableSortedByName(selected) where role.name != target.name {
                for r in role.rules where seen.insert(r).inserted {
                    newRules.append(r)
                }
            }
        }
        return Sync(rules: newRules, update: newRules != target.rules, error: nil)
    }

    /// Every aggregating ClusterRole brought up to date, until a fixed point.
    /// Returns the roles (same order) and one message per role whose selector is invalid.
    public static func aggregateAll(_ clusterRoles: [RoleObject]) -> (roles: [RoleObject], problems: [String]) {
        var roles = clusterRoles
        var problems: [String: String] = [:]
        for _ in 0..<maxPasses {
            var changed = false
            for i in roles.indices where roles[i].aggregationRule != nil {
                let result = sync(roles[i], among: roles)
                if let e = result.error {
                    problems[roles[i].name] = "ClusterRole \(GoQuote.quote(roles[i].name)): aggregationRule: \(e)"
                    continue
                }
                if result.update, let rules = result.rules {
                    roles[i].rules = rules
                    changed = true
                }
            }
            if !changed { break }
        }
        let ordered = roles.compactMap { problems[$0.name] }
        return (roles, Array(Set(ordered)).sorted(by: GoQuote.less))
    }

    private static func stableSortedByName(_ roles: [RoleObject]) -> [RoleObject] {
        roles.enumerated().sorted { a, b in
            if a.element.name != b.element.name { return GoQuote.less(a.element.name, b.element.name) }
            return a.offset < b.offset
        }.map(\.element)
    }
}
