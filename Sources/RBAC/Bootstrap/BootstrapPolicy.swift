import ContentFormat
import Diagnostics

/// The default roles and bindings kube-apiserver creates at start-up
/// (`plugin/pkg/auth/authorizer/rbac/bootstrappolicy`), as data.
///
/// A current verbatim copy of all six golden files of one release could not be read;
/// see `provenance` for what each part was taken from. ClusterRoles are given with
/// their aggregation rules and empty rules, as the golden files have them; the
/// authorizer runs the aggregation controller, so `admin`, `edit` and `view` get
/// their rules as a running cluster has them.
public enum BootstrapPolicy {
    /// Where each part of the data comes from (also in docs/COMPATIBILITY.md).
    public static let provenance: [(part: String, source: String)] = [
        ("cluster-roles.yaml",
         "pohly/kubernetes @ 756168acf7903ecfc0eda5bdf750e7b6e1d6c43d (a fork tracking upstream master; v1, system:monitoring, DRA resource.k8s.io rules, leasecandidates)"),
        ("cluster-role-bindings.yaml",
         "openshift/kubernetes @ 95e062fd30e833905cde9671a87b83257b477b6f with the OpenShift carry system:openshift:public-info-viewer removed (no creationTimestamp: a 1.35+ generation)"),
        ("controller-roles.yaml",
         "kubernetes/kubernetes @ 008b3652959ca58af8be3fb5b6ecfe9ae7638282 (no creationTimestamp; device-taint-eviction, selinux-warning, service-cidrs, volumeattributesclass-protection controllers)"),
        ("controller-role-bindings.yaml",
         "derived as controller_policy.go's addControllerRole does: system:controller:X bound to ServiceAccount kube-system/X for every controller role"),
        ("namespace-roles.yaml", "kubernetes/kubernetes @ 008b3652959ca58af8be3fb5b6ecfe9ae7638282"),
        ("namespace-role-bindings.yaml", "kubernetes/kubernetes @ 008b3652959ca58af8be3fb5b6ecfe9ae7638282"),
    ]

    static let controllerPrefix = "system:controller:"

    /// Every default object: ClusterRoles, controller ClusterRoles, namespace Roles,
    /// then ClusterRoleBindings, controller ClusterRoleBindings, namespace RoleBindings.
    public static let objects: [RBACObject] = {
        let parts = [clusterRolesYAML, controllerRolesYAML, namespaceRolesYAML, clusterRoleBindingsYAML]
        var roles: [RBACObject] = []
        var bindings: [RBACObject] = []
        for (i, text) in parts.enumerated() {
            let result = RBACObjectDecoder.decode(SourceFile(name: "<bootstrap policy \(i)>", text: text))
            precondition(!result.hasErrors && result.diagnostics.isEmpty, "the bootstrap policy data does not decode")
            for object in result.objects {
                if case .role = object { roles.append(object) } else { bindings.append(object) }
            }
        }
        bindings += controllerBindings(for: roles)
        let rb = RBACObjectDecoder.decode(SourceFile(name: "<bootstrap policy 4>", text: namespaceRoleBindingsYAML))
        precondition(!rb.hasErrors, "the bootstrap policy data does not decode")
        return roles + bindings + rb.objects
    }()

    /// `system:controller:X` → ClusterRoleBinding `system:controller:X` to ServiceAccount `kube-system/X`.
    static func controllerBindings(for roles: [RBACObject]) -> [RBACObject] {
        roles.compactMap { object -> RBACObject? in
            guard case .role(let r) = object, r.kind == .clusterRole, r.name.hasPrefix(controllerPrefix) else { return nil }
            let sa = String(r.name.dropFirst(controllerPrefix.count))
            return .binding(BindingObject(kind: .clusterRoleBinding, name: r.name,
                                          roleRef: RoleRef(kind: "ClusterRole", name: r.name),
                                          subjects: [Subject(kind: "ServiceAccount", name: sa, namespace: "kube-system")]))
        }
    }
}
