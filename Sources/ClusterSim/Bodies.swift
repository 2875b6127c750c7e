import Diagnostics
import KubeAudit

/// Request and response bodies for simulated requests, as the raw JSON kube-apiserver
/// records (`requestObject`, `responseObject`). Realistic enough to query with jq:
/// pods carry containers and securityContext, Secrets base64 data, bindings their subjects.
enum Bodies {
    struct Context {
        var namespace: String
        var name: String
        var uid: String
        var resourceVersion: String
        var creationTimestamp: String
    }

    /// The object sent with a create/update/patch, or nil for kinds without a body.
    static func object(_ kind: String, _ c: Context) -> String? {
        let meta = #""metadata":{"name":\#(q(c.name))"# + (c.namespace.isEmpty ? "" : #","namespace":\#(q(c.namespace))"#)
        switch kind {
        case "pod", "privileged-pod", "hostnetwork-pod":
            let privileged = kind == "privileged-pod"
            let hostNetwork = kind == "hostnetwork-pod"
            return #"{"kind":"Pod","apiVersion":"v1",\#(meta),"labels":{"app":\#(q(app(c.name)))}},"spec":{"#
                + (hostNetwork ? #""hostNetwork":true,"hostPID":true,"# : "")
                + #""containers":[{"name":"app","image":"registry.example.com/\#(app(c.name)):1.4.2","#
                + #""resources":{"limits":{"cpu":"500m","memory":"256Mi"}},"#
                + #""securityContext":{"privileged":\#(privileged),"allowPrivilegeEscalation":\#(privileged),"runAsNonRoot":\#(!privileged)}}],"#
                + #""serviceAccountName":"default","restartPolicy":"Always"}}"#
        case "restricted-pod":
            // A pod that meets the restricted Pod Security Standard.
            return #"{"kind":"Pod","apiVersion":"v1",\#(meta),"labels":{"app":\#(q(app(c.name)))}},"spec":{"#
                + #""securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},"#
                + #""containers":[{"name":"app","image":"registry.example.com/\#(app(c.name)):1.4.2","#
                + #""resources":{"limits":{"cpu":"500m","memory":"256Mi"}},"#
                + #""securityContext":\#(restrictedContainer)}],"#
                + #""serviceAccountName":"default","restartPolicy":"Always"}}"#
        case "secret":
            return #"{"kind":"Secret","apiVersion":"v1",\#(meta)},"type":"Opaque","data":{"password":"czNjcjN0LXBAc3N3MHJk","username":"YXBw"}}"#
        case "configmap":
            return #"{"kind":"ConfigMap","apiVersion":"v1",\#(meta)},"data":{"LOG_LEVEL":"info","FEATURE_FLAGS":"checkout-v2"}}"#
        case "lease":
            return #"{"kind":"Lease","apiVersion":"coordination.k8s.io/v1",\#(meta)},"spec":{"holderIdentity":\#(q(c.name)),"leaseDurationSeconds":40,"renewTime":\#(q(c.creationTimestamp))}}"#
        case "rolebinding":
            return #"{"kind":"RoleBinding","apiVersion":"rbac.authorization.k8s.io/v1",\#(meta)},"subjects":[{"kind":"ServiceAccount","name":"deployer","namespace":\#(q(c.namespace))}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"edit"}}"#
        case "clusterrolebinding":
            return #"{"kind":"ClusterRoleBinding","apiVersion":"rbac.authorization.k8s.io/v1",\#(meta)},"subjects":[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"mallory@example.com"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"}}"#
        case "self-cluster-admin-binding":
            // A service account binding itself: the subject is the ci/deployer account.
            return #"{"kind":"ClusterRoleBinding","apiVersion":"rbac.authorization.k8s.io/v1",\#(meta)},"subjects":[{"kind":"ServiceAccount","name":"deployer","namespace":"ci"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"}}"#
        case "networkpolicy":
            return #"{"kind":"NetworkPolicy","apiVersion":"networking.k8s.io/v1",\#(meta)},"spec":{"podSelector":{},"policyTypes":["Ingress","Egress"]}}"#
        case "node":
            return #"{"kind":"Node","apiVersion":"v1",\#(meta),"labels":{"kubernetes.io/os":"linux","node.kubernetes.io/instance-type":"m6i.2xlarge"}},"spec":{"podCIDR":"10.244.1.0/24"},"status":{"capacity":{"cpu":"8","memory":"32Gi","pods":"110"},"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady"}],"nodeInfo":{"kubeletVersion":"v1.36.0","containerRuntimeVersion":"containerd://2.0.2","osImage":"Ubuntu 24.04 LTS"}}}"#
        case "deployment", "restricted-deployment":
            // The plain one sets no securityContext: baseline, not restricted.
            let podContext = kind == "deployment" ? "" : #""securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},"#
            let containerContext = kind == "deployment" ? "" : #","securityContext":\#(restrictedContainer)"#
            return #"{"kind":"Deployment","apiVersion":"apps/v1",\#(meta)},"spec":{"replicas":3,"selector":{"matchLabels":{"app":\#(q(app(c.name)))}},"template":{"metadata":{"labels":{"app":\#(q(app(c.name)))}},"spec":{"#
                + podContext + #""containers":[{"name":"app","image":"registry.example.com/\#(app(c.name)):1.4.2"\#(containerContext)}]}}}}"#
        default:
            return nil
        }
    }

    /// A container securityContext that meets the restricted standard.
    static let restrictedContainer = #"{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}"#

    /// The Kubernetes kind and apiVersion of each body kind.
    static let typeOf: [String: (String, String)] = [
        "pod": ("Pod", "v1"), "privileged-pod": ("Pod", "v1"), "hostnetwork-pod": ("Pod", "v1"),
        "restricted-pod": ("Pod", "v1"), "restricted-deployment": ("Deployment", "apps/v1"),
        "secret": ("Secret", "v1"), "configmap": ("ConfigMap", "v1"), "node": ("Node", "v1"),
        "lease": ("Lease", "coordination.k8s.io/v1"), "deployment": ("Deployment", "apps/v1"),
        "rolebinding": ("RoleBinding", "rbac.authorization.k8s.io/v1"),
        "clusterrolebinding": ("ClusterRoleBinding", "rbac.authorization.k8s.io/v1"),
        "self-cluster-admin-binding": ("ClusterRoleBinding", "rbac.authorization.k8s.io/v1"),
        "networkpolicy": ("NetworkPolicy", "networking.k8s.io/v1"),
    ]

    /// The body kind for a resource, for responses to reads.
    static func kind(ofResource resource: String) -> String? {
        switch resource {
        case "pods": "pod"
        case "secrets": "secret"
        case "configmaps": "configmap"
        case "leases": "lease"
        case "deployments": "deployment"
        case "rolebindings": "rolebinding"
        case "clusterrolebindings": "clusterrolebinding"
        case "nodes": "node"
        case "networkpolicies": "networkpolicy"
        default: nil
        }
    }

    /// What a successful read returns: the stored object for a get, a list of
    /// `items` stored objects for a list.
    static func readResponse(resource: String, verb: String, items: Int, _ c: Context,
                             managedFields: Bool = true) -> String? {
        guard let kind = kind(ofResource: resource) else { return nil }
        if verb == "get" {
            return object(kind, c).map { stored($0, c, managedFields: managedFields) }
        }
        guard verb == "list" else { return nil }
        let (typeName, apiVersion) = typeOf[kind] ?? ("Object", "v1")
        let listKind = typeName + "List"
        var parts: [String] = []
        for i in 0..<items {
            var item = c
            item.name = "\(c.name.isEmpty ? String(resource.dropLast()) : c.name)-\(i)"
            if let o = object(kind, item) { parts.append(stored(o, item, managedFields: managedFields)) }
        }
        return #"{"kind":"\#(listKind)","apiVersion":"\#(apiVersion)","metadata":{"resourceVersion":"\#(c.resourceVersion)"},"items":[\#(parts.joined(separator: ","))]}"#
    }

    /// The object as stored: the body with the server's metadata added.
    /// With `managedFields`, as the server stores it; kube-apiserver removes them from
    /// recorded bodies when the policy says `omitManagedFields`.
    static func stored(_ body: String, _ c: Context, managedFields: Bool = true) -> String {
        var server = #""uid":\#(q(c.uid)),"resourceVersion":\#(q(c.resourceVersion)),"creationTimestamp":\#(q(c.creationTimestamp)),"#
        if managedFields {
            server += #""managedFields":[{"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"v1","time":\#(q(c.creationTimestamp)),"fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{}}}}],"#
        }
        // Plain byte search and slicing: Foundation's string replacement converts to UTF-16.
        let marker = Array(#""metadata":{"#.utf8)
        let bytes = Array(body.utf8)
        guard let at = bytes.indices.first(where: { i in
            i + marker.count <= bytes.count && bytes[i] == marker[0] && bytes[i..<i + marker.count].elementsEqual(marker)
        }) else { return body }
        var out = bytes[..<(at + marker.count)]
        out.append(contentsOf: server.utf8)
        out.append(contentsOf: bytes[(at + marker.count)...])
        return String(decoding: out, as: UTF8.self)
    }

    /// What a discovery handler writes (`pkg/endpoints/discovery`): APIVersions for `/api`,
    /// APIGroupList for `/apis`, APIGroup for `/apis/<g>`, APIResourceList for `/api/v1` and
    /// `/apis/<g>/<v>` (the unaggregated forms). nil for any other path, whose handlers
    /// write raw bytes that the audit layer never sees.
    static func discovery(path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        switch (parts.first, parts.count) {
        case ("api", 1):
            return #"{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"10.0.0.10:6443"}]}"#
        case ("apis", 1):
            let groups = discoveryGroups.map { g, v in
                let gv = #"{"groupVersion":\#(q(g + "/" + v)),"version":\#(q(v))}"#
                return #"{"name":\#(q(g)),"versions":[\#(gv)],"preferredVersion":\#(gv)}"#
            }
            return #"{"kind":"APIGroupList","apiVersion":"v1","groups":[\#(groups.joined(separator: ","))]}"#
        case ("apis", 2):
            let v = discoveryGroups.first { $0.0 == parts[1] }?.1 ?? "v1"
            let gv = #"{"groupVersion":\#(q(parts[1] + "/" + v)),"version":\#(q(v))}"#
            return #"{"kind":"APIGroup","apiVersion":"v1","name":\#(q(parts[1])),"versions":[\#(gv)],"preferredVersion":\#(gv)}"#
        case ("api", 2), ("apis", 3):
            let groupVersion = parts.dropFirst().joined(separator: "/")
            let resources = (discoveryResources[groupVersion] ?? []).map { name, kind, namespaced in
                #"{"name":\#(q(name)),"singularName":\#(q(kind.lowercased())),"namespaced":\#(namespaced),"kind":\#(q(kind)),"#
                    + #""verbs":["create","delete","deletecollection","get","list","patch","update","watch"]}"#
            }
            return #"{"kind":"APIResourceList","apiVersion":"v1","groupVersion":\#(q(groupVersion)),"resources":[\#(resources.joined(separator: ","))]}"#
        default:
            return nil
        }
    }

    /// The groups the simulated cluster serves, with their preferred version.
    static let discoveryGroups: [(String, String)] = [
        ("apps", "v1"), ("batch", "v1"), ("coordination.k8s.io", "v1"), ("discovery.k8s.io", "v1"),
        ("networking.k8s.io", "v1"), ("rbac.authorization.k8s.io", "v1"),
    ]

    /// A few resources per group version: (name, kind, namespaced).
    static let discoveryResources: [String: [(String, String, Bool)]] = [
        "v1": [("configmaps", "ConfigMap", true), ("namespaces", "Namespace", false), ("nodes", "Node", false),
               ("pods", "Pod", true), ("secrets", "Secret", true), ("services", "Service", true)],
        "apps/v1": [("daemonsets", "DaemonSet", true), ("deployments", "Deployment", true), ("statefulsets", "StatefulSet", true)],
        "rbac.authorization.k8s.io/v1": [("clusterrolebindings", "ClusterRoleBinding", false), ("clusterroles", "ClusterRole", false),
                                         ("rolebindings", "RoleBinding", true), ("roles", "Role", true)],
    ]

    /// A `Status` object for a failed request.
    static func status(code: Int, reason: String, message: String, details: String? = nil) -> String {
        #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":\#(q(message)),"reason":\#(q(reason)),"#
            + (details.map { #""details":\#($0),"# } ?? "") + #""code":\#(code)}"#
    }

    /// What a successful delete returns for resources whose storage does not return the
    /// deleted object: a Status naming it (kube-apiserver's generic store, `finalizeDelete`).
    static func deleteSuccess(name: String, group: String, resource: String, uid: String) -> String {
        #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":\#(q(name)),"#
            + (group.isEmpty ? "" : #""group":\#(q(group)),"#) + #""kind":\#(q(resource)),"uid":\#(q(uid))}}"#
    }

    /// Resources whose storage sets ReturnDeletedObject: a delete answers with the object itself.
    static let returnsDeletedObject: Set<String> = ["pods", "serviceaccounts", "persistentvolumes", "persistentvolumeclaims",
                                                    "namespaces"]

    private static func app(_ name: String) -> String {
        String(name.split(separator: "-").first ?? Substring(name))
    }

    private static func q(_ s: String) -> String { GoQuote.json(s) }
}
