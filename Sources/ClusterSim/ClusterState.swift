import NetworkPolicy
import RBAC

/// The simulated cluster's authorization chain and the objects that decide it, as
/// kube-apiserver runs with `--authorization-mode=Node,RBAC`: the `system:masters`
/// privileged-group authorizer first, then the Node authorizer, then RBAC. The union
/// stops at the first authorizer that allows; the reasons of those without an opinion
/// are joined with newlines (`union.go`).
///
/// The state is a value: requests that write RBAC objects or NetworkPolicies return a
/// `StateChange`, and the caller applies it (`apply`) once the request has succeeded,
/// so later requests are decided by the cluster as it is then.
public struct ClusterState: Sendable {
    /// The RBAC objects in force: the bootstrap policy (unless left out), then the scenario's.
    public private(set) var rbacObjects: [RBACObject]
    public private(set) var authorizer: RBACAuthorizer
    /// Namespaces, pods and NetworkPolicies in force.
    public private(set) var network: ObjectSet

    static let node = NodeAuthorizer()

    /// A cluster with the bootstrap policy only (nothing else is allowed but what it grants).
    public static let bootstrap = ClusterState(ScenarioObjects())

    public init(_ objects: ScenarioObjects, defaults: Bool = true) {
        var all = defaults ? BootstrapPolicy.objects : []
        for object in objects.rbac {
            if let i = all.firstIndex(where: { $0.key == object.key }) { all[i] = object } else { all.append(object) }
        }
        rbacObjects = all
        authorizer = RBACAuthorizer(objects: all)
        network = objects.network
    }

    /// One authorizer's decision for a request.
    public struct Decision: Sendable, Equatable {
        /// Which authorizer of the chain allowed the request.
        public enum Authority: String, Sendable {
            case privilegedGroup = "system:masters", node = "Node", rbac = "RBAC", none
        }

        public var allowed: Bool
        /// The reason the union returns: the allowing authorizer's, or the joined no-opinion reasons.
        public var reason: String
        public var authority: Authority
        /// The RBAC rule that allowed it (`authority == .rbac`).
        public var grant: Grant?
    }

    /// The chain's decision for `request` made as `user`. `fieldSelector` is the decoded
    /// `fieldSelector` query parameter (the Node authorizer reads `spec.nodeName`).
    public func authorize(_ request: AuthorizationRequest, user: RBAC.UserInfo, fieldSelector: String = "") -> Decision {
        if user.groups.contains(RBAC.UserInfo.systemMasters) {
            return Decision(allowed: true, reason: "", authority: .privilegedGroup)
        }
        var reasons: [String] = []
        let (nodeAllowed, nodeReason) = Self.node.authorize(request, user: user, fieldSelector: fieldSelector)
        if nodeAllowed { return Decision(allowed: true, reason: nodeReason, authority: .node) }
        if !nodeReason.isEmpty { reasons.append(nodeReason) }
        let rbac = authorizer.authorize(request, as: user)
        if rbac.allowed { return Decision(allowed: true, reason: rbac.reason, authority: .rbac, grant: rbac.grant) }
        if !rbac.reason.isEmpty { reasons.append(rbac.reason) }
        return Decision(allowed: false, reason: reasons.joined(separator: "\n"), authority: .none)
    }

    /// What a successful write changes.
    public enum StateChange: Sendable, Equatable {
        case putRBAC(RBACObject)
        case deleteRBAC(key: String)
        case putPolicy(NetworkPolicy)
        case deletePolicy(namespace: String, name: String)
    }

    /// Applies a change: RBAC changes rebuild the authorizer, so later requests see them.
    public mutating func apply(_ change: StateChange) {
        switch change {
        case .putRBAC(let object):
            if let i = rbacObjects.firstIndex(where: { $0.key == object.key }) {
                rbacObjects[i] = object
            } else {
                rbacObjects.append(object)
            }
            authorizer = RBACAuthorizer(objects: rbacObjects)
        case .deleteRBAC(let key):
            let before = rbacObjects.count
            rbacObjects.removeAll { $0.key == key }
            if rbacObjects.count != before { authorizer = RBACAuthorizer(objects: rbacObjects) }
        case .putPolicy(let policy):
            if let i = network.policies.firstIndex(where: { $0.namespace == policy.namespace && $0.name == policy.name }) {
                network.policies[i] = policy
            } else {
                network.policies.append(policy)
            }
        case .deletePolicy(let namespace, let name):
            network.policies.removeAll { $0.namespace == namespace && $0.name == name }
        }
    }

    /// The RBAC object stored under a kind, namespace and name, if any.
    public func rbacObject(kind: String, namespace: String, name: String) -> RBACObject? {
        let key = kind + "/" + namespace + "/" + name
        return rbacObjects.first { $0.key == key }
    }
}
