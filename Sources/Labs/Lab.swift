import KubeAudit

/// One scenario lab (format_version 1, `docs/LAB_FORMAT.md`): the task, the hints, the
/// reference solution and what the checker compares an answer with.
public struct Lab: Sendable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Write an audit policy that meets expectations on a request stream.
        case policy
        /// Repair a broken policy (syntax, validation or rule order).
        case fix
        /// Write a jq program over a generated audit log.
        case query
        /// State what kube-apiserver records for given requests under a policy.
        case predict

        /// What the learner's answer is written in.
        public var answerLanguage: String {
            switch self {
            case .policy, .fix: "an audit policy (YAML)"
            case .query: "a jq program"
            case .predict: "a YAML mapping of request ids to predictions"
            }
        }
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var topic: String
    public var task: String
    public var lesson: String
    public var hints: [String]
    public var sources: [String]
    public var starter: String
    public var reference: String
    /// The file the lab was read from.
    public var path: String

    /// The request stream (policy and query labs).
    public var scenario: String?
    public var duration: String
    /// Policy and fix labs: warnings also fail the check.
    public var strict: Bool
    public var expectations: [Expectation]
    public var query: QuerySpec?
    public var predict: PredictSpec?
}

/// One thing a policy must do, checked on a set of requests.
public struct Expectation: Sendable {
    public enum Target: Sendable {
        case request(RequestSpec)
        case match(RequestSelector)
        case budget(Budget)
    }

    public struct Budget: Sendable {
        public var eventsPerSecond: Double?
        public var bytesPerDay: Double?
    }

    public var name: String
    public var target: Target
    public var level: AuditLevel?
    public var atLeast: AuditLevel?
    public var atMost: AuditLevel?
    public var stages: [AuditStage]?
    public var omits: [AuditStage]
}

/// How a query lab runs and compares programs.
public struct QuerySpec: Sendable {
    public enum Comparison: String, Sendable {
        case ordered
        case multiset
    }

    /// The policy the log is generated under: a Labs/policies id.
    public var policy: String
    public var seeds: [UInt64]
    public var slurp: Bool
    public var compare: Comparison
}

/// The requests a predict lab asks about, and which facts an answer must state.
public struct PredictSpec: Sendable {
    public enum Fact: String, Sendable, CaseIterable {
        case level, stages, requestObject, responseObject
    }

    public struct Item: Sendable {
        public var id: String
        public var request: RequestSpec
    }

    /// Either an inline policy or the id of one in Labs/policies.
    public var policyText: String?
    public var policy: String?
    public var ask: [Fact]
    public var requests: [Item]
}
