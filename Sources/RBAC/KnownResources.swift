/// The built-in resource types of a Kubernetes 1.36 API server with default feature
/// gates, for reading `can-i` arguments as kubectl's REST mapper does (`pod`, `po` and
/// `pods` all name `pods`; `deploy` names `deployments.apps`). Custom resources are not
/// known: an unknown name is used as written, with kubectl's warning.
public enum KnownResources {
    /// One resource type.
    public struct ResourceType: Sendable, Hashable {
        public var resource: String
        public var group: String
        public var singular: String
        public var shortNames: [String]
        public var namespaced: Bool
    }

    /// The outcome of resolving an argument.
    public struct Resolved: Sendable, Hashable {
        public var resource: String
        public var group: String
        /// nil when the type is not known.
        public var type: ResourceType?
        /// kubectl's warning text for an unknown type (without the `Warning: ` prefix).
        public var warning: String?
    }

    /// `nonStandardResourceNames`: names the impersonate verb uses that discovery lacks.
    static let nonStandard: Set<String> = ["users", "groups"]

    /// kubectl's `resourceFor`: `*` as is; otherwise lowercased and split into
    /// resource[.version].group, then looked up by plural, singular or short name.
    public static func resolve(_ argument: String) -> Resolved {
        if argument == "*" { return Resolved(resource: "*", group: "", type: nil, warning: nil) }
        let lowered = argument.lowercased()
        let parts = lowered.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        var group = parts.count > 1 ? parts[1] : ""
        var found = lookup(name, group: group)
        // `cronjobs.v1.batch`: a version between the resource and the group.
        if found == nil, parts.count > 1, let dot = group.firstIndex(of: "."), group.hasPrefix("v") {
            let rest = String(group[group.index(after: dot)...])
            if let t = lookup(name, group: rest) { found = t; group = rest }
        }
        if let t = found { return Resolved(resource: t.resource, group: t.group, type: t, warning: nil) }
        var warning: String? = nil
        let groupResource = group.isEmpty ? name : name + "." + group
        if !nonStandard.contains(groupResource) {
            warning = group.isEmpty ? "the server doesn't have a resource type '\(name)'"
                : "the server doesn't have a resource type '\(name)' in group '\(group)'"
        }
        return Resolved(resource: argument, group: "", type: nil, warning: warning)
    }

    static func lookup(_ name: String, group: String?) -> ResourceType? {
        let candidates = all.filter { group?.isEmpty ?? true ? true : $0.group == group }
        // Core resources first, as the REST mapper prefers the legacy group.
        return candidates.first { $0.resource == name } ?? candidates.first { $0.singular == name }
            ?? candidates.first { $0.shortNames.contains(name) }
    }

    private static func t(_ resource: String, _ group: String, _ singular: String, _ short: [String] = [],
                          namespaced: Bool = true) -> ResourceType {
        ResourceType(resource: resource, group: group, singular: singular, shortNames: short, namespaced: namespaced)
    }

    public static let all: [ResourceType] = [
        t("pods", "", "pod", ["po"]),
        t("services", "", "service", ["svc"]),
        t("endpoints", "", "endpoints", ["ep"]),
        t("configmaps", "", "configmap", ["cm"]),
        t("secrets", "", "secret"),
        t("serviceaccounts", "", "serviceaccount", ["sa"]),
        t("namespaces", "", "namespace", ["ns"], namespaced: false),
        t("nodes", "", "node", ["no"], namespaced: false),
        t("persistentvolumes", "", "persistentvolume", ["pv"], namespaced: false),
        t("persistentvolumeclaims", "", "persistentvolumeclaim", ["pvc"]),
        t("events", "", "event", ["ev"]),
        t("limitranges", "", "limitrange", ["limits"]),
        t("resourcequotas", "", "resourcequota", ["quota"]),
        t("replicationcontrollers", "", "replicationcontroller", ["rc"]),
        t("podtemplates", "", "podtemplate"),
        t("bindings", "", "binding"),
        t("componentstatuses", "", "componentstatus", ["cs"], namespaced: false),
        t("deployments", "apps", "deployment", ["deploy"]),
        t("replicasets", "apps", "replicaset", ["rs"]),
        t("statefulsets", "apps", "statefulset", ["sts"]),
        t("daemonsets", "apps", "daemonset", ["ds"]),
        t("controllerrevisions", "apps", "controllerrevision"),
        t("jobs", "batch", "job"),
        t("cronjobs", "batch", "cronjob", ["cj"]),
        t("horizontalpodautoscalers", "autoscaling", "horizontalpodautoscaler", ["hpa"]),
        t("poddisruptionbudgets", "policy", "poddisruptionbudget", ["pdb"]),
        t("ingresses", "networking.k8s.io", "ingress", ["ing"]),
        t("networkpolicies", "networking.k8s.io", "networkpolicy", ["netpol"]),
        t("ingressclasses", "networking.k8s.io", "ingressclass", namespaced: false),
        t("ipaddresses", "networking.k8s.io", "ipaddress", ["ip"], namespaced: false),
        t("servicecidrs", "networking.k8s.io", "servicecidr", namespaced: false),
        t("roles", "rbac.authorization.k8s.io", "role"),
        t("rolebindings", "rbac.authorization.k8s.io", "rolebinding"),
        t("clusterroles", "rbac.authorization.k8s.io", "clusterrole", namespaced: false),
        t("clusterrolebindings", "rbac.authorization.k8s.io", "clusterrolebinding", namespaced: false),
        t("storageclasses", "storage.k8s.io", "storageclass", ["sc"], namespaced: false),
        t("volumeattachments", "storage.k8s.io", "volumeattachment", namespaced: false),
        t("csidrivers", "storage.k8s.io", "csidriver", namespaced: false),
        t("csinodes", "storage.k8s.io", "csinode", namespaced: false),
        t("csistoragecapacities", "storage.k8s.io", "csistoragecapacity"),
        t("volumeattributesclasses", "storage.k8s.io", "volumeattributesclass", ["vac"], namespaced: false),
        t("certificatesigningrequests", "certificates.k8s.io", "certificatesigningrequest", ["csr"], namespaced: false),
        t("leases", "coordination.k8s.io", "lease"),
        t("endpointslices", "discovery.k8s.io", "endpointslice"),
        t("events", "events.k8s.io", "event", ["ev"]),
        t("mutatingwebhookconfigurations", "admissionregistration.k8s.io", "mutatingwebhookconfiguration", namespaced: false),
        t("validatingwebhookconfigurations", "admissionregistration.k8s.io", "validatingwebhookconfiguration", namespaced: false),
        t("validatingadmissionpolicies", "admissionregistration.k8s.io", "validatingadmissionpolicy", namespaced: false),
        t("validatingadmissionpolicybindings", "admissionregistration.k8s.io", "validatingadmissionpolicybinding", namespaced: false),
        t("customresourcedefinitions", "apiextensions.k8s.io", "customresourcedefinition", ["crd", "crds"], namespaced: false),
        t("apiservices", "apiregistration.k8s.io", "apiservice", namespaced: false),
        t("priorityclasses", "scheduling.k8s.io", "priorityclass", ["pc"], namespaced: false),
        t("runtimeclasses", "node.k8s.io", "runtimeclass", namespaced: false),
        t("flowschemas", "flowcontrol.apiserver.k8s.io", "flowschema", namespaced: false),
        t("prioritylevelconfigurations", "flowcontrol.apiserver.k8s.io", "prioritylevelconfiguration", namespaced: false),
        t("tokenreviews", "authentication.k8s.io", "tokenreview", namespaced: false),
        t("selfsubjectreviews", "authentication.k8s.io", "selfsubjectreview", namespaced: false),
        t("subjectaccessreviews", "authorization.k8s.io", "subjectaccessreview", namespaced: false),
        t("selfsubjectaccessreviews", "authorization.k8s.io", "selfsubjectaccessreview", namespaced: false),
        t("selfsubjectrulesreviews", "authorization.k8s.io", "selfsubjectrulesreview", namespaced: false),
        t("localsubjectaccessreviews", "authorization.k8s.io", "localsubjectaccessreview"),
        t("deviceclasses", "resource.k8s.io", "deviceclass", namespaced: false),
        t("resourceclaims", "resource.k8s.io", "resourceclaim"),
        t("resourceclaimtemplates", "resource.k8s.io", "resourceclaimtemplate"),
        t("resourceslices", "resource.k8s.io", "resourceslice", namespaced: false),
    ]

    /// `resourceVerbs` of kubectl's can-i: verbs it does not warn about.
    public static let resourceVerbs: Set<String> = ["get", "list", "watch", "create", "update", "patch", "delete",
                                                    "deletecollection", "use", "bind", "impersonate", "*", "approve",
                                                    "sign", "escalate", "attest"]
    /// `nonResourceURLVerbs` of kubectl's can-i.
    public static let nonResourceVerbs: Set<String> = ["get", "put", "post", "head", "options", "delete", "patch", "*"]
}
