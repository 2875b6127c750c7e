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
