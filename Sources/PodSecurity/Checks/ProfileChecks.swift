import Diagnostics

/// Checks on security profiles: AppArmor, seccomp (annotations before v1.19, fields after)
/// and SELinux options.
enum ProfileChecks {
    static let appArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/"
    static let seccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod"
    static let seccompContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/"

    private static func allowedAppArmorType(_ t: String) -> Bool { t == "RuntimeDefault" || t == "Localhost" }

    private static func allowedAppArmorAnnotation(_ v: String) -> Bool {
        v.isEmpty || v == "runtime/default" || v.hasPrefix("localhost/")
    }

    /// appArmorProfile v1.0: profile types on pod and containers, and the beta annotations.
    static func appArmorProfile(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var setters: [String] = []
        var values = StringSet()
        if let t = spec.securityContext?.appArmorProfileType, !allowedAppArmorType(t) {
            setters.append("pod")
            values.insert(t)
        }
        var bad: [String] = []
        spec.visitContainers { c in
            if let t = c.securityContext?.appArmorProfileType, !allowedAppArmorType(t) {
                bad.append(c.name)
                values.insert(t)
            }
        }
        if !bad.isEmpty { setters.append("\(pluralize("container", "containers", bad.count)) \(joinQuote(bad))") }
        var annotations: [String] = []
        for (k, v) in meta.annotations where k.hasPrefix(appArmorAnnotationPrefix) && !allowedAppArmorAnnotation(v) {
            annotations.append("\(k)=\(GoQuote.quote(v))")
        }
        var valueList = values.list
        if !annotations.isEmpty {
            valueList += annotations.sorted(by: GoQuote.less)
            setters.append(pluralize("annotation", "annotations", annotations.count))
        }
        if setters.isEmpty { return .allowed }
        return .forbidden(pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", valueList.count),
                          "\(setters.joined(separator: " and ")) must not set AppArmor profile type to \(joinQuote(valueList))")
    }

    private static func validSeccomp(_ t: String) -> Bool { t == "Localhost" || t == "RuntimeDefault" }

    private static func validSeccompAnnotation(_ v: String) -> Bool {
        v == "runtime/default" || v == "docker/default" || v.hasPrefix("localhost/")
    }

    /// seccompProfile_baseline v1.0: the alpha annotations.
    static func seccompBaseline1_0(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        var forbidden = StringSet()
        if let v = meta.annotations[seccompPodAnnotation], !validSeccompAnnotation(v) {
            forbidden.insert("\(seccompPodAnnotation)=\(GoQuote.quote(v))")
        }
        spec.visitContainers { c in
            let key = seccompContainerAnnotationPrefix + c.name
            if let v = meta.annotations[key], !validSeccompAnnotation(v) {
                forbidden.insert("\(key)=\(GoQuote.quote(v))")
            }
        }
        if forbidden.isEmpty { return .allowed }
        return .forbidden("seccompProfile", "forbidden \(pluralize("annotation", "annotations", forbidden.count)) "
                            + forbidden.list.joined(separator: ", "))
    }

    /// The pod and containers that set a seccomp type other than RuntimeDefault or Localhost,
    /// the bad values, and the containers that set none.
    private static func seccompSetters(_ spec: PodSpec) -> (setters: [String], values: StringSet, podSet: Bool, unset: [String]) {
        var setters: [String] = []
        var values = StringSet()
        var podSet = false
        if let t = spec.securityContext?.seccompProfileType {
            if validSeccomp(t) { podSet = true } else {
                setters.append("pod")
                values.insert(t)
            }
        }
        var explicit: [String] = []
        var unset: [String] = []
        spec.visitContainers { c in
            if let t = c.securityContext?.seccompProfileType {
                if !validSeccomp(t) {
                    explicit.append(c.name)
                    values.insert(t)
                }
            } else {
                unset.append(c.name)
            }
        }
        if !explicit.isEmpty { setters.append("\(pluralize("container", "containers", explicit.count)) \(joinQuote(explicit))") }
        return (setters, values, podSet, unset)
    }

    /// seccompProfile_baseline v1.19: setting a profile other than RuntimeDefault or Localhost.
    static func seccompBaseline1_19(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        let s = seccompSetters(spec)
        if s.setters.isEmpty { return .allowed }
        return .forbidden("seccompProfile", "\(s.setters.joined(separator: " and ")) must not set "
                            + "securityContext.seccompProfile.type to \(joinQuote(s.values.list))")
    }

    /// seccompProfile_restricted v1.19: a profile must be set, on the pod or on every container.
    static func seccompRestricted1_19(_ meta: PodMetadata, _ spec: PodSpec) -> CheckResult {
        let s = seccompSetters(spec)
        if !s.setters.isEmpty {
            return .forbidden("seccompProfile", "\(s.setters.joined(separator: " and ")) must not set "
                                + "securityContext.seccompProfile.type to \(joinQuote(s.values.list))")
        }
        let implicit = s.podSet ? [] : s.unset
        if implicit.isEmpty { return .allowed }
        return .forbidden("seccompProfile", "pod or \(pluralize("container", "containers", implicit.count)) "
                            + "\(joinQuote(implicit)) must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"")
    }

    static let seLinuxTypes1_0: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t"]
    static let seLinuxTypes1_31 = seLinuxTypes1_0.union(["container_engine_t"])

    /// seLinuxOptions v1.0 / v1.31 (which also allows container_engine_t).
    static func seLinuxOptions(_ allowed: Set<String>) -> CheckFunction {
        { _, spec in
            var badTypes = StringSet()
            var setUser = false, setRole = false
            func valid(_ o: SELinuxOptions) -> Bool {
                var ok = true
                if !allowed.contains(o.type) { ok = false; badTypes.insert(o.type) }
                if !o.user.isEmpty { ok = false; setUser = true }
                if !o.role.isEmpty { ok = false; setRole = true }
                return ok
            }
            var setters: [String] = []
            if let o = spec.securityContext?.seLinuxOptions, !valid(o) { setters.append("pod") }
            var bad: [String] = []
            spec.visitContainers { c in
                if let o = c.securityContext?.seLinuxOptions, !valid(o) { bad.append(c.name) }
            }
            if !bad.isEmpty { setters.append("\(pluralize("container", "containers", bad.count)) \(joinQuote(bad))") }
            if setters.isEmpty { return .allowed }
            var data: [String] = []
            if !badTypes.isEmpty { data.append("\(pluralize("type", "types", badTypes.count)) \(joinQuote(badTypes.list))") }
            if setUser { data.append("user may not be set") }
            if setRole { data.append("role may not be set") }
            return .forbidden("seLinuxOptions", "\(setters.joined(separator: " and ")) set forbidden "
                                + "securityContext.seLinuxOptions: \(data.joined(separator: "; "))")
        }
    }
}
