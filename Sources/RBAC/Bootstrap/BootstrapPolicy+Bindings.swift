extension BootstrapPolicy {
    /// `testdata/cluster-role-bindings.yaml` (see `BootstrapPolicy.provenance`).
    static let clusterRoleBindingsYAML = #"""
    apiVersion: v1
    kind: List
    items:
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: cluster-admin, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:basic-user", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:basic-user"}
      subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:discovery", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:discovery"}
      subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:kube-controller-manager", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:kube-controller-manager"}
      subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:kube-controller-manager"}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:kube-dns", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:kube-dns"}
      subjects: [{kind: ServiceAccount, name: kube-dns, namespace: kube-system}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:kube-scheduler", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:kube-scheduler"}
      subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:kube-scheduler"}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:monitoring", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:monitoring"}
      subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:monitoring"}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:node", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:node"}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:node-proxier", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:node-proxier"}
      subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:kube-proxy"}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:public-info-viewer", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:public-info-viewer"}
      subjects:
      - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
      - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:unauthenticated"}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:service-account-issuer-discovery", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:service-account-issuer-discovery"}
      subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:serviceaccounts"}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: "system:volume-scheduler", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:volume-scheduler"}
      subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:kube-scheduler"}]
    """#

    /// `testdata/namespace-roles.yaml` (see `BootstrapPolicy.provenance`).
    static let namespaceRolesYAML = #"""
    apiVersion: v1
    kind: List
    items:
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: "system:controller:bootstrap-signer", namespace: kube-public, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [configmaps], verbs: [get, list, watch]}
      - {apiGroups: [""], resourceNames: [cluster-info], resources: [configmaps], verbs: [update]}
      - {apiGroups: ["", events.k8s.io], resources: [events], verbs: [create, patch, update]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: extension-apiserver-authentication-reader, namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resourceNames: [extension-apiserver-authentication], resources: [configmaps], verbs: [get, list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: "system::leader-locking-kube-controller-manager", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [create, get, list, update, watch]}
      - {apiGroups: [coordination.k8s.io], resources: [leasecandidates], verbs: [create, get, list, update, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: "system::leader-locking-kube-scheduler", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [create, get, list, update, watch]}
      - {apiGroups: [coordination.k8s.io], resources: [leasecandidates], verbs: [create, get, list, update, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: "system:controller:bootstrap-signer", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [secrets], verbs: [get, list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: "system:controller:cloud-provider", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [configmaps], verbs: [create, get, list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: "system:controller:token-cleaner", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [secrets], verbs: [delete, get, list, watch]}
      - {apiGroups: ["", events.k8s.io], resources: [events], verbs: [create, patch, update]}
    """#

    /// `testdata/namespace-role-bindings.yaml` (see `BootstrapPolicy.provenance`).
    static let namespaceRoleBindingsYAML = #"""
    apiVersion: v1
    kind: List
    items:
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: "system:controller:bootstrap-signer", namespace: kube-public, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "system:controller:bootstrap-signer"}
      subjects: [{kind: ServiceAccount, name: bootstrap-signer, namespace: kube-system}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: "system::extension-apiserver-authentication-reader", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: extension-apiserver-authentication-reader}
      subjects:
      - {apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:kube-controller-manager"}
      - {apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:kube-scheduler"}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: "system::leader-locking-kube-controller-manager", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "system::leader-locking-kube-controller-manager"}
      subjects:
      - {apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:kube-controller-manager"}
      - {kind: ServiceAccount, name: kube-controller-manager, namespace: kube-system}
      - {kind: ServiceAccount, name: leader-election-controller, namespace: kube-system}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: "system::leader-locking-kube-scheduler", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "system::leader-locking-kube-scheduler"}
      subjects:
      - {apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:kube-scheduler"}
      - {kind: ServiceAccount, name: kube-scheduler, namespace: kube-system}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: "system:controller:bootstrap-signer", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "system:controller:bootstrap-signer"}
      subjects: [{kind: ServiceAccount, name: bootstrap-signer, namespace: kube-system}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: "system:controller:cloud-provider", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "system:controller:cloud-provider"}
      subjects: [{kind: ServiceAccount, name: cloud-provider, namespace: kube-system}]
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: "system:controller:token-cleaner", namespace: kube-system, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "system:controller:token-cleaner"}
      subjects: [{kind: ServiceAccount, name: token-cleaner, namespace: kube-system}]
    """#
}
