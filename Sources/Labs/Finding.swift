/// One thing a grader found, as data: what it is about, what was expected and what
/// happened, the rule that decided, and a counterexample. Graders return findings; the
/// sentences a learner reads are written from them in one renderer (Trainer's
/// `FindingText`), and `--json` ships them as they are.
public struct Finding: Sendable, Equatable {
    public enum Code: String, Sendable, CaseIterable {
        /// kube-apiserver would refuse to start with the policy (`message`: its error).
        case policyRefused
        /// A warning that fails a strict lab (`message`).
        case warning
        /// A request is not logged as the expectation says (`mismatches`, `rule`).
        case requestMishandled
        /// Some of the scenario's requests that an expectation selects fail (`count`);
        /// an example follows as a `requestMishandled` finding marked `isExample`.
        case matchingRequestsFail
        /// Events per second over the budget (`expected` the budget, `actual` the estimate).
        case overEventBudget
        /// Bytes per day over the budget (`expected` the budget, `actual` the estimate).
        case overByteBudget
        /// The rule writing the largest share of the bytes (`rule`, `share` in percent).
        case largestShare
        /// The learner's program stopped: a jq error, a limit, a halt (`message`, and the
        /// input it stopped on as `counterexample`).
        case programFailed
        /// The program printed another number of outputs than the reference.
        case outputCountDiffers
        /// The smallest input on which the outputs differ (`subject` .event, `counterexample`
        /// the event, `expected`/`actual` the outputs; nil is no output).
        case eventDiffers
        /// The first differing output (`subject` .output; nil is nothing there).
        case outputDiffers
        /// A predict lab's request has no answer.
        case notAnswered
        /// Predicted facts that are wrong (`mismatches`), and why (`message`).
        case wrongPrediction
        // Pod Security labs (PSSManifestGrader, PSSLabelsGrader, PSSPredictGrader).
        /// The answer holds no pod or workload, or more than one (`actual`: what it holds).
        case pssNoWorkload
        /// Admission refuses the answer (`message`: the engine's error verbatim, `subject` the object).
        case pssRefused
        /// One failing check (`subject` its id, `message` upstream's reason, `actual` its
        /// detail, `mismatches` the fields to change with the allowed values as `expected`).
        case pssCheckFails
        /// Something the workload needs is gone (`subject` the requirement, `expected`
        /// path and value, `actual` what is there).
        case pssRequirementUnmet
        /// A namespace label is wrong, missing or not pinned (`subject` the label,
        /// `expected`/`actual`, `message` the engine's label error).
        case pssLabelProblem
        /// Admission treats a probe or object otherwise than stated (`subject` the object,
        /// `mismatches` per fact, `message` the engine's error, warning or audit annotation).
        case pssOutcomeDiffers
        // NetworkPolicy labs (netpol, netpol-predict): `traffic` holds the engine's explanation.
        /// kube-apiserver would reject a NetworkPolicy of the answer (`message`: its error).
        case networkPolicyRejected
        /// The answer holds an object other than a NetworkPolicy (`message`).
        case notANetworkPolicy
        /// A connection is not as the lab requires (`expected`/`actual`: allowed or blocked).
        case connectionWrong
        /// A predicted verdict is wrong (`expected`: the answer's, `actual`: the engine's;
        /// `allowed`/`blocked`, or `opened`/`closed`/`unchanged` after a deletion).
        case verdictWrong
        // RBAC lab kinds
        /// An access the lab requires allowed (or denied) comes out the other way
        /// (`subject` the access, `expected`/`actual` yes or no, `message` upstream's reason, `rbac`).
        case rbacAccessWrong
        /// kube-apiserver would refuse to store an answer object for its writer
        /// (`subject` the object, `message` the API server's error verbatim, `rbac` the missing rules).
        case rbacWriteRefused
        /// An rbac-predict answer that is wrong (`expected` what was said, `actual` the
        /// authorizer's answer, `message` upstream's reason, `rbac`).
        case rbacWrongPrediction
    }

    /// What a finding is about.
    public enum Subject: Sendable, Equatable {
        case request(String)
        case requests(String)
        case scenario(String)
        case event(index: Int, of: Int)
        case output(index: Int, sorted: Bool)
        case item(String)
        /// `shop/web -> shop/db 5432/TCP`.
        case connection(String)
    }

    /// One fact that differs: which field, what was expected, what it is.
    public struct Mismatch: Sendable, Equatable {
        public var field: String
        public var expected: String?
        public var actual: String?
        /// Why the actual value is what it is, where the engine says.
        public var reason: String?

        public init(field: String, expected: String?, actual: String?, reason: String? = nil) {
            self.field = field
            self.expected = expected
            self.actual = actual
            self.reason = reason
        }
    }

    /// How many requests fail of how many selected.
    public struct Count: Sendable, Equatable {
        public var failed: Int
        public var total: Int

        public init(failed: Int, total: Int) {
            self.failed = failed
            self.total = total
        }
    }

    /// The policy rule that decided (nil index: no rule matched).
    public struct Rule: Sendable, Equatable {
        public var index: Int?
        /// Where the rule starts in the answer.
        public var line: Int?
        public var level: String
        /// The policy's omitStages, when they bear on the finding.
        public var omitStages: [String]?

        public init(index: Int?, line: Int?, level: String, omitStages: [String]? = nil) {
            self.index = index
            self.line = line
            self.level = level
            self.omitStages = omitStages
        }
    }

    public var code: Code
    public var subject: Subject?
    public var expected: String?
    public var actual: String?
    public var mismatches: [Mismatch]
    public var rule: Rule?
    public var counterexample: String?
    public var message: String?
    /// How many of how many, for findings over many requests.
    public var count: Count?
    public var share: Int?
    /// Shown as an example of the finding before it.
    public var isExample: Bool
    /// Why a connection is allowed or blocked (NetworkPolicy findings).
    public var traffic: TrafficEvidence? = nil
    /// RBAC evidence: the deciding binding and rule, or the closest rule and what it lacks.
    public var rbac: RBACEvidence? = nil

    public init(_ code: Code, subject: Subject? = nil, expected: String? = nil, actual: String? = nil,
                mismatches: [Mismatch] = [], rule: Rule? = nil, counterexample: String? = nil, message: String? = nil,
                count: Count? = nil, share: Int? = nil, isExample: Bool = false) {
        self.code = code
        self.subject = subject
        self.expected = expected
        self.actual = actual
        self.mismatches = mismatches
        self.rule = rule
        self.counterexample = counterexample
        self.message = message
        self.count = count
        self.share = share
        self.isExample = isExample
    }
}

/// What the RBAC authorizer based a decision on, for a finding: the binding and rule that
/// granted an access, or (for a denial) the rule that came closest and what it lacks.
public struct RBACEvidence: Sendable, Equatable {
    /// `RoleBinding "web" of Role "reader" to ServiceAccount "api"` (the authorizer's own description).
    public var binding: String?
    /// `Role shop/reader`, `ClusterRole view`.
    public var role: String?
    public var ruleIndex: Int?
    /// The rule, as escalation errors print it (`{APIGroups:[""], Resources:["pods"], Verbs:["get"]}`).
    public var rule: String?
    /// The line in the answer of the role (or object) concerned; nil when it is the cluster's.
    public var line: Int?
    /// The line in the answer of the binding concerned; nil when it is the cluster's.
    public var bindingLine: Int? = nil
    /// The closest rule's shortfalls, one sentence each (upstream attributes).
    public var lacks: [String]
    /// Rules the writer lacks (escalation), compact form.
    public var missing: [String]
    /// Whether the access was decided by a granting rule (true) or a denial (false).
    public var granted: Bool

    public init(binding: String? = nil, role: String? = nil, ruleIndex: Int? = nil, rule: String? = nil,
                line: Int? = nil, lacks: [String] = [], missing: [String] = [], granted: Bool = false) {
        self.binding = binding
        self.role = role
        self.ruleIndex = ruleIndex
        self.rule = rule
        self.line = line
        self.lacks = lacks
        self.missing = missing
        self.granted = granted
    }
}
