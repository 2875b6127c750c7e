/// Baseline checks on host access and the pod-level lists: namespaces, hostPath volumes,
/// host ports, probe/lifecycle hosts, sysctls; and restricted's volume types.
enum HostChecks {
    /// hostNamespaces v1.0.
    static func hostNamespaces(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var found: [String] = []
        if spec.hostNetwork { found.append("hostNetwork=true") }
        if spec.hostPID { found.append("hostPID=true") }
        if spec.hostIPC { found.append("hostIPC=true") }
        return found.isEmpty ? .allowed : .forbidden("host namespaces", found.joined(separator: ", "))
    }

    /// hostPathVolumes v1.0.
    static func hostPathVolumes(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        let names = spec.volumes.filter { $0.has("hostPath") }.map(\.name)
        if names.isEmpty { return .allowed }
        return .forbidden("hostPath volumes", "\(pluralize("volume", "volumes", names.count)) \(joinQuote(names))")
    }

    /// hostPorts v1.0. Ports are listed as strings in string order, as upstream does
    /// (so 8080 sorts before 9, and 80 before 8080).
    static func hostPorts(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var bad: [String] = []
        var ports = StringSet()
        spec.visitContainers { c in
            var valid = true
            for p in c.ports where p.hostPort != 0 {
                valid = false
                ports.insert(String(p.hostPort))
            }
            if !valid { bad.append(c.name) }
        }
        if bad.isEmpty { return .allowed }
        let detail = "\(pluralize("container", "containers", bad.count)) \(joinQuote(bad)) "
            + "\(pluralize("uses", "use", bad.count)) \(pluralize("hostPort", "hostPorts", ports.count)) "
            + ports.list.joined(separator: ", ")
        return .forbidden("hostPort", detail)
    }

    /// hostProbesAndHostLifecycle v1.34: container names and hosts are sets, listed sorted.
    static func hostProbesAndLifecycle(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var bad = StringSet()
        var hosts = StringSet()
        spec.visitContainers { c in
            for handler in [c.livenessProbe, c.readinessProbe, c.startupProbe, c.postStart, c.preStop] {
                guard let found = handler?.forbiddenHosts, !found.isEmpty else { continue }
                bad.insert(c.name)
                for h in found { hosts.insert(h) }
            }
        }
        if bad.isEmpty { return .allowed }
        let detail = "\(pluralize("container", "containers", bad.count)) \(joinQuote(bad.list)) "
            + "\(pluralize("uses", "use", bad.count)) "
            + "\(pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.count)) \(joinQuote(hosts.list))"
        return .forbidden("probe or lifecycle host", detail)
    }

    /// sysctls: the allowed names grew at v1.27, v1.29 and v1.32.
    static let sysctlsAllowed1_0: Set<String> = [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
    ]
    static let sysctlsAllowed1_27 = sysctlsAllowed1_0.union(["net.ipv4.ip_local_reserved_ports"])
    static let sysctlsAllowed1_29 = sysctlsAllowed1_27.union([
        "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes",
    ])
    static let sysctlsAllowed1_32 = sysctlsAllowed1_29.union(["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"])

    static func sysctls(_ allowed: Set<String>) -> CheckFunction {
        { _, spec in
            let forbidden = (spec.securityContext?.sysctls ?? []).map(\.name).filter { !allowed.contains($0) }
            return forbidden.isEmpty ? .allowed : .forbidden("forbidden sysctls", forbidden.joined(separator: ", "))
        }
    }

    /// restrictedVolumes v1.0: only the listed inline volume sources are allowed.
    static let allowedVolumeSources: Set<String> = [
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
    ]
    /// The restricted sources, in the order upstream's switch names the first one set.
    static let restrictedVolumeSources = [
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
        "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
        "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
    ]

    static func restrictedVolumes(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var bad: [String] = []
        var types = StringSet()
        for v in spec.volumes {
            if v.sources.contains(where: allowedVolumeSources.contains) { continue }
            bad.append(v.name)
            types.insert(restrictedVolumeSources.first(where: v.has) ?? "unknown")
        }
        if bad.isEmpty { return .allowed }
        let detail = "\(pluralize("volume", "volumes", bad.count)) \(joinQuote(bad)) \(pluralize("uses", "use", bad.count)) "
            + "\(pluralize("restricted volume type", "restricted volume types", types.count)) \(joinQuote(types.list))"
        return .forbidden("restricted volume types", detail)
    }
}
