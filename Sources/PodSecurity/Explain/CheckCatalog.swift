/// What each check requires, in the words of the Pod Security Standards (the doc
/// comments of policy/check_*.go): the restricted fields and the allowed values, so an
/// explanation can say which field to change.
public struct CheckDescription: Sendable {
    public var summary: String
    public var fields: [String]
    public var allowed: String
}

extension CheckID {
    public var requirement: CheckDescription {
        switch self {
        case .appArmorProfile:
            CheckDescription(summary: "the default AppArmor profile may not be overridden or disabled",
                             fields: ["spec.securityContext.appArmorProfile.type",
                                      "spec.containers[*].securityContext.appArmorProfile.type (and initContainers, ephemeralContainers)",
                                      "metadata.annotations['container.apparmor.security.beta.kubernetes.io/*']"],
                             allowed: "type RuntimeDefault, Localhost or unset; annotations runtime/default, localhost/*, empty or unset")
        case .capabilitiesBaseline:
            CheckDescription(summary: "capabilities beyond the container runtime's default set may not be added",
                             fields: ["spec.containers[*].securityContext.capabilities.add (and initContainers, ephemeralContainers)"],
                             allowed: "unset, or AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT")
        case .hostNamespaces:
            CheckDescription(summary: "sharing the host's network, PID or IPC namespace is not allowed",
                             fields: ["spec.hostNetwork", "spec.hostPID", "spec.hostIPC"], allowed: "false or unset")
        case .hostPathVolumes:
            CheckDescription(summary: "hostPath volumes are not allowed", fields: ["spec.volumes[*].hostPath"], allowed: "unset")
        case .hostPorts:
            CheckDescription(summary: "host ports are not allowed",
                             fields: ["spec.containers[*].ports[*].hostPort (and initContainers, ephemeralContainers)"],
                             allowed: "0 or unset (with hostNetwork the API server copies containerPort into hostPort)")
        case .hostProbesAndHostLifecycle:
            CheckDescription(summary: "probes and lifecycle handlers may not target another host",
                             fields: ["spec.containers[*].{liveness,readiness,startup}Probe.{httpGet,tcpSocket}.host",
                                      "spec.containers[*].lifecycle.{postStart,preStop}.{httpGet,tcpSocket}.host"],
                             allowed: "empty or unset (the pod's own IP)")
        case .privileged:
            CheckDescription(summary: "privileged containers are not allowed",
                             fields: ["spec.containers[*].securityContext.privileged (and initContainers, ephemeralContainers)"],
                             allowed: "false or unset")
        case .procMount:
            CheckDescription(summary: "the default /proc masks must be kept",
                             fields: ["spec.containers[*].securityContext.procMount (and initContainers, ephemeralContainers)"],
                             allowed: "Default or unset (from v1.35 any value when spec.hostUsers is false)")
        case .seLinuxOptions:
            CheckDescription(summary: "a custom SELinux user or role is not allowed, and the type is restricted",
                             fields: ["spec.securityContext.seLinuxOptions", "spec.containers[*].securityContext.seLinuxOptions"],
                             allowed: "type unset, container_t, container_init_t, container_kvm_t (container_engine_t from v1.31); user and role unset")
        case .seccompProfileBaseline:
            CheckDescription(summary: "the seccomp profile may not be Unconfined",
                             fields: ["spec.securityContext.seccompProfile.type", "spec.containers[*].securityContext.seccompProfile.type",
                                      "before v1.19: the seccomp.security.alpha.kubernetes.io annotations"],
                             allowed: "RuntimeDefault, Localhost or unset")
        case .sysctls:
            CheckDescription(summary: "only the safe, namespaced sysctls are allowed",
                             fields: ["spec.securityContext.sysctls[*].name"],
                             allowed: "kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start; from v1.27 net.ipv4.ip_local_reserved_ports; from v1.29 net.ipv4.tcp_keepalive_time, tcp_fin_timeout, tcp_keepalive_intvl, tcp_keepalive_probes; from v1.32 net.ipv4.tcp_rmem, tcp_wmem")
        case .windowsHostProcess:
            CheckDescription(summary: "Windows HostProcess containers are not allowed",
                             fields: ["spec.securityContext.windowsOptions.hostProcess", "spec.containers[*].securityContext.windowsOptions.hostProcess"],
                             allowed: "false or unset")
        case .allowPrivilegeEscalation:
            CheckDescription(summary: "privilege escalation (setuid binaries) must be disallowed",
                             fields: ["spec.containers[*].securityContext.allowPrivilegeEscalation (and initContainers, ephemeralContainers)"],
                             allowed: "false, on every container (from v1.25 not required when spec.os.name is windows)")
        case .capabilitiesRestricted:
            CheckDescription(summary: "containers must drop ALL capabilities and may add back only NET_BIND_SERVICE",
                             fields: ["spec.containers[*].securityContext.capabilities.drop", "spec.containers[*].securityContext.capabilities.add"],
                             allowed: "drop includes ALL; add unset or NET_BIND_SERVICE (from v1.25 not required on windows)")
        case .procMountRestricted:
            CheckDescription(summary: "the default /proc masks must be kept, even in a user namespace",
                             fields: ["spec.containers[*].securityContext.procMount"], allowed: "Default or unset")
        case .restrictedVolumes:
            CheckDescription(summary: "only these volume types are allowed: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret",
                             fields: ["spec.volumes[*]"], allowed: "one of the listed volume sources")
        case .runAsNonRoot:
            CheckDescription(summary: "containers must run as a non-root user",
                             fields: ["spec.securityContext.runAsNonRoot", "spec.containers[*].securityContext.runAsNonRoot"],
                             allowed: "true on the pod (containers may leave it unset) or on every container; never false (from v1.35 any value when spec.hostUsers is false)")
        case .runAsUser:
            CheckDescription(summary: "containers may not run as UID 0",
                             fields: ["spec.securityContext.runAsUser", "spec.containers[*].securityContext.runAsUser"],
                             allowed: "a non-zero UID or unset (from v1.35 any value when spec.hostUsers is false)")
        case .seccompProfileRestricted:
            CheckDescription(summary: "a seccomp profile must be set: RuntimeDefault or Localhost",
                             fields: ["spec.securityContext.seccompProfile.type", "spec.containers[*].securityContext.seccompProfile.type"],
                             allowed: "RuntimeDefault or Localhost on the pod, or on every container (from v1.25 not required on windows)")
        }
    }
}
