/// Which events kube-apiserver emits for a request, and which optional fields they carry,
/// given the policy's decision (spec §7-§8).
public struct StagePlan: Sendable, Equatable {
    /// How the request ends, which decides the stages.
    public enum Outcome: String, Sendable, Codable {
        /// Handled normally (any status code except a failed authentication).
        case completed
        /// Authentication failed (401): a single ResponseStarted event, evaluated with no user.
        case unauthenticated
        /// The handler panicked: Panic replaces ResponseComplete.
        case panicked
    }

    /// A field that may or may not appear in an event, and why.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var present: Bool
        public var reason: String
    }

    public var level: AuditLevel
    /// Stages that produce an event, in order.
    public var stages: [AuditStage]
    /// Stages the request would have produced but the policy omits.
    public var omitted: [AuditStage]
    public var requestObject: Field
    public var responseObject: Field
    public var longRunning: Bool

    public init(decision: PolicyDecision, attributes a: RequestAttributes, outcome: Outcome = .completed) {
        level = decision.level
        longRunning = RequestInfo.isLongRunning(a)
        var all: [AuditStage]
        switch outcome {
        case .unauthenticated: all = [.responseStarted]
        case .completed: all = longRunning ? [.requestReceived, .responseStarted, .responseComplete]
                                          : [.requestReceived, .responseComplete]
        case .panicked: all = [.requestReceived, .panic]
        }
        if decision.level == .none {
            stages = []
            omitted = []
        } else {
            stages = all.filter { !decision.omitStages.contains($0) }
            omitted = all.filter { decision.omitStages.contains($0) }
        }
        requestObject = Self.requestObject(level: decision.level, a, outcome: outcome)
        responseObject = Self.responseObject(level: decision.level, a, outcome: outcome)
    }

    /// Verbs whose handlers record the decoded request body.
    static let bodyVerbs: Set<String> = ["create", "update", "patch", "delete", "deletecollection"]

    static func requestObject(level: AuditLevel, _ a: RequestAttributes, outcome: Outcome) -> Field {
        let name = "requestObject"
        if level < .request {
            return Field(name: name, present: false, reason: "only recorded at level Request or RequestResponse")
        }
        if outcome == .unauthenticated {
            return Field(name: name, present: false, reason: "the request was rejected before any handler read its body")
        }
        if !a.resourceRequest {
            return Field(name: name, present: false, reason: "non-resource requests never record a body")
        }
        if RequestInfo.isConnect(a) {
            return Field(name: name, present: false, reason: "connect requests (\(a.subresource.isEmpty ? a.verb : a.subresource)) never record a body")
        }
        if !bodyVerbs.contains(a.verb) {
            return Field(name: name, present: false, reason: "\(a.verb) requests have no request body to record")
        }
        let note = a.verb.hasPrefix("delete") ? " (DeleteOptions, only when the request sent a body)" :
            a.verb == "patch" ? " (the patch as sent)" : ""
        return Field(name: name, present: true,
                     reason: "recorded in events after RequestReceived\(note)")
    }

    static func responseObject(level: AuditLevel, _ a: RequestAttributes, outcome: Outcome) -> Field {
        let name = "responseObject"
        if level < .requestResponse {
            return Field(name: name, present: false, reason: "only recorded at level RequestResponse")
        }
        if outcome == .unauthenticated {
            // The failed handler writes an Unauthorized Status through WriteObjectNegotiated.
            return Field(name: name, present: true,
                         reason: "the 401 Status object (never resource data), in the single ResponseStarted event")
        }
        if !a.resourceRequest {
            if isDiscovery(a) {
                return Field(name: name, present: true,
                             reason: "discovery handlers write their APIVersions, APIGroupList or APIResourceList as an object")
            }
            return Field(name: name, present: false,
                         reason: "\(a.path) writes raw bytes, not an object, so nothing is recorded")
        }
        if a.verb == "watch" {
            return Field(name: name, present: false, reason: "watch streams are never recorded")
        }
        if RequestInfo.isConnect(a) {
            return Field(name: name, present: false, reason: "connect responses (\(a.subresource.isEmpty ? a.verb : a.subresource)) are streams and never recorded")
        }
        if a.subresource == "log" {
            return Field(name: name, present: false, reason: "pod logs are streamed, not recorded")
        }
        return Field(name: name, present: true, reason: "recorded in the ResponseComplete event")
    }

    /// A discovery request (`/api`, `/api/v1`, `/apis`, `/apis/<g>`, `/apis/<g>/<v>`, read with
    /// GET): its handler writes an object through `WriteObjectNegotiated`, unlike `/healthz`,
    /// `/livez`, `/readyz`, `/metrics` or `/version`, which write raw JSON or text.
    public static func isDiscovery(_ a: RequestAttributes) -> Bool {
        guard !a.resourceRequest, a.verb == "get" else { return false }
        let parts = a.path.split(separator: "/")
        guard let first = parts.first else { return false }
        switch first {
        case "api": return parts.count <= 2
        case "apis": return parts.count <= 3
        default: return false
        }
    }
}

extension StagePlan.Outcome {
    /// kube-apiserver's one rule for a failed authentication: the request has no user, its
    /// status is 401, and it writes a single ResponseStarted event. Everything that turns a
    /// request (with or without a user, or with a status) into an outcome asks here.
    public static let unauthorizedStatus = 401

    /// The outcome of a request that ended normally or, with no authenticated user, in a 401.
    public static func of(user: UserInfo?) -> Self { user == nil ? .unauthenticated : .completed }

    /// The outcome of a request answered with `status`.
    public static func of(status: Int) -> Self { status == unauthorizedStatus ? .unauthenticated : .completed }
}
