import PodSecurity

/// What `kcsa pss check` found, as values: each object at a level and version, each
/// object as admission answers it in a namespace, or a namespace's label change over its
/// existing pods. `PSSRenderer` turns them into text or JSON lines.
enum PSSOutcome {
    /// An object evaluated at a level and version (`--level`/`--version`).
    case checked(PSSInputs.Object, LevelVersion, AggregateResult)
    /// An object as the admission plugin answers it in the namespace.
    case admitted(PSSInputs.Object, Admitted)
    /// The namespace's labels changed to `namespace`'s, with the FILEs as its pods.
    case relabeled(namespace: String, NamespaceResponse, existingPods: Int)

    struct Admitted {
        var response: AdmissionResponse
        /// The namespace's policy: the response's, or (for an exempt request, answered
        /// before the namespace is looked at) the labels' anyway.
        var policy: NamespacePolicy
        var exempt: Bool
        /// The checks at the enforce level (the response's, or, with `reportChecks`,
        /// evaluated for the report when the plugin did not need to).
        var enforceResult: AggregateResult?
    }

    /// Whether this outcome refuses something (exit status 1).
    var refused: Bool {
        switch self {
        case .checked(_, _, let r): !r.allowed
        case .admitted(_, let a): !a.response.allowed
        case .relabeled(_, let r, _): !r.allowed
        }
    }
}

enum PSSEvaluation {
    /// Each object at a level and version.
    static func check(_ items: [PSSInputs.Object], at lv: LevelVersion) -> [PSSOutcome] {
        items.map { item in
            .checked(item, lv, CheckRegistry.standard.evaluate(lv, item.object.podMetadata, item.object.podSpec ?? PodSpec()))
        }
    }

    /// As the admission plugin in the namespace file's namespace; a second Namespace
    /// document of the same name is a label change checked over the objects as its pods.
    /// `reportChecks`: evaluate the enforce level for objects the plugin did not need to
    /// (only the JSON form lists them).
    static func admit(_ items: [PSSInputs.Object], _ file: NamespaceFile, user: String,
                      reportChecks: Bool) -> [PSSOutcome] {
        let ns = file.namespaces[0]
        let admission = PodSecurityAdmission(configuration: file.configuration ?? PodSecurityConfiguration(),
                                             applyDefaulting: false)
        if file.namespaces.count > 1, let next = file.namespaces.dropFirst().first(where: { $0.name == ns.name }) {
            let pods = items.filter { $0.object.kind.isPod }.map(\.object)
            let r = admission.validateNamespace(name: next.name, labels: next.labels, oldLabels: ns.labels, existingPods: pods)
            return [.relabeled(namespace: next.name, r, existingPods: pods.count)]
        }
        return items.map { item in
            let request = AdmissionRequest(object: item.object, namespace: ns.name, namespaceLabels: ns.labels, userName: user)
            let r = admission.validate(request)
            let policy = r.policy ?? admission.policy(forLabels: ns.labels).policy
            let exempt = r.annotation(PodSecurityAnnotations.exempt) != nil
            let result = r.enforceResult ?? (!reportChecks || exempt || item.object.podSpec == nil ? nil
                : admission.registry.evaluate(policy.enforce, item.object.podMetadata, item.object.podSpec!))
            return .admitted(item, .init(response: r, policy: policy, exempt: exempt, enforceResult: result))
        }
    }
}
