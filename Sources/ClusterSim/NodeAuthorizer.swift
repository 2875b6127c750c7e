import Diagnostics
import Foundation
import RBAC

/// kube-apiserver's Node authorizer (`plugin/pkg/auth/authorizer/node`) for kubelets'
/// `system:node:<name>` users in the `system:nodes` group, with the
/// AuthorizeNodeWithSelectors behaviour of 1.36: leases, its own Node object, pods by
/// `spec.nodeName` field selector, and the bootstrap `system:node` rules for the rest.
///
/// kcsa has no pod placement, so the authorizer's graph (node <- pod <- secret, ...)
/// is not modelled: a request the graph would decide (a named secret, configmap, PVC,
/// PV, ResourceClaim, VolumeAttachment, a service account token, one pod) is taken to
/// have its relationship. The scenarios' kubelets only ask for their own pods' objects.
struct NodeAuthorizer: Sendable {
    /// The bootstrap `system:node` ClusterRole's rules, bound to the node's group.
    let rules: RBACAuthorizer

    init() {
        let role = BootstrapPolicy.objects.first { $0.kindName == "ClusterRole" && $0.name == "system:node" }
        let binding = RBACObject.binding(BindingObject(kind: .clusterRoleBinding, name: "system:node",
                                                       roleRef: RoleRef(kind: "ClusterRole", name: "system:node"),
                                                       subjects: [Subject(kind: "Group", apiGroup: "rbac.authorization.k8s.io",
                                                                          name: Self.nodesGroup)]))
        rules = RBACAuthorizer(objects: (role.map { [$0] } ?? []) + [binding], aggregate: false)
    }

    static let nodesGroup = "system:nodes"
    static let userPrefix = "system:node:"

    /// `nodeidentifier.NodeIdentity`: the node name, when the user is a node.
    static func nodeName(_ user: RBAC.UserInfo) -> String? {
        guard user.name.hasPrefix(userPrefix), user.groups.contains(nodesGroup) else { return nil }
        return String(user.name.dropFirst(userPrefix.count))
    }

    /// Allowed, or no opinion with the authorizer's reason (often empty).
    func authorize(_ request: AuthorizationRequest, user: RBAC.UserInfo, fieldSelector: String) -> (Bool, String) {
        guard let node = Self.nodeName(user) else { return (false, "") }
        if node.isEmpty { return (false, "unknown node for user \(GoQuote.quote(user.name))") }
        if request.isResourceRequest {
            switch (request.apiGroup, request.resource) {
            case ("", "secrets"), ("", "configmaps"): return readNamespaced(request)
            case ("", "persistentvolumeclaims") where request.subresource == "status":
                return ["update", "patch"].contains(request.verb) ? related(request) : (false, "can only get/update/patch this type")
            case ("", "persistentvolumeclaims"), ("", "persistentvolumes"), ("resource.k8s.io", "resourceclaims"),
                 ("storage.k8s.io", "volumeattachments"):
                return get(request)
            case ("", "serviceaccounts"):
                if request.verb != "create" || request.name.isEmpty {
                    return (false, "can only create tokens for individual service accounts")
                }
                if request.subresource != "token" { return (false, "can only create token subresource of serviceaccount") }
                return (true, "")
            case ("coordination.k8s.io", "leases"): return lease(request, node: node)
            case ("", "nodes"): return self.node(request, node: node)
            case ("", "pods"): return pod(request, node: node, fieldSelector: fieldSelector)
            default: break
            }
        }
        return (rules.authorize(request, as: RBAC.UserInfo(name: user.name, groups: [Self.nodesGroup])).allowed, "")
    }

    private func readNamespaced(_ r: AuthorizationRequest) -> (Bool, String) {
        guard ["get", "list", "watch"].contains(r.verb) else { return (false, "can only read resources of this type") }
        if !r.subresource.isEmpty { return (false, "cannot read subresource") }
        if r.namespace.isEmpty { return (false, "can only read namespaced object of this type") }
        return related(r)
    }

    private func get(_ r: AuthorizationRequest) -> (Bool, String) {
        if r.verb != "get" { return (false, "can only get individual resources of this type") }
        if !r.subresource.isEmpty { return (false, "cannot get subresource") }
        return related(r)
    }

    /// The graph check: an object needs a name; its relationship is assumed (see above).
    private func related(_ r: AuthorizationRequest) -> (Bool, String) {
        r.name.isEmpty ? (false, "No Object name found") : (true, "")
    }

    private func lease(_ r: AuthorizationRequest, node: String) -> (Bool, String) {
        guard ["get", "create", "update", "patch", "delete"].contains(r.verb) else {
            return (false, "can only get, create, update, patch, or delete a node lease")
        }
        if r.namespace != "kube-node-lease" { return (false, "can only access leases in the \"kube-node-lease\" system namespace") }
        if r.verb != "create" && r.name != node {
            return (false, "can only access node lease with the same name as the requesting node")
        }
        return (true, "")
    }

    private func node(_ r: AuthorizationRequest, node: String) -> (Bool, String) {
        switch (r.subresource, r.verb) {
        case ("", "create"), ("", "update"), ("", "patch"), ("status", "update"), ("status", "patch"): return (true, "")
        case ("", "get"), ("", "list"), ("", "watch"):
            if r.name == node { return (true, "") }
            if r.name.isEmpty { return (false, "node '\(node)' cannot read all nodes, only its own Node object") }
            return (false, "node '\(node)' cannot read '\(r.name)', only its own Node object")
        default: return (false, "")
        }
    }

    private func pod(_ r: AuthorizationRequest, node: String, fieldSelector: String) -> (Bool, String) {
        switch (r.subresource, r.verb) {
        case ("", "get"): return get(r)
        case ("", "list"), ("", "watch"):
            if Self.selects(fieldSelector, node: node) { return (true, "") }
            if !r.name.isEmpty { return related(r) }
            return (false, "can only list/watch pods with spec.nodeName field selector")
        case ("", "create"), ("", "delete"), ("status", "update"), ("status", "patch"), ("eviction", "create"):
            return (true, "")
        default: return (false, "")
        }
    }

    /// Whether a field selector has the requirement `spec.nodeName=<node>` (or `==`).
    static func selects(_ selector: String, node: String) -> Bool {
        selector.split(separator: ",").contains { term in
            term == "spec.nodeName=" + node || term == "spec.nodeName==" + node
        }
    }

    /// The decoded `fieldSelector` query parameter of a URL ("" when it has none).
    static func fieldSelector(ofURL url: String) -> String {
        guard let q = url.firstIndex(of: "?") else { return "" }
        for pair in url[url.index(after: q)...].split(separator: "&") where pair.hasPrefix("fieldSelector=") {
            let raw = pair.dropFirst("fieldSelector=".count).replacingOccurrences(of: "+", with: " ")
            return raw.removingPercentEncoding ?? ""
        }
        return ""
    }
}
