/// Checks on each container's securityContext: privileged, capabilities, procMount,
/// hostProcess, privilege escalation, runAsNonRoot and runAsUser.
enum ContainerChecks {
    /// privileged v1.0.
    static func privileged(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var bad: [String] = []
        spec.visitContainers { c in if c.securityContext?.privileged == true { bad.append(c.name) } }
        if bad.isEmpty { return .allowed }
        return .forbidden("privileged",
                          "\(pluralize("container", "containers", bad.count)) \(joinQuote(bad)) must not set securityContext.privileged=true")
    }

    static let baselineCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    /// capabilities_baseline v1.0.
    static func capabilitiesBaseline(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var bad: [String] = []
        var caps = StringSet()
        spec.visitContainers { c in
            guard let capabilities = c.securityContext?.capabilities else { return }
            var valid = true
            for cap in capabilities.add where !baselineCapabilities.contains(cap) {
                valid = false
                caps.insert(cap)
            }
            if !valid { bad.append(c.name) }
        }
        if bad.isEmpty { return .allowed }
        return .forbidden("non-default capabilities",
                          "\(pluralize("container", "containers", bad.count)) \(joinQuote(bad)) must not include "
                            + "\(joinQuote(caps.list)) in securityContext.capabilities.add")
    }

    /// capabilities_restricted v1.22: drop ALL, add nothing but NET_BIND_SERVICE.
    static func capabilitiesRestricted1_22(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var missingDropAll: [String] = []
        var addingForbidden: [String] = []
        var forbidden = StringSet()
        spec.visitContainers { c in
            guard let capabilities = c.securityContext?.capabilities else {
                missingDropAll.append(c.name)
                return
            }
            if !capabilities.drop.contains("ALL") { missingDropAll.append(c.name) }
            var added = false
            for cap in capabilities.add where cap != "NET_BIND_SERVICE" {
                added = true
                forbidden.insert(cap)
            }
            if added { addingForbidden.append(c.name) }
        }
        var details: [String] = []
        if !missingDropAll.isEmpty {
            details.append("\(pluralize("container", "containers", missingDropAll.count)) \(joinQuote(missingDropAll)) "
                           + "must set securityContext.capabilities.drop=[\"ALL\"]")
        }
        if !addingForbidden.isEmpty {
            details.append("\(pluralize("container", "containers", addingForbidden.count)) \(joinQuote(addingForbidden)) "
                           + "must not include \(joinQuote(forbidden.list)) in securityContext.capabilities.add")
        }
        return details.isEmpty ? .allowed : .forbidden("unrestricted capabilities", details.joined(separator: "; "))
    }

    /// procMount v1.0 (also procMount_restricted v1.35).
    static func procMount1_0(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var bad: [String] = []
        var types = StringSet()
        spec.visitContainers { c in
            guard let mount = c.securityContext?.procMount, mount != "Default" else { return }
            bad.append(c.name)
            types.insert(mount)
        }
        if bad.isEmpty { return .allowed }
        return .forbidden("procMount", "\(pluralize("container", "containers", bad.count)) \(joinQuote(bad)) "
                            + "must not set securityContext.procMount to \(joinQuote(types.list))")
    }

    /// windowsHostProcess v1.0.
    static func windowsHostProcess(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var bad: [String] = []
        spec.visitContainers { c in if c.securityContext?.windowsHostProcess == true { bad.append(c.name) } }
        var setters: [String] = []
        if spec.securityContext?.windowsHostProcess == true { setters.append("pod") }
        if !bad.isEmpty { setters.append("\(pluralize("container", "containers", bad.count)) \(joinQuote(bad))") }
        if setters.isEmpty { return .allowed }
        return .forbidden("hostProcess",
                          "\(setters.joined(separator: " and ")) must not set securityContext.windowsOptions.hostProcess=true")
    }

    /// allowPrivilegeEscalation v1.8.
    static func allowPrivilegeEscalation1_8(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var bad: [String] = []
        spec.visitContainers { c in
            if c.securityContext?.allowPrivilegeEscalation != false { bad.append(c.name) }
        }
        if bad.isEmpty { return .allowed }
        return .forbidden("allowPrivilegeEscalation != false", "\(pluralize("container", "containers", bad.count)) "
                            + "\(joinQuote(bad)) must set securityContext.allowPrivilegeEscalation=false")
    }

    /// runAsNonRoot v1.0: explicit `false` anywhere is reported before containers that inherit nothing.
    static func runAsNonRoot1_0(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var setters: [String] = []
        var podNonRoot = false
        if let value = spec.securityContext?.runAsNonRoot {
            if value { podNonRoot = true } else { setters.append("pod") }
        }
        var explicit: [String] = []
        var implicit: [String] = []
        spec.visitContainers { c in
            if let value = c.securityContext?.runAsNonRoot {
                if !value { explicit.append(c.name) }
            } else if !podNonRoot {
                implicit.append(c.name)
            }
        }
        if !explicit.isEmpty {
            setters.append("\(pluralize("container", "containers", explicit.count)) \(joinQuote(explicit))")
        }
        if !setters.isEmpty {
            return .forbidden("runAsNonRoot != true",
                              "\(setters.joined(separator: " and ")) must not set securityContext.runAsNonRoot=false")
        }
        if !implicit.isEmpty {
            return .forbidden("runAsNonRoot != true", "pod or \(pluralize("container", "containers", implicit.count)) "
                                + "\(joinQuote(implicit)) must set securityContext.runAsNonRoot=true")
        }
        return .allowed
    }

    /// runAsUser v1.23.
    static func runAsUser1_23(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var setters: [String] = []
        if spec.securityContext?.runAsUser == 0 { setters.append("pod") }
        var bad: [String] = []
        spec.visitContainers { c in if c.securityContext?.runAsUser == 0 { bad.append(c.name) } }
        if !bad.isEmpty { setters.append("\(pluralize("container", "containers", bad.count)) \(joinQuote(bad))") }
        if setters.isEmpty { return .allowed }
        return .forbidden("runAsUser=0", "\(setters.joined(separator: " and ")) must not set runAsUser=0")
    }
}
