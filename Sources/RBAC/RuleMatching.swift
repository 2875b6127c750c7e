import Diagnostics

/// Whether one PolicyRule allows one request, as `RuleAllows` and the helpers in
/// `pkg/apis/rbac/v1/evaluation_helpers.go` decide it.
///
/// The wildcards are RBAC's own: `*` alone in a field, `*/sub` for one subresource of
/// every resource, and a trailing `*` on a non-resource URL. There is no `pods/*`.
public enum RuleMatching {
    public static let verbAll = "*"
    public static let apiGroupAll = "*"
    public static let resourceAll = "*"
    public static let nonResourceAll = "*"

    public static func allows(_ rule: PolicyRule, _ request: AuthorizationRequest) -> Bool {
        if request.isResourceRequest {
            return verbMatches(rule, request.verb)
                && apiGroupMatches(rule, request.apiGroup)
                && resourceMatches(rule, combined: request.combinedResource, subresource: request.subresource)
                && resourceNameMatches(rule, request.name)
        }
        return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.path)
    }

    public static func verbMatches(_ rule: PolicyRule, _ verb: String) -> Bool {
        rule.verbs.contains { $0 == verbAll || $0 == verb }
    }

    public static func apiGroupMatches(_ rule: PolicyRule, _ group: String) -> Bool {
        rule.apiGroups.contains { $0 == apiGroupAll || $0 == group }
    }

    public static func resourceMatches(_ rule: PolicyRule, combined: String, subresource: String) -> Bool {
        for ruleResource in rule.resources {
            if ruleResource == resourceAll || ruleResource == combined { return true }
            if subresource.isEmpty { continue }
            // `*/subresource`: the rule is exactly two bytes longer than the subresource.
            if ruleResource.utf8.count == subresource.utf8.count + 2, ruleResource.utf8.starts(with: "*/".utf8),
               ruleResource.utf8.dropFirst(2).elementsEqual(subresource.utf8) {
                return true
            }
        }
        return false
    }

    /// An empty `resourceNames` allows every name (including none).
    public static func resourceNameMatches(_ rule: PolicyRule, _ name: String) -> Bool {
        rule.resourceNames.isEmpty || rule.resourceNames.contains(name)
    }

    public static func nonResourceURLMatches(_ rule: PolicyRule, _ path: String) -> Bool {
        for ruleURL in rule.nonResourceURLs {
            if ruleURL == nonResourceAll || ruleURL == path { return true }
            if ruleURL.utf8.last == UInt8(ascii: "*"), path.utf8.starts(with: trimTrailingStars(ruleURL).utf8) {
                return true
            }
        }
        return false
    }

    /// `strings.TrimRight(s, "*")`.
    static func trimTrailingStars(_ s: String) -> Substring {
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == "*" { end = s.index(before: end) }
        return s[s.startIndex..<end]
    }
}

/// Which subjects of a binding stand for a user (`appliesTo` in `rule.go`).
public enum SubjectMatching {
    /// The index of the first subject that applies, or nil.
    public static func firstMatch(_ user: UserInfo, _ subjects: [Subject], namespace: String) -> Int? {
        subjects.firstIndex { applies(user, $0, namespace: namespace) }
    }

    /// `appliesToUser`. `namespace` is the binding's namespace for a RoleBinding and
    /// empty for a ClusterRoleBinding; it fills in a ServiceAccount subject's namespace.
    public static func applies(_ user: UserInfo, _ subject: Subject, namespace: String) -> Bool {
        switch subject.kind {
        case "User":
            return user.name == subject.name
        case "Group":
            return user.groups.contains(subject.name)
        case "ServiceAccount":
            let saNamespace = subject.namespace.isEmpty ? namespace : subject.namespace
            if saNamespace.isEmpty { return false }
            return ServiceAccountName.matches(namespace: saNamespace, name: subject.name, username: user.name)
        default:
            return false
        }
    }

    /// `describeSubject`: `User "alice"`, `Group "devs"`, `ServiceAccount "sa/ns"`.
    public static func describe(_ subject: Subject, bindingNamespace: String) -> String {
        if subject.kind == "ServiceAccount" {
            let ns = subject.namespace.isEmpty ? bindingNamespace : subject.namespace
            return subject.kind + " " + GoQuote.quote(subject.name + "/" + ns)
        }
        return subject.kind + " " + GoQuote.quote(subject.name)
    }
}

/// `utilerrors.NewAggregate(errs).Error()` for errors that are plain messages:
/// one message alone, otherwise `[a, b]` with repeated messages dropped.
public enum ErrorAggregate {
    public static func message(_ messages: [String]) -> String {
        if messages.isEmpty { return "" }
        if messages.count == 1 { return messages[0] }
        var seen = Set<String>()
        var unique: [String] = []
        for m in messages where seen.insert(m).inserted { unique.append(m) }
        if unique.count == 1 { return unique[0] }
        return "[" + unique.joined(separator: ", ") + "]"
    }
}
