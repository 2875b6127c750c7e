import Diagnostics

/// A set of labels on a pod or a namespace.
public typealias Labels = [String: String]

/// `metav1.LabelSelector`: matchLabels and matchExpressions, ANDed.
/// A missing selector (Swift `nil`) and an empty one (`LabelSelector()`) differ:
/// nil selects nothing, empty selects everything (`LabelSelectorAsSelector`).
public struct LabelSelector: Sendable, Equatable {
    /// matchLabels, sorted by key (Go iterates the map in random order; sorting keeps
    /// errors and explanations reproducible).
    public var matchLabels: [(key: String, value: String)]
    public var matchExpressions: [LabelSelectorRequirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [LabelSelectorRequirement] = []) {
        self.matchLabels = matchLabels.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        self.matchExpressions = matchExpressions
    }

    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    public static func == (a: LabelSelector, b: LabelSelector) -> Bool {
        a.matchLabels.map(\.key) == b.matchLabels.map(\.key) && a.matchLabels.map(\.value) == b.matchLabels.map(\.value)
            && a.matchExpressions == b.matchExpressions
    }

    /// `metav1.LabelSelectorAsSelector`: the selector, or the error upstream returns
    /// (an unknown operator, `In` without values, an invalid key or value, ...).
    public func compiled() throws(SelectorError) -> Selector {
        if isEmpty { return .everything }
        var requirements: [Selector.Requirement] = []
        for (k, v) in matchLabels {
            requirements.append(try Selector.Requirement.make(key: k, op: .equals, values: [v]))
        }
        for expr in matchExpressions {
            guard let op = Selector.Operator(labelSelectorOperator: expr.operator) else {
                throw SelectorError(message: "\(GoQuote.quote(expr.operator)) is not a valid label selector operator")
            }
            requirements.append(try Selector.Requirement.make(key: expr.key, op: op, values: expr.values))
        }
        // labels.Selector.Add keeps requirements sorted by key.
        requirements.sort { $0.key < $1.key }
        return .requirements(requirements)
    }

    /// The selector in kubectl's string form (`app=web,tier in (db)`), for explanations.
    public var text: String {
        if isEmpty { return "{} (everything)" }
        var parts = matchLabels.map { "\($0.key)=\($0.value)" }
        for e in matchExpressions {
            switch e.operator {
            case "In": parts.append("\(e.key) in (\(e.values.joined(separator: ",")))")
            case "NotIn": parts.append("\(e.key) notin (\(e.values.joined(separator: ",")))")
            case "Exists": parts.append(e.key)
            case "DoesNotExist": parts.append("!" + e.key)
            default: parts.append("\(e.key) \(e.operator) (\(e.values.joined(separator: ",")))")
            }
        }
        return parts.joined(separator: ",")
    }
}

/// `metav1.LabelSelectorRequirement`; the operator is kept as written so that an unknown
/// one can be reported with upstream's wording.
public struct LabelSelectorRequirement: Sendable, Equatable {
    public var key: String
    public var `operator`: String
    /// nil when `values` was absent (Go's nil slice), which JSON-renders as `null` in errors.
    public var values: [String]

    public init(key: String, operator op: String, values: [String] = []) {
        self.key = key
        self.operator = op
        self.values = values
    }
}

/// What `LabelSelectorAsSelector` returns as an error, with upstream's message.
public struct SelectorError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// `labels.Selector`: Nothing, Everything, or requirements that must all match.
public enum Selector: Sendable, Equatable {
    case nothing
    case everything
    case requirements([Requirement])

    /// `selection.Operator` values a LabelSelector can produce.
    public enum Operator: String, Sendable, Equatable {
        case equals = "="
        case `in` = "in"
        case notIn = "notin"
        case exists = "exists"
        case doesNotExist = "!"

        init?(labelSelectorOperator op: String) {
            switch op {
            case "In": self = .in
            case "NotIn": self = .notIn
            case "Exists": self = .exists
            case "DoesNotExist": self = .doesNotExist
            default: return nil
            }
        }
    }

    /// `labels.Requirement`.
    public struct Requirement: Sendable, Equatable {
        public var key: String
        public var op: Operator
        public var values: [String]

        /// `labels.NewRequirement`: every problem at once, aggregated as upstream does.
        static func make(key: String, op: Operator, values: [String]) throws(SelectorError) -> Requirement {
            var errors: [FieldError] = []
            let keyProblems = LabelValidation.labelKeyProblems(key)
            if !keyProblems.isEmpty {
                errors.append(.invalid("key", .string(key), keyProblems.joined(separator: "; ")))
            }
            let rendered = FieldError.BadValue.json(GoQuote.jsonArray(values.isEmpty ? nil : values))
            switch op {
            case .in, .notIn:
                if values.isEmpty {
                    errors.append(.invalid("values", rendered, "for 'in', 'notin' operators, values set can't be empty"))
                }
            case .equals:
                if values.count != 1 {
                    errors.append(.invalid("values", rendered, "exact-match compatibility requires one single value"))
                }
            case .exists, .doesNotExist:
                if !values.isEmpty {
                    errors.append(.invalid("values", rendered, "values set must be empty for exists and does not exist"))
                }
            }
            for (i, v) in values.enumerated() {
                let problems = LabelValidation.labelValueProblems(v)
                if !problems.isEmpty {
                    errors.append(.invalid("values[\(i)][\(key)]", .string(v), problems.joined(separator: "; ")))
                }
            }
            if !errors.isEmpty { throw SelectorError(message: aggregate(errors.map(\.description))) }
            return Requirement(key: key, op: op, values: values)
        }

        /// `Requirement.Matches`.
        public func matches(_ labels: Labels) -> Bool {
            switch op {
            case .in, .equals:
                guard let v = labels[key] else { return false }
                return values.contains(v)
            case .notIn:
                guard let v = labels[key] else { return true }
                return !values.contains(v)
            case .exists: return labels[key] != nil
            case .doesNotExist: return labels[key] == nil
            }
        }
    }

    public func matches(_ labels: Labels) -> Bool {
        switch self {
        case .nothing: false
        case .everything: true
        case .requirements(let rs): rs.allSatisfy { $0.matches(labels) }
        }
    }

    /// The first requirement `labels` fails, for "what it lacks" explanations.
    public func firstMismatch(_ labels: Labels) -> Requirement? {
        if case .requirements(let rs) = self { return rs.first { !$0.matches(labels) } }
        return nil
    }

    /// `utilerrors.NewAggregate(...).Error()`: one message as is, several deduplicated in brackets.
    static func aggregate(_ messages: [String]) -> String {
        var seen: [String] = []
        for m in messages where !seen.contains(m) { seen.append(m) }
        return seen.count == 1 ? seen[0] : "[" + seen.joined(separator: ", ") + "]"
    }
}

extension Optional where Wrapped == LabelSelector {
    /// `LabelSelectorAsSelector` on a possibly missing selector: nil is `labels.Nothing()`.
    public func compiled() throws(SelectorError) -> Selector {
        guard let s = self else { return .nothing }
        return try s.compiled()
    }
}

extension Selector.Requirement: CustomStringConvertible {
    /// `Requirement.String()` in kubectl form.
    public var description: String {
        switch op {
        case .equals: "\(key)=\(values.first ?? "")"
        case .in: "\(key) in (\(values.sorted().joined(separator: ",")))"
        case .notIn: "\(key) notin (\(values.sorted().joined(separator: ",")))"
        case .exists: key
        case .doesNotExist: "!" + key
        }
    }
}
