import Diagnostics

/// Namespace requests (admission.go ValidateNamespace): labels must parse, and changing the
/// enforce policy dry-runs the namespace's existing pods and warns about those that would
/// now be refused (what `kubectl label ns ... pod-security.kubernetes.io/enforce=...` prints).
extension PodSecurityAdmission {
    /// At most this many existing pods are checked (defaultNamespaceMaxPodsToCheck).
    public static let maxPodsToCheck = 3000

    /// A namespace create (`oldLabels` nil) or update, with the pods already in it.
    public func validateNamespace(name: String, labels: [String: String], oldLabels: [String: String]?,
                                  existingPods: [PodSecurityObject] = []) -> NamespaceResponse {
        let (newPolicy, newErrors) = policy(forLabels: labels)
        guard let oldLabels else {
            if !newErrors.isEmpty { return invalid(name, newErrors) }
            if configuration.exemptNamespace(name), let w = exemptNamespaceWarning(name, newPolicy, labels) {
                return NamespaceResponse(warnings: [w])
            }
            return NamespaceResponse()
        }
        let (oldPolicy, oldErrors) = policy(forLabels: oldLabels)
        if !newErrors.isEmpty && (oldErrors.isEmpty || newErrors != oldErrors) { return invalid(name, newErrors) }
        if newPolicy.enforce == oldPolicy.enforce || newPolicy.enforce.level == .privileged { return NamespaceResponse() }
        if newPolicy.enforce.version == oldPolicy.enforce.version && newPolicy.enforce.level <= oldPolicy.enforce.level {
            return NamespaceResponse()
        }
        if configuration.exemptNamespace(name) {
            return NamespaceResponse(warnings: exemptNamespaceWarning(name, newPolicy, labels).map { [$0] } ?? [])
        }
        return NamespaceResponse(warnings: evaluatePodsInNamespace(name, enforce: newPolicy.enforce, pods: existingPods))
    }

    private func invalid(_ name: String, _ errors: [LabelError]) -> NamespaceResponse {
        NamespaceResponse(allowed: false,
                          error: "Namespace \(GoQuote.quote(name)) is invalid: \(aggregateMessage(errors.map(\.description)))")
    }

    /// EvaluatePodsInNamespace: one warning per distinct set of reasons, naming the
    /// lexically first pod and how many others share it, sorted.
    public func evaluatePodsInNamespace(_ namespace: String, enforce: LevelVersion, pods: [PodSecurityObject]) -> [String] {
        let prioritized = prioritize(pods)
        let checked = prioritized.prefix(Self.maxPodsToCheck)
        var order: [String] = []
        var counts: [String: (name: String, count: Int)] = [:]
        for pod in checked {
            var pod = pod
            if applyDefaulting { APIDefaulting.apply(to: &pod) }
            let r = registry.evaluate(enforce, pod.podMetadata, pod.podSpec ?? PodSpec())
            if r.allowed { continue }
            let warning = r.forbiddenReason
            if var c = counts[warning] {
                if GoQuote.less(pod.name, c.name) { c.name = pod.name }
                c.count += 1
                counts[warning] = c
            } else {
                counts[warning] = (pod.name, 1)
                order.append(warning)
            }
        }
        var warnings: [String] = []
        if checked.count < prioritized.count {
            warnings.append("new PodSecurity enforce level only checked against the first \(checked.count) of \(prioritized.count) existing pods")
        }
        if !order.isEmpty {
            warnings.append("existing pods in namespace \(GoQuote.quote(namespace)) violate the new PodSecurity enforce level \(GoQuote.quote(enforce.description))")
        }
        let decorated = order.map { w -> String in
            let c = counts[w]!
            switch c.count {
            case 1: return "\(c.name): \(w)"
            case 2: return "\(c.name) (and 1 other pod): \(w)"
            default: return "\(c.name) (and \(c.count - 1) other pods): \(w)"
            }
        }
        return warnings + decorated.sorted(by: GoQuote.less)
    }

    /// prioritizePods: exempt runtime classes dropped; one pod per controller first, the
    /// other replicas after.
    func prioritize(_ pods: [PodSecurityObject]) -> [PodSecurityObject] {
        var first: [PodSecurityObject] = []
        var duplicates: [PodSecurityObject] = []
        var seen = Set<String>()
        for pod in pods {
            if configuration.exemptRuntimeClass(pod.podSpec?.runtimeClassName) { continue }
            guard let uid = pod.controllerUID else { first.append(pod); continue }
            if seen.insert(uid).inserted { first.append(pod) } else { duplicates.append(pod) }
        }
        return first + duplicates
    }

    /// exemptNamespaceWarning: the explicitly labelled, non-privileged modes an exempt namespace ignores.
    func exemptNamespaceWarning(_ name: String, _ policy: NamespacePolicy, _ labels: [String: String]) -> String? {
        if policy.isFullyPrivileged || policy.isEquivalent(to: configuration.defaults) { return nil }
        var parts: [String] = []
        func has(_ a: String, _ b: String) -> Bool { labels[a] != nil || labels[b] != nil }
        if policy.enforce.level != .privileged && has(PodSecurityLabels.enforce, PodSecurityLabels.enforceVersion) {
            parts.append("enforce=\(policy.enforce)")
        }
        if policy.audit.level != .privileged && has(PodSecurityLabels.audit, PodSecurityLabels.auditVersion) {
            parts.append("audit=\(policy.audit)")
        }
        if policy.warn.level != .privileged && has(PodSecurityLabels.warn, PodSecurityLabels.warnVersion) {
            parts.append("warn=\(policy.warn)")
        }
        return "namespace \(GoQuote.quote(name)) is exempt from Pod Security, and the policy (\(parts.joined(separator: ", "))) will be ignored"
    }
}
