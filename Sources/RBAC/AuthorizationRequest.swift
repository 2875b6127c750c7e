/// The authenticated user a request is made as (`user.Info`): a name and groups.
public struct UserInfo: Sendable, Hashable {
    public var name: String
    public var groups: [String]

    public init(name: String, groups: [String] = []) {
        self.name = name
        self.groups = groups
    }

    public static let anonymous = "system:anonymous"
    public static let allAuthenticated = "system:authenticated"
    public static let allUnauthenticated = "system:unauthenticated"
    public static let systemMasters = "system:masters"

    /// The user kube-apiserver's impersonation filter builds for `--as NAME --as-group G...`:
    /// a service account without `--as-group` gets `system:serviceaccounts` and
    /// `system:serviceaccounts:NS`; then `system:authenticated` is added unless it or
    /// `system:unauthenticated` is already there (for `system:anonymous`,
    /// `system:unauthenticated` is added instead).
    public static func impersonating(_ name: String, groups asGroups: [String]) -> UserInfo {
        var groups = asGroups
        if asGroups.isEmpty, let sa = ServiceAccountName(username: name) {
            groups = ServiceAccountName.groups(ofNamespace: sa.namespace)
        }
        if name != anonymous {
            if !groups.contains(allAuthenticated) && !groups.contains(allUnauthenticated) {
                groups.append(allAuthenticated)
            }
        } else if !groups.contains(allUnauthenticated) {
            groups.append(allUnauthenticated)
        }
        return UserInfo(name: name, groups: groups)
    }
}

/// A service account user name, `system:serviceaccount:NAMESPACE:NAME`.
public struct ServiceAccountName: Sendable, Hashable {
    public static let usernamePrefix = "system:serviceaccount:"
    public static let allGroup = "system:serviceaccounts"

    public var namespace: String
    public var name: String

    /// `serviceaccount.SplitUsername`: exactly two non-empty parts after the prefix.
    public init?(username: String) {
        guard username.hasPrefix(Self.usernamePrefix) else { return nil }
        let rest = username.dropFirst(Self.usernamePrefix.count)
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        namespace = String(parts[0])
        name = String(parts[1])
    }

    /// `serviceaccount.MakeGroupNames`.
    public static func groups(ofNamespace namespace: String) -> [String] {
        [allGroup, allGroup + ":" + namespace]
    }

    /// `serviceaccount.MatchesUsername`: `username` is exactly
    /// `system:serviceaccount:<namespace>:<name>` (upstream checks the pieces in turn,
    /// which comes to the same thing).
    public static func matches(namespace: String, name: String, username: String) -> Bool {
        let expected = usernamePrefix.utf8.count + namespace.utf8.count + 1 + name.utf8.count
        guard username.utf8.count == expected else { return false }
        return username == usernamePrefix + namespace + ":" + name
    }
}

/// The attributes the RBAC authorizer looks at (`authorizer.Attributes`).
public struct AuthorizationRequest: Sendable, Hashable {
    public var verb: String
    public var apiGroup: String
    public var resource: String
    public var subresource: String
    public var name: String
    public var namespace: String
    /// The URL path of a non-resource request.
    public var path: String
    public var isResourceRequest: Bool

    public init(verb: String, apiGroup: String = "", resource: String = "", subresource: String = "",
                name: String = "", namespace: String = "", path: String = "", isResourceRequest: Bool = true) {
        self.verb = verb
        self.apiGroup = apiGroup
        self.resource = resource
        self.subresource = subresource
        self.name = name
        self.namespace = namespace
        self.path = path
        self.isResourceRequest = isResourceRequest
    }

    /// A request for a non-resource URL such as `/healthz`.
    public static func nonResource(verb: String, path: String) -> AuthorizationRequest {
        AuthorizationRequest(verb: verb, path: path, isResourceRequest: false)
    }

    /// `resource/subresource`, as a rule's `resources` entry names it.
    public var combinedResource: String {
        subresource.isEmpty ? resource : resource + "/" + subresource
    }
}
