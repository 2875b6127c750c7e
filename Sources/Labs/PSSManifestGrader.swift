import ContentFormat
import Diagnostics
import PodSecurity

/// Checks a `pss-manifest` answer: it is one pod or workload, the pod it is (or that its
/// template makes) passes every check of the lab's level and version, and it keeps what
/// the workload needs.
struct PSSManifestGrader {
    let lab: Lab
    let spec: PSSManifestSpec

    func grade(_ answer: SourceFile) -> LabReport {
        var diagnostics: [Diagnostic] = []
        var objects: [PodSecurityObject] = []
        var skipped: [String] = []
        for entry in ManifestReader.read(answer) {
            switch entry.result {
            case .object(let o):
                objects.append(o)
                diagnostics += o.warnings
            case .skipped(let kind, let name, _): skipped.append("\(kind)/\(name)")
            case .invalid(let ds): diagnostics += ds
            }
        }
        if diagnostics.hasErrors {
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is a manifest kube-apiserver accepts", passed: false)],
                             diagnostics: diagnostics, answer: answer)
        }
        guard objects.count == 1, let object = objects.first else {
            let held = objects.map { "\($0.kind.rawValue)/\($0.name)" } + skipped
            let finding = Finding(.pssNoWorkload, actual: held.isEmpty ? nil : held.joined(separator: ", "))
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is one pod or workload", passed: false,
                                                           findings: [finding])],
                             diagnostics: diagnostics, answer: answer)
        }
        var checks = [admission(object)]
        let root = Self.document(answer)
        for r in spec.requires { checks.append(requirement(r, root)) }
        return LabReport(labID: lab.id, checks: checks, diagnostics: diagnostics, answer: answer)
    }

    /// The level's checks on the pod: a pod as written, a controller's template as the pod
    /// it creates (defaulted as a pod).
    private func admission(_ object: PodSecurityObject) -> LabReport.Check {
        let lv = spec.levelVersion
        let isPod = object.kind.isPod
        let name = isPod ? "the pod is admitted under \(lv)" : "the pods of \(object.kind.rawValue)/\(object.name) are admitted under \(lv)"
        var pod = object
        pod.kind = .pod
        APIDefaulting.apply(to: &pod)
        let result = CheckRegistry.standard.evaluate(lv, pod.podMetadata, pod.podSpec ?? PodSpec())
        if result.allowed { return .init(name: name, passed: true) }
        let labels = [PodSecurityLabels.enforce: lv.level.rawValue, PodSecurityLabels.enforceVersion: lv.version.description]
        let response = PodSecurityAdmission().validate(AdmissionRequest(object: object, namespace: spec.namespace,
                                                                        namespaceLabels: labels))
        var findings = [Finding(.pssRefused, subject: .item("\(object.kind.rawValue)/\(object.name)"),
                                actual: isPod ? "pod" : "controller",
                                message: response.forbiddenError ?? response.warnings.first ?? result.enforceMessage)]
        for v in result.violations {
            let req = v.check.requirement
            let prefix = object.kind.templatePrefix
            let fields = req.fields.map { $0.hasPrefix("spec.") || $0.hasPrefix("metadata.") ? prefix + $0 : $0 }
            findings.append(Finding(.pssCheckFails, subject: .item(v.check.rawValue), actual: v.detail,
                                    mismatches: fields.map { .init(field: $0, expected: req.allowed, actual: nil) },
                                    message: v.reason))
        }
        return .init(name: name, passed: false, findings: findings)
    }

    private func requirement(_ r: PSSRequirement, _ root: YAMLNode?) -> LabReport.Check {
        let values = root.map { PSSFieldPath.values(r.path, in: $0) } ?? []
        let texts = values.map(PSSFieldPath.text)
        let passed: Bool
        if r.absent {
            passed = values.isEmpty
        } else if let want = r.equals {
            passed = texts.contains(want)
        } else {
            passed = !values.isEmpty
        }
        if passed { return .init(name: r.name, passed: true) }
        let expected = r.absent ? "\(r.path): nothing" : "\(r.path) = \(r.equals ?? "(any value)")"
        let actual = texts.isEmpty ? nil : LabReport.clip(texts.joined(separator: ", "), 200)
        return .init(name: r.name, passed: false,
                     findings: [Finding(.pssRequirementUnmet, subject: .item(r.name), expected: expected, actual: actual)])
    }

    /// The first mapping document of the answer.
    static func document(_ answer: SourceFile) -> YAMLNode? {
        YAMLReader.readDocuments(answer).documents.first { if case .mapping = $0 { return true } else { return false } }
    }
}

extension PSSFieldPath {
    /// Every node the path reaches in `root`.
    public static func values(_ path: PSSFieldPath, in root: YAMLNode) -> [YAMLNode] {
        var current = [root]
        for step in path.steps {
            var next: [YAMLNode] = []
            for node in current {
                switch (step, node) {
                case (.key(let k), .mapping(let pairs, _)):
                    if let v = pairs.first(where: { $0.key == k })?.value, !v.isNull { next.append(v) }
                case (.every, .sequence(let items, _)):
                    next += items
                case (.index(let i), .sequence(let items, _)):
                    if i < items.count { next.append(items[i]) }
                case (.matching(let k, let want), .sequence(let items, _)):
                    next += items.filter { item in
                        guard case .mapping(let pairs, _) = item, let v = pairs.first(where: { $0.key == k })?.value,
                              case .scalar(let s) = v else { return false }
                        return s.text == want
                    }
                default:
                    break
                }
            }
            current = next
        }
        return current
    }

    /// A node as text: a scalar's text, `{...}` or `[...]` for collections.
    public static func text(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s): s.text
        case .mapping(let pairs, _): pairs.isEmpty ? "{}" : "{" + pairs.map(\.key).joined(separator: ", ") + "}"
        case .sequence(let items, _): "[" + items.map(text).joined(separator: ", ") + "]"
        }
    }
}
