/// The kube-apiserver defaulting (pkg/apis/core/v1/defaults.go, Kubernetes 1.36) that
/// changes what Pod Security Admission sees, applied before evaluation. Admission runs
/// on the defaulted object, so a pod is judged as stored, not as written.
public enum APIDefaulting {
    /// Applies every defaulting rule that affects the checks.
    public static func apply(to object: inout PodSecurityObject) {
        guard var spec = object.podSpec else { return }
        defaultVolumes(&spec)
        // Since 1.28 (gate DefaultHostNetworkHostPortsInPodTemplates, removed in 1.31) only
        // Pods get host ports defaulted, not the templates of controllers.
        if object.kind == .pod { defaultHostNetworkPorts(&spec) }
        object.podSpec = spec
    }

    /// SetDefaults_Volume: a volume with no source set becomes `emptyDir: {}`.
    public static func defaultVolumes(_ spec: inout PodSpec) {
        for i in spec.volumes.indices where spec.volumes[i].sources.isEmpty {
            spec.volumes[i].sources = ["emptyDir"]
        }
    }

    /// SetDefaults_Pod: with `hostNetwork: true`, each port of containers and init containers
    /// without a hostPort gets hostPort = containerPort (ephemeral containers have no ports).
    public static func defaultHostNetworkPorts(_ spec: inout PodSpec) {
        guard spec.hostNetwork else { return }
        func fill(_ containers: inout [Container]) {
            for c in containers.indices {
                for p in containers[c].ports.indices where containers[c].ports[p].hostPort == 0 {
                    containers[c].ports[p].hostPort = containers[c].ports[p].containerPort
                }
            }
        }
        fill(&spec.containers)
        fill(&spec.initContainers)
    }
}
