/// The kinds whose pod (template) Pod Security Admission evaluates
/// (admission.go defaultPodSpecResources).
public enum WorkloadKind: String, Sendable, CaseIterable {
    case pod = "Pod"
    case podTemplate = "PodTemplate"
    case replicationController = "ReplicationController"
    case replicaSet = "ReplicaSet"
    case deployment = "Deployment"
    case statefulSet = "StatefulSet"
    case daemonSet = "DaemonSet"
    case job = "Job"
    case cronJob = "CronJob"

    /// The apiVersion kube-apiserver 1.36 serves the kind at.
    public var apiVersion: String {
        switch self {
        case .pod, .podTemplate, .replicationController: "v1"
        case .replicaSet, .deployment, .statefulSet, .daemonSet: "apps/v1"
        case .job, .cronJob: "batch/v1"
        }
    }

    /// The resource name used in API errors (`pods "web" is forbidden`, `deployments.apps ...`).
    public var groupResource: String {
        switch self {
        case .pod: "pods"
        case .podTemplate: "podtemplates"
        case .replicationController: "replicationcontrollers"
        case .replicaSet: "replicasets.apps"
        case .deployment: "deployments.apps"
        case .statefulSet: "statefulsets.apps"
        case .daemonSet: "daemonsets.apps"
        case .job: "jobs.batch"
        case .cronJob: "cronjobs.batch"
        }
    }

    /// Pods are enforced; controllers get warn and audit only.
    public var isPod: Bool { self == .pod }

    /// Where the pod template sits, with the Go type of each step (for type errors).
    var templatePath: [(field: String, goStruct: String, goType: String)] {
        switch self {
        case .pod: []
        case .podTemplate: [("template", "PodTemplate", "v1.PodTemplateSpec")]
        case .replicationController:
            [("spec", "ReplicationController", "v1.ReplicationControllerSpec"),
             ("template", "ReplicationControllerSpec", "v1.PodTemplateSpec")]
        case .cronJob:
            [("spec", "CronJob", "v1.CronJobSpec"), ("jobTemplate", "CronJobSpec", "v1.JobTemplateSpec"),
             ("spec", "JobTemplateSpec", "v1.JobSpec"), ("template", "JobSpec", "v1.PodTemplateSpec")]
        default:
            [("spec", rawValue, "v1.\(rawValue)Spec"), ("template", "\(rawValue)Spec", "v1.PodTemplateSpec")]
        }
    }

    /// The path of the pod template's fields in the object: "spec.template." for a
    /// Deployment, "spec.jobTemplate.spec.template." for a CronJob, "" for a Pod.
    public var templatePrefix: String { templatePath.map { $0.field + "." }.joined() }

    /// ReplicationController's template is a pointer: without one there is nothing to check.
    var templateIsOptional: Bool { self == .replicationController }
}

/// Built-in kinds that hold no pod template: kcsa skips them with a note instead of an error.
enum BuiltinKinds {
    static let groups: Set<String> = [
        "", "apps", "batch", "rbac.authorization.k8s.io", "networking.k8s.io", "policy", "storage.k8s.io",
        "autoscaling", "apiextensions.k8s.io", "admissionregistration.k8s.io", "coordination.k8s.io",
        "discovery.k8s.io", "events.k8s.io", "node.k8s.io", "scheduling.k8s.io", "certificates.k8s.io",
        "flowcontrol.apiserver.k8s.io", "resource.k8s.io", "apiregistration.k8s.io", "authentication.k8s.io",
        "authorization.k8s.io", "audit.k8s.io", "pod-security.admission.config.k8s.io", "apiserver.config.k8s.io",
        "storagemigration.k8s.io", "internal.apiserver.k8s.io",
    ]
    static let kinds: Set<String> = [
        "Namespace", "Service", "ConfigMap", "Secret", "ServiceAccount", "Endpoints", "Event", "LimitRange",
        "ResourceQuota", "PersistentVolume", "PersistentVolumeClaim", "Node", "Binding", "ComponentStatus",
        "ControllerRevision", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "NetworkPolicy", "Ingress",
        "IngressClass", "IPAddress", "ServiceCIDR", "PodDisruptionBudget", "StorageClass", "VolumeAttachment", "CSIDriver",
        "CSINode", "CSIStorageCapacity", "VolumeAttributesClass", "HorizontalPodAutoscaler", "CustomResourceDefinition",
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "Lease",
        "EndpointSlice", "RuntimeClass", "PriorityClass", "CertificateSigningRequest", "ClusterTrustBundle",
        "FlowSchema", "PriorityLevelConfiguration", "ResourceClaim", "ResourceClaimTemplate", "DeviceClass",
        "ResourceSlice", "APIService", "TokenReview", "SubjectAccessReview", "SelfSubjectAccessReview",
        "LocalSubjectAccessReview", "SelfSubjectReview", "Policy", "PodSecurityConfiguration", "AdmissionConfiguration",
        "EncryptionConfiguration", "StorageVersionMigration", "StorageVersion", "Status", "Eviction",
    ]
    static var allKinds: [String] { WorkloadKind.allCases.map(\.rawValue) + kinds.sorted() + ["List"] }
}
