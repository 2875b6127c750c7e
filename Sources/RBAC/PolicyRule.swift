import Diagnostics

/// One rule of a Role or ClusterRole (`rbac.authorization.k8s.io/v1` PolicyRule).
///
/// Go keeps nil and empty slices apart, but no RBAC code path tells them apart
/// (the aggregation controller compares with `equality.Semantic`, which treats them
/// as equal), so a missing field, `null` and `[]` are all the empty array here.
/// `[""]` stays one empty string.
public struct PolicyRule: Sendable, Hashable {
    public var verbs: [String]
    public var apiGroups: [String]
    public var resources: [String]
    public var resourceNames: [String]
    public var nonResourceURLs: [String]

    public init(verbs: [String] = [], apiGroups: [String] = [], resources: [String] = [],
                resourceNames: [String] = [], nonResourceURLs: [String] = []) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    /// `rbacv1helpers.CompactString`: the form escalation errors print,
    /// `{APIGroups:[""], Resources:["pods"], Verbs:["get"]}` (empty fields left out).
    public var compactString: String {
        var parts: [String] = []
        if !apiGroups.isEmpty { parts.append("APIGroups:" + GoFormat.quotedList(apiGroups)) }
        if !resources.isEmpty { parts.append("Resources:" + GoFormat.quotedList(resources)) }
        if !nonResourceURLs.isEmpty { parts.append("NonResourceURLs:" + GoFormat.quotedList(nonResourceURLs)) }
        if !resourceNames.isEmpty { parts.append("ResourceNames:" + GoFormat.quotedList(resourceNames)) }
        if !verbs.isEmpty { parts.append("Verbs:" + GoFormat.quotedList(verbs)) }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// The generated `(*PolicyRule).String()` of `k8s.io/api/rbac/v1`, which
    /// `kubectl auth can-i --list` sorts by:
    /// `&PolicyRule{Verbs:[get],APIGroups:[],Resources:[pods],ResourceNames:[],NonResourceURLs:[],}`.
    public var goString: String {
        "&PolicyRule{Verbs:" + GoFormat.valueList(verbs)
            + ",APIGroups:" + GoFormat.valueList(apiGroups)
            + ",Resources:" + GoFormat.valueList(resources)
            + ",ResourceNames:" + GoFormat.valueList(resourceNames)
            + ",NonResourceURLs:" + GoFormat.valueList(nonResourceURLs)
            + ",}"
    }

    /// True for a rule about API resources (it names at least one resource).
    public var isResourceRule: Bool { !resources.isEmpty }

    /// True for a rule about non-resource URLs.
    public var isNonResourceRule: Bool { !nonResourceURLs.isEmpty }
}

/// The few pieces of Go's `fmt` that RBAC messages are built from (quoting itself is
/// Diagnostics' `GoQuote`).
public enum GoFormat {
    /// `%q` of a `[]string`: `["a" "b"]`.
    public static func quotedList(_ items: [String]) -> String {
        "[" + items.map(GoQuote.quote).joined(separator: " ") + "]"
    }

    /// `%v` of a `[]string`: `[a b]` (an empty string element prints as nothing).
    public static func valueList(_ items: [String]) -> String {
        "[" + items.joined(separator: " ") + "]"
    }
}
