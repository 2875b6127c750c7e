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
        // Pod Security labs (PSSLabSpecs.swift).
        /// Write or fix a pod or workload manifest until a Pod Security level admits it.
        case pssManifest = "pss-manifest"
        /// Write a Namespace whose Pod Security labels treat probe pods as asked.
        case pssLabels = "pss-labels"
        /// State what Pod Security admission does with manifests in labelled namespaces.
        case pssPredict = "pss-predict"
        /// Write or fix NetworkPolicies for a cluster: connections that must and must not work.
        case netpol
        /// State which connections a cluster's NetworkPolicies allow (a truth table or a list).
        case netpolPredict = "netpol-predict"
        // RBAC lab kinds
        /// Write RBAC objects that allow and deny given accesses for a workload.
        case rbac
        /// Say whether the RBAC authorizer allows given accesses on a shipped cluster.
        case rbacPredict = "rbac-predict"

        /// What the learner's answer is written in.
        public var answerLanguage: String {
            switch self {
            case .policy, .fix: "an audit policy (YAML)"
            case .query: "a jq program"
            case .predict: "a YAML mapping of request ids to predictions"
            case .pssManifest: "a pod or workload manifest (YAML)"
            case .pssLabels: "a Namespace manifest (YAML)"
            case .pssPredict: "a YAML mapping of object names to predictions"
            case .netpol: "NetworkPolicies (YAML, several documents separated by ---)"
            case .netpolPredict: "a YAML mapping (table rows of . and X, or connection ids to verdicts)"
            case .rbac: "RBAC objects (Role, RoleBinding, ClusterRole, ClusterRoleBinding YAML)"
            case .rbacPredict: "a YAML mapping of access ids to yes or no"
            }
        }
    }

    public var id: String
    public var title: String
    public var topic: String
    public var task: String
    public var lesson: String
    public var hints: [String]
    public var sources: [String]
    public var starter: String
    public var reference: String
    /// The file the lab was read from.
    public var path: String
    /// What the kind of lab needs to be checked: one spec per kind, so a lab that lacks
    /// its kind's fields cannot be loaded.
    public var spec: LabSpec
    /// Alternatives a class hands to different learners (`variants:`, predict labs); the lab
    /// itself is variant 0. `resolved(for:)` picks one (LabVariant.swift).
    public var variants: [LabVariantContent] = []

    public var kind: Kind { spec.kind }

    /// The scenario whose request stream the lab is about, if its kind has one.
    public var scenario: String? {
        switch spec {
        case .policy(let p), .fix(let p): p.scenario
        case .query(let q): q.scenario
        case .predict, .netpol, .netpolPredict: nil
        case .pssManifest, .pssLabels, .pssPredict: nil
        case .rbac, .rbacPredict: nil
        }
    }

    /// How much of the scenario is simulated ("1h").
    public var duration: String {
        switch spec {
        case .policy(let p), .fix(let p): p.duration
        case .query(let q): q.duration
        case .predict, .netpol, .netpolPredict: "1h"
        case .pssManifest, .pssLabels, .pssPredict: "1h"
        case .rbac, .rbacPredict: "1h"
        }
    }
}

/// The part of a lab that depends on its kind. Adding a kind means a case here, a grader
/// (LabChecker's switch), a renderer, and its session affordances (Trainer's switches):
/// the compiler finds every place.
public enum LabSpec: Sendable {
    case policy(PolicyLabSpec)
    case fix(PolicyLabSpec)
    case query(QuerySpec)
    case predict(PredictSpec)
    case pssManifest(PSSManifestSpec)
    case pssLabels(PSSLabelsSpec)
    case pssPredict(PSSPredictSpec)
    case netpol(NetPolLabSpec)
    case netpolPredict(NetPolPredictSpec)
    // RBAC lab kinds
    case rbac(RBACLabSpec)
    case rbacPredict(RBACPredictSpec)

    public var kind: Lab.Kind {
        switch self {
        case .policy: .policy
        case .fix: .fix
        case .query: .query
        case .predict: .predict
        case .pssManifest: .pssManifest
        case .pssLabels: .pssLabels
        case .pssPredict: .pssPredict
        case .netpol: .netpol
        case .netpolPredict: .netpolPredict
        case .rbac: .rbac
        case .rbacPredict: .rbacPredict
        }
    }
}

/// Policy and fix labs: expectations on requests, written out or drawn from a scenario.
public struct PolicyLabSpec: Sendable {
    /// The request stream (needed by `match:` and `budget:` expectations).
    public var scenario: String?
    public var duration: String
    /// Warnings also fail the check.
    public var strict: Bool
    public var expectations: [Expectation]
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

    /// The scenario the log is generated from, and for how long.
    public var scenario: String
    public var duration: String
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
