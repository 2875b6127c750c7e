import Diagnostics
import KubeAudit
import RBAC

/// The 403 Status kube-apiserver writes when a request is refused: the authorization
/// filter's (`responsewriters.Forbidden` with `forbiddenMessage`), the impersonation
/// filter's, or an RBAC storage's escalation refusal (`apierrors.NewForbidden`).
public struct ForbiddenStatus: Sendable, Equatable {
    /// The Status message, e.g. `pods is forbidden: User "x" cannot list resource "pods"
    /// in API group "" in the namespace "default"`.
    public var message: String
    /// The Status `details` as JSON (`{"name":..,"group":..,"kind":..}`, empty fields left out).
    public var details: String

    public init(message: String, details: String) {
        self.message = message
        self.details = details
    }

    /// What the attributes look like to the Forbidden writer.
    public struct Attributes: Sendable, Equatable {
        public var user: String
        public var verb: String
        public var apiGroup: String
        public var resource: String
        public var subresource: String
        public var namespace: String
        public var name: String
        public var path: String
        public var resourceRequest: Bool

        public init(user: String, verb: String, apiGroup: String = "", resource: String = "", subresource: String = "",
                    namespace: String = "", name: String = "", path: String = "", resourceRequest: Bool = true) {
            self.user = user
            self.verb = verb
            self.apiGroup = apiGroup
            self.resource = resource
            self.subresource = subresource
            self.namespace = namespace
            self.name = name
            self.path = path
            self.resourceRequest = resourceRequest
        }
    }

    /// `responsewriters.Forbidden`: the message, `: reason` when the reason is not empty,
    /// wrapped by `NewForbidden` on the request's group and resource.
    public static func authorization(_ a: Attributes, reason: String) -> ForbiddenStatus {
        let message = sanitize(forbiddenMessage(a))
        let err = reason.isEmpty ? message : message + ": " + reason
        return newForbidden(group: a.apiGroup, resource: a.resource, name: a.name, err)
    }

    /// `forbiddenMessage`: the three shapes (non-resource path, namespaced, cluster scope).
    static func forbiddenMessage(_ a: Attributes) -> String {
        let user = GoQuote.quote(a.user)
        guard a.resourceRequest else {
            return "User \(user) cannot \(a.verb) path \(GoQuote.quote(a.path))"
        }
        let resource = a.subresource.isEmpty ? a.resource : a.resource + "/" + a.subresource
        let head = "User \(user) cannot \(a.verb) resource \(GoQuote.quote(resource)) in API group \(GoQuote.quote(a.apiGroup))"
        if !a.namespace.isEmpty { return head + " in the namespace \(GoQuote.quote(a.namespace))" }
        return head + " at the cluster scope"
    }

    /// `apierrors.NewForbidden(schema.GroupResource{group, resource}, name, err)`.
    public static func newForbidden(group: String, resource: String, name: String, _ err: String) -> ForbiddenStatus {
        let qualified = group.isEmpty ? resource : resource + "." + group
        let message: String
        if group.isEmpty && resource.isEmpty {
            message = "forbidden: " + err
        } else if name.isEmpty {
            message = qualified + " is forbidden: " + err
        } else {
            message = qualified + " " + GoQuote.quote(name) + " is forbidden: " + err
        }
        var fields: [String] = []
        if !name.isEmpty { fields.append(#""name":"# + GoQuote.json(name)) }
        if !group.isEmpty { fields.append(#""group":"# + GoQuote.json(group)) }
        if !resource.isEmpty { fields.append(#""kind":"# + GoQuote.json(resource)) }
        return ForbiddenStatus(message: message, details: "{" + fields.joined(separator: ",") + "}")
    }

    /// The storage's error for an escalation refusal, which already carries its
    /// `NewForbidden` prefix (`EscalationCheck.Outcome.error`).
    static func escalation(_ error: String, group: String, resource: String, name: String) -> ForbiddenStatus {
        var status = newForbidden(group: group, resource: resource, name: name, "")
        status.message = error
        return status
    }

    /// `sanitizer`: the Forbidden writer escapes `&`, `<` and `>` as HTML entities.
    static func sanitize(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
            return s
        }
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

}
