import Diagnostics

/// The Pod Security admission plugin (admission/admission.go): pods are enforced, warned
/// and audited; pod controllers are warned and audited only; exempt users, namespaces and
/// runtime classes are not evaluated. Values in, values out, so a simulated cluster can
/// call it for every request.
public struct PodSecurityAdmission: Sendable {
    public var configuration: PodSecurityConfiguration
    public var registry: CheckRegistry
    /// Run the API server's defaulting before evaluating (off: evaluate the object as given).
    public var applyDefaulting: Bool

    /// Pod subresources that are never evaluated.
    static let ignoredPodSubresources: Set<String> = ["exec", "attach", "binding", "eviction", "log", "portforward",
                                                      "proxy", "status"]

    public init(configuration: PodSecurityConfiguration = PodSecurityConfiguration(),
                registry: CheckRegistry = .standard, applyDefaulting: Bool = true) {
        self.configuration = configuration
        self.registry = registry
        self.applyDefaulting = applyDefaulting
    }

    /// The namespace's policy: its labels over the configured defaults.
    public func policy(forLabels labels: [String: String]) -> (policy: NamespacePolicy, errors: [LabelError]) {
        NamespacePolicy.fromLabels(labels, defaults: configuration.defaults)
    }

    /// Evaluates one pod or pod-controller request (Validate: ValidatePod / ValidatePodController).
    public func validate(_ request: AdmissionRequest) -> AdmissionResponse {
        let isPod = request.object.kind.isPod
        if isPod ? Self.ignoredPodSubresources.contains(request.subresource) : !request.subresource.isEmpty {
            return AdmissionResponse()
        }
        if configuration.exemptNamespace(request.namespace) {
            return AdmissionResponse(auditAnnotations: [PodSecurityAnnotations.exempt: "namespace"])
        }
        if configuration.exemptUser(request.userName) {
            return AdmissionResponse(auditAnnotations: [PodSecurityAnnotations.exempt: "user"])
        }
        let (policy, errors) = self.policy(forLabels: request.namespaceLabels)
        if isPod, errors.isEmpty, policy.isFullyPrivileged {
            return AdmissionResponse(auditAnnotations: [PodSecurityAnnotations.enforcePolicy: LevelVersion.privilegedLatest.description],
                                     policy: policy)
        }
        if !isPod, errors.isEmpty, policy.warn.level == .privileged, policy.audit.level == .privileged {
            return AdmissionResponse(policy: policy)
        }
        var object = request.object
        if applyDefaulting { APIDefaulting.apply(to: &object) }
        if isPod, request.operation == .update, let old = request.oldObject, !Self.isSignificantUpdate(object, old) {
            return AdmissionResponse(policy: policy)
        }
        guard let spec = object.podSpec else { return AdmissionResponse(policy: policy) }
        let parseError = errors.isEmpty ? nil : aggregateMessage(errors.map(\.description))
        return evaluate(object, spec, policy: policy, policyError: parseError, enforce: isPod)
    }

    /// EvaluatePod: enforce (pods only), then audit, then warn unless already refused;
    /// equal level-versions share one evaluation.
    func evaluate(_ object: PodSecurityObject, _ spec: PodSpec, policy: NamespacePolicy, policyError: String?,
                  enforce: Bool) -> AdmissionResponse {
        if configuration.exemptRuntimeClass(spec.runtimeClassName) {
            return AdmissionResponse(auditAnnotations: [PodSecurityAnnotations.exempt: "runtimeClass"], policy: policy)
        }
        var annotations: [String: String] = [:]
        if let policyError { annotations[PodSecurityAnnotations.error] = "Failed to parse policy: \(policyError)" }
        var cache: [LevelVersion: AggregateResult] = [:]
        func result(_ lv: LevelVersion) -> AggregateResult {
            if let r = cache[lv] { return r }
            let r = registry.evaluate(lv, object.podMetadata, spec)
            cache[lv] = r
            return r
        }
        var response = AdmissionResponse(policy: policy)
        if enforce {
            annotations[PodSecurityAnnotations.enforcePolicy] = policy.enforce.description
            let r = result(policy.enforce)
            response.enforceResult = r
            if let message = r.enforceMessage {
                response.allowed = false
                response.message = message
                response.forbiddenError = "\(object.kind.groupResource) \(GoQuote.quote(object.name)) is forbidden: \(message)"
            }
        }
        if let violations = result(policy.audit).warningMessage {
            annotations[PodSecurityAnnotations.auditViolations] = violations
        }
        if response.allowed, let warning = result(policy.warn).warningMessage {
            response.warnings.append(warning)
        }
        response.auditAnnotations = annotations.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        return response
    }

    /// isSignificantPodUpdate: container counts or images changed, or an ephemeral container added or changed.
    static func isSignificantUpdate(_ pod: PodSecurityObject, _ old: PodSecurityObject) -> Bool {
        let new = pod.podSpec ?? PodSpec(), was = old.podSpec ?? PodSpec()
        if new.containers.count != was.containers.count || new.initContainers.count != was.initContainers.count {
            return true
        }
        if zip(new.containers, was.containers).contains(where: { $0.image != $1.image }) { return true }
        if zip(new.initContainers, was.initContainers).contains(where: { $0.image != $1.image }) { return true }
        for c in new.ephemeralContainers {
            guard let o = was.ephemeralContainers.first(where: { $0.name == c.name }) else { return true }
            if o.image != c.image { return true }
        }
        return false
    }
}
