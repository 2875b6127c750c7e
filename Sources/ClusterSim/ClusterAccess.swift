import ContentFormat
import Diagnostics
import KubeAudit
import NetworkPolicy
import RBAC

/// What the API server's filters and storages made of one request's identity and
/// authority: impersonation (`WithImpersonation`), authorization (`WithAuthorization`,
/// with its audit annotations), and for writes of RBAC objects the escalation check
/// of the RBAC storages, and the change a successful write makes.
public struct ClusterAccess: Sendable {
    /// The user the request is authorized as (the impersonated one, when it impersonates).
    public var user: RBAC.UserInfo
    /// The impersonated user, when impersonation was allowed.
    public var impersonated: RBAC.UserInfo?
    /// The authorization filter's decision; nil when the impersonation filter refused first.
    public var decision: ClusterState.Decision?
    /// The Status of a refusal (403; 404 for a binding whose role does not exist).
    public var refusal: Refusal?
    /// The escalation check of an RBAC write, when one ran.
    public var escalation: EscalationCheck.Outcome?
    /// What the write changes once it succeeds.
    public var change: ClusterState.StateChange?

    /// A refused request: its code, Status reason and the Status itself.
    public struct Refusal: Sendable, Equatable {
        public var code: Int
        public var reason: String
        public var status: ForbiddenStatus
    }

    public static let decisionKey = "authorization.k8s.io/decision"
    public static let reasonKey = "authorization.k8s.io/reason"

    /// `authorization.k8s.io/decision` and `/reason`, as the authorization filter adds
    /// them (both, the reason even when empty); none when impersonation was refused.
    public var annotations: [String: String] {
        guard let decision else { return [:] }
        return [Self.decisionKey: decision.allowed ? "allow" : "forbid", Self.reasonKey: decision.reason]
    }
}

extension ClusterState {
    static let rbacGroup = "rbac.authorization.k8s.io"
    static let rbacResources: Set<String> = ["roles", "clusterroles", "rolebindings", "clusterrolebindings"]

    /// The request as the RBAC authorizer sees it.
    static func request(_ a: RequestAttributes) -> AuthorizationRequest {
        AuthorizationRequest(verb: a.verb, apiGroup: a.apiGroup, resource: a.resource, subresource: a.subresource,
                             name: a.name, namespace: a.namespace, path: a.path, isResourceRequest: a.resourceRequest)
    }

    /// Impersonation, authorization and the write checks for one authenticated request.
    /// `name` is the object's name (generated for a create without one); `body` the JSON sent.
    public func access(_ r: SimRequest, _ a: RequestAttributes, name: String, body: String?) -> ClusterAccess {
        let real = RBAC.UserInfo(name: r.user?.username ?? "", groups: r.user?.groups ?? [])
        var access = ClusterAccess(user: real)
        if let target = r.impersonate {
            let check: AuthorizationRequest
            if let sa = ServiceAccountName(username: target) {
                check = AuthorizationRequest(verb: "impersonate", resource: "serviceaccounts", name: sa.name, namespace: sa.namespace)
            } else {
                check = AuthorizationRequest(verb: "impersonate", resource: "users", name: target)
            }
            let d = authorize(check, user: real)
            guard d.allowed else {
                access.refusal = .init(code: 403, reason: "Forbidden",
                                       status: .authorization(Self.attributes(check, user: real.name), reason: d.reason))
                return access
            }
            access.user = .impersonating(target, groups: [])
            access.impersonated = access.user
        }
        let request = Self.request(a)
        let decision = authorize(request, user: access.user, fieldSelector: NodeAuthorizer.fieldSelector(ofURL: r.url))
        access.decision = decision
        guard decision.allowed else {
            access.refusal = .init(code: 403, reason: "Forbidden",
                                   status: .authorization(Self.attributes(request, user: access.user.name), reason: decision.reason))
            return access
        }
        if a.resourceRequest && a.subresource.isEmpty {
            if a.apiGroup == Self.rbacGroup && Self.rbacResources.contains(a.resource) {
                rbacWrite(a, name: name, body: body, into: &access)
            } else if a.apiGroup == "networking.k8s.io" && a.resource == "networkpolicies" {
                access.change = policyWrite(a, name: name, body: body)
            }
        }
        return access
    }

    static func attributes(_ r: AuthorizationRequest, user: String) -> ForbiddenStatus.Attributes {
        ForbiddenStatus.Attributes(user: user, verb: r.verb, apiGroup: r.apiGroup, resource: r.resource,
                                   subresource: r.subresource, namespace: r.namespace, name: r.name, path: r.path,
                                   resourceRequest: r.isResourceRequest)
    }

    /// The kind an RBAC resource stores.
    static func kind(ofRBACResource resource: String) -> String {
        switch resource {
        case "roles": "Role"
        case "clusterroles": "ClusterRole"
        case "rolebindings": "RoleBinding"
        default: "ClusterRoleBinding"
        }
    }

    /// Creates and updates run the storage's escalation check; deletes need none.
    private func rbacWrite(_ a: RequestAttributes, name: String, body: String?, into access: inout ClusterAccess) {
        let kind = Self.kind(ofRBACResource: a.resource)
        switch a.verb {
        case "delete":
            access.change = .deleteRBAC(key: kind + "/" + a.namespace + "/" + name)
        case "create", "update", "patch":
            guard let body, var object = Self.decodeRBAC(body, namespace: a.namespace) else { return }
            object = Self.renamed(object, name)
            let old = rbacObject(kind: kind, namespace: a.namespace, name: name)
            let outcome = EscalationCheck.check(object, by: access.user, using: authorizer,
                                                operation: a.verb == "create" ? .create : .update(old: old))
            access.escalation = outcome
            if outcome.allowed {
                access.change = .putRBAC(object)
            } else if outcome.decidedBy == .roleRef, case .binding(let b) = object {
                // The role reference's lookup error comes back as it is: a NotFound.
                let refResource = b.roleRef.kind == "Role" ? "roles" : "clusterroles"
                access.refusal = .init(code: 404, reason: "NotFound", status: ForbiddenStatus(
                    message: outcome.error ?? "", details: #"{"name":"# + GoQuote.json(b.roleRef.name)
                        + #","group":"rbac.authorization.k8s.io","kind":"# + GoQuote.json(refResource) + "}"))
            } else {
                access.refusal = .init(code: 403, reason: "Forbidden", status: .escalation(
                    outcome.error ?? "", group: Self.rbacGroup, resource: a.resource, name: name))
            }
        default:
            break
        }
    }

    private func policyWrite(_ a: RequestAttributes, name: String, body: String?) -> StateChange? {
        switch a.verb {
        case "delete":
            return .deletePolicy(namespace: a.namespace, name: name)
        case "create", "update", "patch":
            guard let body else { return nil }
            let (set, problems) = ObjectDecoder.decode(SourceFile(name: "<request body>", text: body))
            guard !problems.hasErrors, var policy = set.policies.first else { return nil }
            policy.name = name
            policy.namespace = a.namespace
            return .putPolicy(policy)
        default:
            return nil
        }
    }

    static func decodeRBAC(_ json: String, namespace: String) -> RBACObject? {
        let options = RBACObjectDecoder.Options(defaultNamespace: namespace.isEmpty ? "default" : namespace, requireName: false)
        let result = RBACObjectDecoder.decode(SourceFile(name: "<request body>", text: json), options: options)
        return result.hasErrors ? nil : result.objects.first
    }

    static func renamed(_ object: RBACObject, _ name: String) -> RBACObject {
        switch object {
        case .role(var r): r.name = name; return .role(r)
        case .binding(var b): b.name = name; return .binding(b)
        }
    }
}
