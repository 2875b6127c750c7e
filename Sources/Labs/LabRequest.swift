import ClusterSim
import KubeAudit

/// A request written out in a lab: an HTTP method (or verb) and URL, and who sends it.
public struct RequestSpec: Sendable, Equatable {
    public var method: String
    public var url: String
    /// nil: the request failed authentication (401).
    public var user: String?
    public var groups: [String]

    public init(method: String, url: String, user: String?, groups: [String] = []) {
        self.method = method
        self.url = url
        self.user = user
        self.groups = groups
    }

    /// kube-apiserver's reading of the request.
    public func info() throws(RequestInfoError) -> RequestInfo {
        try RequestInfo.parse(method: method, url: url, user: user.map { UserInfo(username: $0, groups: groups) })
    }

    /// `GET /api/v1/... as alice`, for feedback.
    public var summary: String {
        "\(method) \(url) " + (user.map { "as \($0)" } ?? "(not authenticated)")
    }
}

/// Picks requests out of a scenario's stream. Every key is one value or a list of
/// alternatives; a value ending in `*` is a prefix. All given keys must match.
public struct RequestSelector: Sendable, Equatable {
    public var verb: [String] = []
    /// `resource` or `resource/subresource`.
    public var resource: [String] = []
    public var group: [String] = []
    public var namespace: [String] = []
    public var user: [String] = []
    public var path: [String] = []
    public var status: [Int] = []
    public var incident: [String] = []

    public init() {}

    public func matches(_ r: SimRequest, _ a: RequestAttributes) -> Bool {
        func any(_ patterns: [String], _ value: String) -> Bool {
            patterns.isEmpty || patterns.contains { p in
                p.hasSuffix("*") ? value.hasPrefix(p.dropLast()) : value == p
            }
        }
        if !resource.isEmpty || !group.isEmpty || !namespace.isEmpty {
            guard a.resourceRequest else { return false }
        }
        if !path.isEmpty { guard !a.resourceRequest else { return false } }
        return any(verb, a.verb)
            && any(resource, a.subresource.isEmpty ? a.resource : a.resource + "/" + a.subresource)
            && any(group, a.apiGroup)
            && any(namespace, a.namespace)
            && any(user, a.user?.username ?? "")
            && any(path, a.path)
            && (status.isEmpty || status.contains(r.status))
            && (incident.isEmpty || incident.contains(r.incident ?? ""))
    }

    /// `resource=secrets verb=get|list`, for feedback.
    public var summary: String {
        var parts: [String] = []
        func add(_ k: String, _ v: [String]) { if !v.isEmpty { parts.append("\(k)=" + v.joined(separator: "|")) } }
        add("verb", verb); add("resource", resource); add("group", group.map { $0.isEmpty ? "\"\"" : $0 })
        add("namespace", namespace); add("user", user); add("path", path); add("status", status.map(String.init))
        add("incident", incident)
        return parts.isEmpty ? "every request" : parts.joined(separator: " ")
    }
}
