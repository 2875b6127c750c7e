import KubeAudit
import RBAC
import Seeded

/// Turns simulated requests into the audit events kube-apiserver would write under a
/// policy: stages from the request kind and omitStages, fields by level (spec §7-§8),
/// with the authorization chain's decision and annotations (`ClusterState.access`) and
/// Pod Security admission's annotations and refusals (`PodAdmission`).
public struct EventBuilder: Sendable {
    public var evaluator: PolicyEvaluator
    public var seed: UInt64
    /// Each namespace's labels (the scenario's `namespace_labels`), for Pod Security admission.
    public var namespaceLabels: [String: [String: String]]
    /// The cluster that authorizes requests. `AuditLog` applies each successful write's
    /// change to it before the next request.
    public var cluster: ClusterState

    public init(evaluator: PolicyEvaluator, seed: UInt64, namespaceLabels: [String: [String: String]] = [:],
                cluster: ClusterState = .bootstrap) {
        self.evaluator = evaluator
        self.seed = seed
        self.namespaceLabels = namespaceLabels
        self.cluster = cluster
    }

    /// One request's events (none at level None), and its audit ID.
    public struct Output: Sendable {
        public var auditID: String
        public var events: [AuditEvent]
        public var decision: PolicyDecision
        /// What Pod Security admission did, when it looked at the request.
        public var admission: PodAdmission.Outcome? = nil
        /// The status the request ended with: the scenario's, or 403 when the authorizer,
        /// an escalation check or admission refused it.
        public var status: Int = 0
        /// Impersonation and authorization (nil for a request that failed authentication).
        public var access: ClusterAccess? = nil

        /// The change to the cluster's RBAC objects or NetworkPolicies, when the request succeeded.
        public var change: ClusterState.StateChange? {
            (200..<300).contains(status) ? access?.change : nil
        }
    }

    public func events(for r: SimRequest, index: Int) -> Output? {
        var rng = SeededGenerator(seed: seed &+ UInt64(index) &* 0x9E3779B97F4A7C15)
        let auditID = Self.uuid(&rng)
        let authenticated = r.status != 401
        guard let info = try? RequestInfo.parse(method: r.method, url: r.url, user: authenticated ? r.user : nil) else {
            return nil
        }
        let attrs = info.attributes
        let requestURI = info.requestURI
        let decision = evaluator.evaluate(attrs)
        // A handler panics very rarely (about one request in 200,000): Panic replaces ResponseComplete.
        let panicked = authenticated && rng.next() % 200_000 == 0
        let plan = StagePlan(decision: decision, attributes: attrs,
                             outcome: !authenticated ? .unauthenticated : panicked ? .panicked : .completed)
        let latency = 2_000 + Int64(rng.next() % 40_000)
        let created = MicroTime.format(r.time)
        var name = attrs.name
        if attrs.verb == "create" && name.isEmpty && attrs.subresource.isEmpty, r.body != nil {
            name = "\(attrs.resource.dropLast())-\(String(rng.next() % 0xffffff, radix: 36))"
        }
        let context = Bodies.Context(namespace: attrs.namespace, name: name, uid: Self.uuid(&rng),
                                     resourceVersion: String(100_000 + rng.next() % 900_000), creationTimestamp: created)
        // A delete sends no object (DeleteOptions at most); the object comes back in the response.
        let isDelete = attrs.verb == "delete" || attrs.verb == "deletecollection"
        let requestBody = isDelete ? nil : r.body.flatMap { Bodies.object($0, context) }
        let deletedObject = isDelete ? r.body.flatMap { Bodies.object($0, context) } : nil
        // Authentication, impersonation and authorization run before admission.
        let access = authenticated ? cluster.access(r, attrs, name: name, body: requestBody) : nil
        let admission = access?.refusal == nil
            ? PodAdmission.admit(r, attrs, name: name, labels: namespaceLabels[attrs.namespace] ?? [:]) : nil
        let finalCode = access?.refusal?.code ?? (admission?.forbidden == nil ? r.status : 403)
        guard decision.level != .none else {
            // Nothing is logged, but the request was still decided (the client got its answer).
            return Output(auditID: auditID, events: [], decision: decision, admission: admission, status: finalCode,
                          access: access)
        }
        var objectRef: ObjectReference?
        if attrs.resourceRequest {
            var ref = ObjectReference(attrs)
            ref.name = name
            objectRef = ref
        }
        let status: ResponseStatus
        var responseBody: String?
        switch finalCode {
        case _ where access?.refusal != nil:
            // The authorization or impersonation filter's Forbidden, or an RBAC storage's refusal.
            let refusal = access!.refusal!
            status = ResponseStatus(code: refusal.code, status: "Failure", message: refusal.status.message,
                                    reason: refusal.reason, details: refusal.status.details)
            responseBody = Bodies.status(code: refusal.code, reason: refusal.reason, message: refusal.status.message,
                                         details: refusal.status.details)
        case 403 where admission?.forbidden != nil:
            // The PodSecurity plugin's Forbidden error (apierrors.NewForbidden on the pod).
            let message = admission!.forbidden!
            let details = PodAdmission.forbiddenDetails(name: name)
            status = ResponseStatus(code: 403, status: "Failure", message: message, reason: "Forbidden", details: details)
            responseBody = Bodies.status(code: 403, reason: "Forbidden", message: message, details: details)
        case 401:
            // The failed handler (genericapifilters.Unauthorized) writes this Status, which
            // replaces the authentication filter's "Authentication failed, ..." message.
            status = ResponseStatus(code: 401, status: "Failure", message: "Unauthorized", reason: "Unauthorized")
            responseBody = Bodies.status(code: 401, reason: "Unauthorized", message: "Unauthorized")
        case 404:
            let message = "\(attrs.resource) \"\(name)\" not found"
            status = ResponseStatus(code: 404, status: "Failure", message: message, reason: "NotFound")
            responseBody = Bodies.status(code: 404, reason: "NotFound", message: message)
        default:
            status = ResponseStatus(code: r.status)
            let keep = !decision.omitManagedFields
            if isDelete && attrs.verb == "delete" && !Bodies.returnsDeletedObject.contains(attrs.resource) {
                responseBody = Bodies.deleteSuccess(name: name, group: attrs.apiGroup, resource: attrs.resource, uid: context.uid)
            } else {
                responseBody = (requestBody ?? deletedObject).map { Bodies.stored($0, context, managedFields: keep) }
                    ?? (attrs.resourceRequest
                        ? Bodies.readResponse(resource: attrs.resource, verb: attrs.verb, items: 10, context, managedFields: keep)
                        : Bodies.discovery(path: attrs.path))
            }
        }
        var finalStatus = status
        if panicked {
            finalStatus = ResponseStatus(code: 500, status: "Failure",
                                         message: "APIServer panic'd: runtime error: invalid memory address or nil pointer dereference",
                                         reason: "InternalError")
            responseBody = nil
        }
        var annotations = access?.annotations ?? [:]
        for (key, value) in admission?.annotations ?? [:] { annotations[key] = value }

        var out: [AuditEvent] = []
        for stage in plan.stages {
            let at: Int64
            switch stage {
            case .requestReceived: at = r.time
            case .responseStarted: at = r.time + (authenticated ? latency / 4 : 1_000)
            default: at = r.time + latency
            }
            let later = stage != .requestReceived
            out.append(AuditEvent(
                level: decision.level, auditID: auditID, stage: stage, requestURI: requestURI, verb: attrs.verb,
                user: authenticated ? r.user : nil,
                // Impersonation is applied after RequestReceived is written (spec §6).
                impersonatedUser: later ? access?.impersonated.map { KubeAudit.UserInfo(username: $0.name, groups: $0.groups) } : nil,
                sourceIPs: [r.sourceIP], userAgent: r.userAgent,
                objectRef: objectRef, responseStatus: later ? (stage == .panic ? finalStatus : status) : nil,
                requestObject: later && plan.requestObject.present ? requestBody : nil,
                // A 401's only event is ResponseStarted, and it carries the Unauthorized Status.
                responseObject: (stage == .responseComplete || !authenticated) && plan.responseObject.present ? responseBody : nil,
                requestReceivedTimestamp: r.time, stageTimestamp: at,
                annotations: later ? annotations : [:]))
        }
        return Output(auditID: auditID, events: out, decision: decision, admission: admission, status: finalCode,
                      access: access)
    }

    /// A version-4 style UUID from the seeded stream.
    static func uuid(_ rng: inout SeededGenerator) -> String {
        let a = rng.next(), b = rng.next()
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: max(0, digits - s.count)) + s
        }
        let timeLow = hex(a >> 32, 8), timeMid = hex((a >> 16) & 0xffff, 4)
        let version = hex(0x4000 | (a & 0x0fff), 4)
        let variant = hex(0x8000 | ((b >> 48) & 0x3fff), 4)
        let node = hex(b & 0xffff_ffff_ffff, 12)
        return "\(timeLow)-\(timeMid)-\(version)-\(variant)-\(node)"
    }
}
