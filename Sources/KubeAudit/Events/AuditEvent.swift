/// An `audit.k8s.io/v1` Event as kube-apiserver writes it (spec §1, §8).
public struct AuditEvent: Sendable, Equatable {
    public var level: AuditLevel
    public var auditID: String
    public var stage: AuditStage
    public var requestURI: String
    public var verb: String
    /// nil is written as `{}` (no authenticated user, e.g. a 401).
    public var user: UserInfo?
    public var impersonatedUser: UserInfo?
    public var sourceIPs: [String]
    public var userAgent: String
    public var objectRef: ObjectReference?
    public var responseStatus: ResponseStatus?
    /// Raw JSON bytes of the request body, embedded as they are.
    public var requestObject: String?
    public var responseObject: String?
    /// Microseconds since the Unix epoch.
    public var requestReceivedTimestamp: Int64
    public var stageTimestamp: Int64
    public var annotations: [String: String]

    public init(level: AuditLevel, auditID: String, stage: AuditStage, requestURI: String, verb: String,
                user: UserInfo?, impersonatedUser: UserInfo? = nil, sourceIPs: [String] = [], userAgent: String = "",
                objectRef: ObjectReference? = nil, responseStatus: ResponseStatus? = nil,
                requestObject: String? = nil, responseObject: String? = nil,
                requestReceivedTimestamp: Int64, stageTimestamp: Int64, annotations: [String: String] = [:]) {
        self.level = level
        self.auditID = auditID
        self.stage = stage
        self.requestURI = requestURI
        self.verb = verb
        self.user = user
        self.impersonatedUser = impersonatedUser
        self.sourceIPs = sourceIPs
        self.userAgent = userAgent
        self.objectRef = objectRef
        self.responseStatus = responseStatus
        self.requestObject = requestObject
        self.responseObject = responseObject
        self.requestReceivedTimestamp = requestReceivedTimestamp
        self.stageTimestamp = stageTimestamp
        self.annotations = annotations
    }
}

/// `objectRef`: what the request was about. Empty fields are left out of the JSON.
public struct ObjectReference: Sendable, Equatable {
    public var resource = ""
    public var namespace = ""
    public var name = ""
    public var uid = ""
    public var apiGroup = ""
    public var apiVersion = ""
    public var resourceVersion = ""
    public var subresource = ""

    public init(resource: String = "", namespace: String = "", name: String = "", uid: String = "",
                apiGroup: String = "", apiVersion: String = "", resourceVersion: String = "", subresource: String = "") {
        self.resource = resource
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.apiGroup = apiGroup
        self.apiVersion = apiVersion
        self.resourceVersion = resourceVersion
        self.subresource = subresource
    }

    /// The reference kube-apiserver records for a resource request's attributes.
    public init(_ a: RequestAttributes) {
        self.init(resource: a.resource, namespace: a.namespace, name: a.name, apiGroup: a.apiGroup,
                  apiVersion: a.apiVersion, subresource: a.subresource)
    }
}

/// `responseStatus`: a `metav1.Status`. For success only `code` is set; when the response
/// body is a Status, its status, message, reason and details are copied.
public struct ResponseStatus: Sendable, Equatable {
    public var code: Int
    public var status = ""
    public var message = ""
    public var reason = ""
    /// Raw JSON of `details`, if any.
    public var details: String?

    public init(code: Int, status: String = "", message: String = "", reason: String = "", details: String? = nil) {
        self.code = code
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
    }
}
