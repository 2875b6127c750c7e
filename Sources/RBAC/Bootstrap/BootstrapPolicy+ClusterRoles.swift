extension BootstrapPolicy {
    /// `testdata/cluster-roles.yaml` (see `BootstrapPolicy.provenance`), written compactly:
    /// the same objects, rules in the same order; annotations left out.
    static let clusterRolesYAML = #"""
    apiVersion: v1
    kind: List
    items:
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: admin, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      aggregationRule: {clusterRoleSelectors: [{matchLabels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}}]}
      rules: null
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: cluster-admin, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: ['*'], resources: ['*'], verbs: ['*']}
      - {nonResourceURLs: ['*'], verbs: ['*']}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: edit, labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-admin: "true"}}
      aggregationRule: {clusterRoleSelectors: [{matchLabels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}}]}
      rules: null
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:aggregate-to-admin, labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-admin: "true"}}
      rules:
      - {apiGroups: [authorization.k8s.io], resources: [localsubjectaccessreviews], verbs: [create]}
      - {apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings, roles], verbs: [create, delete, deletecollection, get, list, patch, update, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:aggregate-to-edit, labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-edit: "true"}}
      rules:
      - {apiGroups: [""], resources: [pods/attach, pods/exec, pods/portforward, pods/proxy, secrets, services/proxy], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate]}
      - {apiGroups: [""], resources: [pods, pods/attach, pods/exec, pods/portforward, pods/proxy], verbs: [create, delete, deletecollection, patch, update]}
      - {apiGroups: [""], resources: [pods/eviction], verbs: [create]}
      - {apiGroups: [""], resources: [configmaps, events, persistentvolumeclaims, replicationcontrollers, replicationcontrollers/scale, secrets, serviceaccounts, services, services/proxy], verbs: [create, delete, deletecollection, patch, update]}
      - {apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}
      - {apiGroups: [apps], resources: [daemonsets, deployments, deployments/rollback, deployments/scale, replicasets, replicasets/scale, statefulsets, statefulsets/scale], verbs: [create, delete, deletecollection, patch, update]}
      - {apiGroups: [autoscaling], resources: [horizontalpodautoscalers], verbs: [create, delete, deletecollection, patch, update]}
      - {apiGroups: [batch], resources: [cronjobs, jobs], verbs: [create, delete, deletecollection, patch, update]}
      - {apiGroups: [extensions], resources: [daemonsets, deployments, deployments/rollback, deployments/scale, ingresses, networkpolicies, replicasets, replicasets/scale, replicationcontrollers/scale], verbs: [create, delete, deletecollection, patch, update]}
      - {apiGroups: [policy], resources: [poddisruptionbudgets], verbs: [create, delete, deletecollection, patch, update]}
      - {apiGroups: [networking.k8s.io], resources: [ingresses, networkpolicies], verbs: [create, delete, deletecollection, patch, update]}
      - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [create, delete, deletecollection, get, list, patch, update, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:aggregate-to-view, labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-view: "true"}}
      rules:
      - {apiGroups: [""], resources: [configmaps, endpoints, persistentvolumeclaims, persistentvolumeclaims/status, pods, replicationcontrollers, replicationcontrollers/scale, serviceaccounts, services, services/status], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [bindings, events, limitranges, namespaces/status, pods/log, pods/status, replicationcontrollers/status, resourcequotas, resourcequotas/status], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [namespaces], verbs: [get, list, watch]}
      - {apiGroups: [discovery.k8s.io], resources: [endpointslices], verbs: [get, list, watch]}
      - {apiGroups: [apps], resources: [controllerrevisions, daemonsets, daemonsets/status, deployments, deployments/scale, deployments/status, replicasets, replicasets/scale, replicasets/status, statefulsets, statefulsets/scale, statefulsets/status], verbs: [get, list, watch]}
      - {apiGroups: [autoscaling], resources: [horizontalpodautoscalers, horizontalpodautoscalers/status], verbs: [get, list, watch]}
      - {apiGroups: [batch], resources: [cronjobs, cronjobs/status, jobs, jobs/status], verbs: [get, list, watch]}
      - {apiGroups: [extensions], resources: [daemonsets, daemonsets/status, deployments, deployments/scale, deployments/status, ingresses, ingresses/status, networkpolicies, replicasets, replicasets/scale, replicasets/status, replicationcontrollers/scale], verbs: [get, list, watch]}
      - {apiGroups: [policy], resources: [poddisruptionbudgets, poddisruptionbudgets/status], verbs: [get, list, watch]}
      - {apiGroups: [networking.k8s.io], resources: [ingresses, ingresses/status, networkpolicies], verbs: [get, list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:auth-delegator, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [authentication.k8s.io], resources: [tokenreviews], verbs: [create]}
      - {apiGroups: [authorization.k8s.io], resources: [subjectaccessreviews], verbs: [create]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:basic-user, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [authorization.k8s.io], resources: [selfsubjectaccessreviews, selfsubjectrulesreviews], verbs: [create]}
      - {apiGroups: [authentication.k8s.io], resources: [selfsubjectreviews], verbs: [create]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: "system:certificates.k8s.io:certificatesigningrequests:nodeclient", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/nodeclient], verbs: [create]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/selfnodeclient], verbs: [create]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: "system:certificates.k8s.io:kube-apiserver-client-approver", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [certificates.k8s.io], resourceNames: [kubernetes.io/kube-apiserver-client], resources: [signers], verbs: [approve]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: "system:certificates.k8s.io:kube-apiserver-client-kubelet-approver", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [certificates.k8s.io], resourceNames: [kubernetes.io/kube-apiserver-client-kubelet], resources: [signers], verbs: [approve]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: "system:certificates.k8s.io:kubelet-serving-approver", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [certificates.k8s.io], resourceNames: [kubernetes.io/kubelet-serving], resources: [signers], verbs: [approve]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: "system:certificates.k8s.io:legacy-unknown-approver", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [certificates.k8s.io], resourceNames: [kubernetes.io/legacy-unknown], resources: [signers], verbs: [approve]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:discovery, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {nonResourceURLs: [/api, /api/*, /apis, /apis/*, /healthz, /livez, /openapi, /openapi/*, /readyz, /version, /version/], verbs: [get]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:heapster, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [events, namespaces, nodes, pods], verbs: [get, list, watch]}
      - {apiGroups: [extensions], resources: [deployments], verbs: [get, list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:kube-aggregator, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [endpoints, services], verbs: [get, list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:kube-controller-manager, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: ["", events.k8s.io], resources: [events], verbs: [create, patch, update]}
      - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [create]}
      - {apiGroups: [coordination.k8s.io], resourceNames: [kube-controller-manager], resources: [leases], verbs: [get, update]}
      - {apiGroups: [""], resources: [secrets, serviceaccounts], verbs: [create]}
      - {apiGroups: [""], resources: [secrets], verbs: [delete]}
      - {apiGroups: [""], resources: [configmaps, namespaces, secrets, serviceaccounts], verbs: [get]}
      - {apiGroups: [""], resources: [secrets, serviceaccounts], verbs: [update]}
      - {apiGroups: [authentication.k8s.io], resources: [tokenreviews], verbs: [create]}
      - {apiGroups: [authorization.k8s.io], resources: [subjectaccessreviews], verbs: [create]}
      - {apiGroups: ['*'], resources: ['*'], verbs: [list, watch]}
      - {apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:kube-dns, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [endpoints, services], verbs: [list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:kube-scheduler, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: ["", events.k8s.io], resources: [events], verbs: [create, patch, update]}
      - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [create]}
      - {apiGroups: [coordination.k8s.io], resourceNames: [kube-scheduler], resources: [leases], verbs: [get, list, update, watch]}
      - {apiGroups: [coordination.k8s.io], resources: [leasecandidates], verbs: [create, delete, deletecollection, get, list, patch, update, watch]}
      - {apiGroups: [""], resources: [nodes], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [pods], verbs: [delete, get, list, watch]}
      - {apiGroups: [""], resources: [bindings, pods/binding], verbs: [create]}
      - {apiGroups: [""], resources: [pods/status], verbs: [patch, update]}
      - {apiGroups: [""], resources: [replicationcontrollers, services], verbs: [get, list, watch]}
      - {apiGroups: [apps, extensions], resources: [replicasets], verbs: [get, list, watch]}
      - {apiGroups: [apps], resources: [statefulsets], verbs: [get, list, watch]}
      - {apiGroups: [policy], resources: [poddisruptionbudgets], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [persistentvolumeclaims, persistentvolumes], verbs: [get, list, watch]}
      - {apiGroups: [authentication.k8s.io], resources: [tokenreviews], verbs: [create]}
      - {apiGroups: [authorization.k8s.io], resources: [subjectaccessreviews], verbs: [create]}
      - {apiGroups: [storage.k8s.io], resources: [csinodes], verbs: [get, list, watch]}
      - {apiGroups: [storage.k8s.io], resources: [volumeattachments], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [namespaces], verbs: [get, list, watch]}
      - {apiGroups: [storage.k8s.io], resources: [csidrivers], verbs: [get, list, watch]}
      - {apiGroups: [storage.k8s.io], resources: [csistoragecapacities], verbs: [get, list, watch]}
      - {apiGroups: [resource.k8s.io], resources: [deviceclasses], verbs: [get, list, watch]}
      - {apiGroups: [resource.k8s.io], resources: [resourceclaims], verbs: [get, list, patch, update, watch]}
      - {apiGroups: [resource.k8s.io], resources: [resourceclaims/status], verbs: [get, list, patch, update, watch]}
      - {apiGroups: [""], resources: [pods/finalizers], verbs: [get, list, patch, update, watch]}
      - {apiGroups: [resource.k8s.io], resources: [resourceslices], verbs: [get, list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:kubelet-api-admin, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [nodes], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [nodes], verbs: [proxy]}
      - {apiGroups: [""], resources: [nodes/log, nodes/metrics, nodes/proxy, nodes/stats], verbs: ['*']}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:monitoring, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {nonResourceURLs: [/healthz, /healthz/*, /livez, /livez/*, /metrics, /metrics/slis, /readyz, /readyz/*], verbs: [get]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:node, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [authentication.k8s.io], resources: [tokenreviews], verbs: [create]}
      - {apiGroups: [authorization.k8s.io], resources: [localsubjectaccessreviews, subjectaccessreviews], verbs: [create]}
      - {apiGroups: [""], resources: [services], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [nodes], verbs: [create, get, list, watch]}
      - {apiGroups: [""], resources: [nodes/status], verbs: [patch, update]}
      - {apiGroups: [""], resources: [nodes], verbs: [patch, update]}
      - {apiGroups: [""], resources: [events], verbs: [create, patch, update]}
      - {apiGroups: [""], resources: [pods], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [pods], verbs: [create, delete]}
      - {apiGroups: [""], resources: [pods/status], verbs: [patch, update]}
      - {apiGroups: [""], resources: [pods/eviction], verbs: [create]}
      - {apiGroups: [""], resources: [configmaps, secrets], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [persistentvolumeclaims, persistentvolumes], verbs: [get]}
      - {apiGroups: [""], resources: [endpoints], verbs: [get]}
      - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create, get, list, watch]}
      - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [create, delete, get, patch, update]}
      - {apiGroups: [storage.k8s.io], resources: [volumeattachments], verbs: [get]}
      - {apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}
      - {apiGroups: [""], resources: [persistentvolumeclaims/status], verbs: [get, patch, update]}
      - {apiGroups: [storage.k8s.io], resources: [csidrivers], verbs: [get, list, watch]}
      - {apiGroups: [storage.k8s.io], resources: [csinodes], verbs: [create, delete, get, patch, update]}
      - {apiGroups: [node.k8s.io], resources: [runtimeclasses], verbs: [get, list, watch]}
      - {apiGroups: [resource.k8s.io], resources: [resourceclaims], verbs: [get]}
      - {apiGroups: [resource.k8s.io], resources: [resourceslices], verbs: [deletecollection]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:node-bootstrapper, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create, get, list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:node-problem-detector, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [nodes], verbs: [get]}
      - {apiGroups: [""], resources: [nodes/status], verbs: [patch]}
      - {apiGroups: ["", events.k8s.io], resources: [events], verbs: [create, patch, update]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:node-proxier, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [endpoints, services], verbs: [list, watch]}
      - {apiGroups: [""], resources: [nodes], verbs: [get, list, watch]}
      - {apiGroups: ["", events.k8s.io], resources: [events], verbs: [create, patch, update]}
      - {apiGroups: [discovery.k8s.io], resources: [endpointslices], verbs: [list, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:persistent-volume-provisioner, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [persistentvolumes], verbs: [create, delete, get, list, watch]}
      - {apiGroups: [""], resources: [persistentvolumeclaims], verbs: [get, list, update, watch]}
      - {apiGroups: [storage.k8s.io], resources: [storageclasses], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [events], verbs: [watch]}
      - {apiGroups: ["", events.k8s.io], resources: [events], verbs: [create, patch, update]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:public-info-viewer, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {nonResourceURLs: [/healthz, /livez, /readyz, /version, /version/], verbs: [get]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:service-account-issuer-discovery, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {nonResourceURLs: [/.well-known/openid-configuration, /.well-known/openid-configuration/, /openid/v1/jwks, /openid/v1/jwks/], verbs: [get]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: system:volume-scheduler, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
      rules:
      - {apiGroups: [""], resources: [persistentvolumes], verbs: [get, list, patch, update, watch]}
      - {apiGroups: [storage.k8s.io], resources: [storageclasses], verbs: [get, list, watch]}
      - {apiGroups: [""], resources: [persistentvolumeclaims], verbs: [get, list, patch, update, watch]}
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: view, labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-edit: "true"}}
      aggregationRule: {clusterRoleSelectors: [{matchLabels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}}]}
      rules: null
    """#
}
