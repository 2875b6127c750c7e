import RBAC

/// One access an RBAC lab asks about: what `kubectl auth can-i` would be asked, as a
/// SubjectAccessReview's attributes.
public struct RBACAccess: Sendable, Equatable {
    public var verb: String
    /// `RESOURCE[.GROUP][/SUBRESOURCE]` as kubectl writes it (`pods/log`, `deployments.apps/scale`); empty for a URL.
    public var resource: String
    public var name: String
    public var namespace: String
    /// A non-resource URL (`/metrics`); empty for a resource request.
    public var url: String

    public init(verb: String, resource: String = "", name: String = "", namespace: String = "", url: String = "") {
        self.verb = verb
        self.resource = resource
        self.name = name
        self.namespace = namespace
        self.url = url
    }

    /// The authorizer's attributes: the resource split kubectl's way (first `/` for the
    /// subresource, first `.` for the group).
    public var request: AuthorizationRequest {
        if !url.isEmpty { return .nonResource(verb: verb, path: url) }
        let parts = resource.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let typed = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        return AuthorizationRequest(verb: verb, apiGroup: typed.count == 2 ? typed[1] : "", resource: typed[0],
                                    subresource: parts.count == 2 ? parts[1] : "", name: name, namespace: namespace)
    }

    /// `get pods/log web-0 in shop`, `get /metrics`, for feedback.
    public var summary: String {
        if !url.isEmpty { return "\(verb) \(url)" }
        return "\(verb) \(resource)" + (name.isEmpty ? "" : " \(name)")
            + (namespace.isEmpty ? " (cluster-wide)" : " in \(namespace)")
    }
}

/// The identity a request is made as: `--as NAME --as-group G...`.
public struct RBACIdentity: Sendable, Equatable {
    public var user: String
    public var groups: [String]

    public init(user: String, groups: [String] = []) {
        self.user = user
        self.groups = groups
    }

    /// The user kube-apiserver's impersonation builds (service accounts get their groups).
    public var userInfo: UserInfo { UserInfo.impersonating(user, groups: groups) }
}

/// An `rbac` lab: the learner writes RBAC objects that, added to the cluster's, allow
/// every `mustAllow` access and none of the `mustDeny` ones for `identity`; with
/// `writtenBy`, kube-apiserver's escalation checks must also let that user create them.
public struct RBACLabSpec: Sendable {
    /// The cluster's own RBAC objects (YAML documents), added to the default roles.
    public var cluster: String
    public var identity: RBACIdentity
    /// The namespace answer objects without one are created in (`kubectl apply -n`).
    public var namespace: String
    public var mustAllow: [RBACAccess]
    public var mustDeny: [RBACAccess]
    /// Who creates the answer's objects (escalation prevention applies to them).
    public var writtenBy: RBACIdentity?
}

/// An `rbac-predict` lab: the learner says yes or no to each access on a shipped cluster.
public struct RBACPredictSpec: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var identity: RBACIdentity
        public var access: RBACAccess
    }

    public var cluster: String
    public var items: [Item]
}
