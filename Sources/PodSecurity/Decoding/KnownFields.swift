/// The JSON field names of the core/v1 structs the decoder reads (Kubernetes 1.36), so a
/// misspelt or misindented key (which kube-apiserver silently drops, changing what Pod
/// Security sees) is reported as a warning with a suggestion.
enum KnownFields {
    static let objectMeta: Set<String> = [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields",
    ]
    static let podSpec: Set<String> = [
        "volumes", "initContainers", "containers", "ephemeralContainers", "restartPolicy", "terminationGracePeriodSeconds",
        "activeDeadlineSeconds", "dnsPolicy", "nodeSelector", "serviceAccountName", "serviceAccount",
        "automountServiceAccountToken", "nodeName", "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace",
        "securityContext", "imagePullSecrets", "hostname", "subdomain", "affinity", "schedulerName", "tolerations",
        "hostAliases", "priorityClassName", "priority", "dnsConfig", "readinessGates", "runtimeClassName",
        "enableServiceLinks", "preemptionPolicy", "overhead", "topologySpreadConstraints", "setHostnameAsFQDN", "os",
        "hostUsers", "schedulingGates", "resourceClaims", "resources", "hostnameOverride", "workloadRef",
    ]
    static let container: Set<String> = [
        "name", "image", "command", "args", "workingDir", "ports", "envFrom", "env", "resources", "resizePolicy",
        "restartPolicy", "restartPolicyRules", "volumeMounts", "volumeDevices", "livenessProbe", "readinessProbe",
        "startupProbe", "lifecycle", "terminationMessagePath", "terminationMessagePolicy", "imagePullPolicy",
        "securityContext", "stdin", "stdinOnce", "tty",
    ]
    static let ephemeralContainer = container.union(["targetContainerName"])
    static let securityContext: Set<String> = [
        "capabilities", "privileged", "seLinuxOptions", "windowsOptions", "runAsUser", "runAsGroup", "runAsNonRoot",
        "readOnlyRootFilesystem", "allowPrivilegeEscalation", "procMount", "seccompProfile", "appArmorProfile",
    ]
    static let podSecurityContext: Set<String> = [
        "seLinuxOptions", "windowsOptions", "runAsUser", "runAsGroup", "runAsNonRoot", "supplementalGroups",
        "supplementalGroupsPolicy", "fsGroup", "sysctls", "fsGroupChangePolicy", "seccompProfile", "appArmorProfile",
        "seLinuxChangePolicy",
    ]
    static let windowsOptions: Set<String> = ["gmsaCredentialSpecName", "gmsaCredentialSpec", "runAsUserName", "hostProcess"]
    static let containerPort: Set<String> = ["name", "hostPort", "containerPort", "protocol", "hostIP"]
    static let probe: Set<String> = [
        "exec", "httpGet", "tcpSocket", "grpc", "initialDelaySeconds", "timeoutSeconds", "periodSeconds",
        "successThreshold", "failureThreshold", "terminationGracePeriodSeconds",
    ]
    static let lifecycleHandler: Set<String> = ["exec", "httpGet", "tcpSocket", "sleep"]
    static let httpGet: Set<String> = ["path", "port", "host", "scheme", "httpHeaders"]
    static let volume = Volume.sourceFields.union(["name"])
    static let podTemplateSpec: Set<String> = ["metadata", "spec"]

    private static let sourceTypes: [String: String] = [
        "hostPath": "HostPathVolumeSource", "emptyDir": "EmptyDirVolumeSource",
        "gcePersistentDisk": "GCEPersistentDiskVolumeSource", "awsElasticBlockStore": "AWSElasticBlockStoreVolumeSource",
        "gitRepo": "GitRepoVolumeSource", "secret": "SecretVolumeSource", "nfs": "NFSVolumeSource",
        "iscsi": "ISCSIVolumeSource", "glusterfs": "GlusterfsVolumeSource",
        "persistentVolumeClaim": "PersistentVolumeClaimVolumeSource", "rbd": "RBDVolumeSource",
        "flexVolume": "FlexVolumeSource", "cinder": "CinderVolumeSource", "cephfs": "CephFSVolumeSource",
        "flocker": "FlockerVolumeSource", "downwardAPI": "DownwardAPIVolumeSource", "fc": "FCVolumeSource",
        "azureFile": "AzureFileVolumeSource", "configMap": "ConfigMapVolumeSource",
        "vsphereVolume": "VsphereVirtualDiskVolumeSource", "quobyte": "QuobyteVolumeSource",
        "azureDisk": "AzureDiskVolumeSource", "photonPersistentDisk": "PhotonPersistentDiskVolumeSource",
        "projected": "ProjectedVolumeSource", "portworxVolume": "PortworxVolumeSource", "scaleIO": "ScaleIOVolumeSource",
        "storageos": "StorageOSVolumeSource", "csi": "CSIVolumeSource", "ephemeral": "EphemeralVolumeSource",
        "image": "ImageVolumeSource",
    ]

    /// The Go type of a VolumeSource field, for type errors.
    static func volumeSourceType(_ field: String) -> String { sourceTypes[field] ?? "VolumeSource" }
}
