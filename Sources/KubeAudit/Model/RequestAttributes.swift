/// The authenticated user of a request (authentication/v1 UserInfo).
public struct UserInfo: Sendable, Equatable, Hashable {
    public var username: String
    public var uid: String
    public var groups: [String]
    public var extra: [String: [String]]

    public init(username: String, uid: String = "", groups: [String] = [], extra: [String: [String]] = [:]) {
        self.username = username
        self.uid = uid
        self.groups = groups
        self.extra = extra
    }
}

/// What the policy sees of a request: the authorizer attributes kube-apiserver builds
/// from the HTTP request (`authorizer.Attributes`).
///
/// A value type whose fields live in one shared box, so that passing a request around
/// costs one reference count instead of one per string (evaluation is a hot path).
public struct RequestAttributes: Sendable, Equatable, Hashable {
    final class Storage: @unchecked Sendable, Hashable {
        var verb: String
        var resource: String
        var subresource: String
        var apiGroup: String
        var namespace: String
        var name: String
        var path: String
        var apiVersion: String
        var resourceRequest: Bool
        var user: UserInfo?
        /// The user's name and groups, kept ready for matching.
        private(set) var username = ""
        private(set) var groups: [StringKey] = []

        init(user: UserInfo?, verb: String, namespace: String, apiGroup: String, apiVersion: String,
             resource: String, subresource: String, name: String, path: String, resourceRequest: Bool) {
            self.verb = verb
            self.namespace = namespace
            self.apiGroup = apiGroup
            self.apiVersion = apiVersion
            self.resource = resource
            self.subresource = subresource
            self.name = name
            self.path = path
            self.resourceRequest = resourceRequest
            self.user = user
            mirrorUser()
        }

        func mirrorUser() {
            username = user?.username ?? ""
            groups = (user?.groups ?? []).map(StringKey.init)
        }

        func copy() -> Storage {
            Storage(user: user, verb: verb, namespace: namespace, apiGroup: apiGroup, apiVersion: apiVersion,
                    resource: resource, subresource: subresource, name: name, path: path,
                    resourceRequest: resourceRequest)
        }

        static func == (a: Storage, b: Storage) -> Bool {
            a === b || (a.user == b.user && a.verb == b.verb && a.namespace == b.namespace && a.apiGroup == b.apiGroup
                && a.apiVersion == b.apiVersion && a.resource == b.resource && a.subresource == b.subresource
                && a.name == b.name && a.path == b.path && a.resourceRequest == b.resourceRequest)
        }

        func hash(into h: inout Hasher) {
            h.combine(user)
            h.combine(verb)
            h.combine(namespace)
            h.combine(apiGroup)
            h.combine(resource)
            h.combine(subresource)
            h.combine(name)
            h.combine(path)
            h.combine(resourceRequest)
        }
    }

    var storage: Storage
    /// Fingerprints of the matched fields, inline so that evaluating a stream of requests
    /// reads them sequentially and settles most tests without touching the strings.
    private(set) var keys: EvalKeys

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// nil when the request carries no user (authentication failed).
    public var user: UserInfo? {
        get { storage.user }
        set {
            unique()
            storage.user = newValue
            storage.mirrorUser()
            keys.hasUser = newValue != nil
            keys.username = StringKey.fingerprint(newValue?.username ?? "")
        }
    }
    /// The Kubernetes verb for resource requests; the lower-cased HTTP method otherwise.
    public var verb: String {
        get { storage.verb }
        set { unique(); storage.verb = newValue; keys.verb = StringKey.fingerprint(newValue) }
    }
    /// "" for cluster-scoped objects and all-namespace lists.
    public var namespace: String {
        get { storage.namespace }
        set { unique(); storage.namespace = newValue; keys.namespace = StringKey.fingerprint(newValue) }
    }
    public var apiGroup: String {
        get { storage.apiGroup }
        set { unique(); storage.apiGroup = newValue; keys.apiGroup = StringKey.fingerprint(newValue) }
    }
    public var apiVersion: String {
        get { storage.apiVersion }
        set { unique(); storage.apiVersion = newValue }
    }
    public var resource: String {
        get { storage.resource }
        set { unique(); storage.resource = newValue; keys.resource = StringKey.fingerprint(newValue) }
    }
    public var subresource: String {
        get { storage.subresource }
        set { unique(); storage.subresource = newValue; keys.subresource = StringKey.fingerprint(newValue) }
    }
    public var name: String {
        get { storage.name }
        set { unique(); storage.name = newValue; keys.name = StringKey.fingerprint(newValue) }
    }
    /// URL path without the query.
    public var path: String {
        get { storage.path }
        set { unique(); storage.path = newValue }
    }
    public var resourceRequest: Bool {
        get { storage.resourceRequest }
        set { unique(); storage.resourceRequest = newValue; keys.resourceRequest = newValue }
    }

    public init(user: UserInfo?, verb: String, namespace: String = "", apiGroup: String = "", apiVersion: String = "",
                resource: String = "", subresource: String = "", name: String = "", path: String = "",
                resourceRequest: Bool) {
        storage = Storage(user: user, verb: verb, namespace: namespace, apiGroup: apiGroup, apiVersion: apiVersion,
                          resource: resource, subresource: subresource, name: name, path: path,
                          resourceRequest: resourceRequest)
        keys = EvalKeys(verb: StringKey.fingerprint(verb), resource: StringKey.fingerprint(resource),
                        subresource: StringKey.fingerprint(subresource), apiGroup: StringKey.fingerprint(apiGroup),
                        namespace: StringKey.fingerprint(namespace), name: StringKey.fingerprint(name),
                        username: StringKey.fingerprint(user?.username ?? ""), resourceRequest: resourceRequest,
                        hasUser: user != nil)
    }

    public static func == (a: RequestAttributes, b: RequestAttributes) -> Bool { a.storage == b.storage }
    public func hash(into h: inout Hasher) { storage.hash(into: &h) }

    /// `resource/subresource`, or the resource alone.
    public var combinedResource: String {
        subresource.isEmpty ? resource : resource + "/" + subresource
    }

    /// A short human description: `get secrets/db in prod` or `GET /healthz`.
    public var summary: String {
        guard resourceRequest else { return "\(verb) \(path) (non-resource)" }
        var s = "\(verb) \(combinedResource)"
        if !apiGroup.isEmpty { s += " (\(apiGroup))" }
        if !name.isEmpty { s += " \"\(name)\"" }
        s += namespace.isEmpty ? " (cluster-wide)" : " in namespace \(namespace)"
        return s
    }
}

/// A string with a 64-bit fingerprint of its bytes. Two keys are equal exactly when
/// their strings are; different fingerprints settle most comparisons with one integer test.
public struct StringKey: Sendable, Hashable {
    public let fingerprint: UInt64
    public let string: String

    public init(_ s: String) {
        fingerprint = Self.fingerprint(s)
        string = s
    }

    /// A strings of up to 7 UTF-8 bytes is its own fingerprint: its bytes and length,
    /// top bit clear, so equal fingerprints mean equal strings. Longer strings get FNV-1a
    /// with the top bit set, and a fingerprint match must be confirmed on the strings.
    public static func fingerprint(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var packed: UInt64 = 0
        var n: UInt64 = 0
        for b in s.utf8 {
            h = (h ^ UInt64(b)) &* 0x100000001b3
            if n < 7 { packed |= UInt64(b) << (8 * n) }
            n &+= 1
        }
        if n <= 7 { return packed | (n << 56) }
        return (h ^ (n &* 0x9E3779B97F4A7C15)) | (1 << 63)
    }

    /// True when equal fingerprints need the strings compared to be sure.
    @inline(__always)
    public static func needsConfirmation(_ fp: UInt64) -> Bool { fp >> 63 != 0 }

    @inline(__always)
    public static func == (a: StringKey, b: StringKey) -> Bool {
        a.fingerprint == b.fingerprint && a.string == b.string
    }

    public func hash(into h: inout Hasher) { h.combine(fingerprint) }
}

/// The fingerprints evaluation reads, stored inline in `RequestAttributes`.
public struct EvalKeys: Sendable {
    var verb: UInt64
    var resource: UInt64
    var subresource: UInt64
    var apiGroup: UInt64
    var namespace: UInt64
    var name: UInt64
    var username: UInt64
    var resourceRequest: Bool
    var hasUser: Bool
}
