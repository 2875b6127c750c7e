import Diagnostics
import PodSecurity

/// Checks a `pss-labels` answer: a Namespace kube-apiserver accepts, with the asked label
/// facts, in which every probe pod is allowed or refused, warned and audited as stated.
struct PSSLabelsGrader {
    let lab: Lab
    let spec: PSSLabelsSpec

    func grade(_ answer: SourceFile) -> LabReport {
        let file = NamespaceFile.read(answer)
        if file.diagnostics.hasErrors {
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is a Namespace manifest", passed: false)],
                             diagnostics: file.diagnostics, answer: answer)
        }
        guard let ns = file.namespaces.first else {
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is a Namespace manifest", passed: false)],
                             diagnostics: file.diagnostics, answer: answer)
        }
        var checks: [LabReport.Check] = []
        let nameCheck = "the Namespace is named \(spec.namespace)"
        checks.append(ns.name == spec.namespace ? .init(name: nameCheck, passed: true)
            : .init(name: nameCheck, passed: false, findings: [
                Finding(.pssLabelProblem, subject: .item("metadata.name"), expected: spec.namespace, actual: ns.name)]))
        let admission = PodSecurityAdmission()
        let created = admission.validateNamespace(name: ns.name, labels: ns.labels, oldLabels: nil)
        let validName = "kube-apiserver accepts the Pod Security labels"
        if created.allowed {
            checks.append(.init(name: validName, passed: true))
        } else {
            let errors = admission.policy(forLabels: ns.labels).errors
            checks.append(.init(name: validName, passed: false, findings: errors.map {
                Finding(.pssLabelProblem, subject: .item($0.label), actual: $0.value, message: $0.message)
            } + [Finding(.pssRefused, subject: .item("Namespace/\(ns.name)"), actual: "namespace", message: created.error)]))
        }
        for mode in spec.pinned { checks.append(pinned(mode, ns.labels)) }
        for (key, value) in spec.labels.sorted(by: { $0.key < $1.key }) {
            let name = "label \(key) is \(value)"
            checks.append(ns.labels[key] == value ? .init(name: name, passed: true)
                : .init(name: name, passed: false, findings: [
                    Finding(.pssLabelProblem, subject: .item(key), expected: value, actual: ns.labels[key])]))
        }
        for probe in spec.probes { checks.append(self.probe(probe, ns)) }
        return LabReport(labID: lab.id, checks: checks, diagnostics: file.diagnostics, answer: answer)
    }

    /// A pinned mode: its version label names a version, so a cluster upgrade does not change it.
    private func pinned(_ mode: String, _ labels: [String: String]) -> LabReport.Check {
        let key = PodSecurityLabels.prefix + mode + "-version"
        let name = "\(mode) is pinned to a version (\(key))"
        if let value = labels[key], case .minor = PodSecurityVersion.parse(value).version,
           PodSecurityVersion.parse(value).error == nil {
            return .init(name: name, passed: true)
        }
        return .init(name: name, passed: false,
                     findings: [Finding(.pssLabelProblem, subject: .item(key), expected: "v1.x", actual: labels[key])])
    }

    private func probe(_ probe: PSSProbe, _ ns: NamespaceObject) -> LabReport.Check {
        let facts = PSSAdmissionFacts.evaluate(probe.object, namespace: ns.name, labels: ns.labels)
        let name = "\(probe.id) (\(probe.object.kind.rawValue)/\(probe.object.name)): "
            + [probe.allowed ? "allowed" : "refused", probe.warned ? "warned" : "no warning",
               probe.audited ? "audited" : "not audited"].joined(separator: ", ")
        var wrong: [Finding.Mismatch] = []
        let allowed = facts.outcome != .forbidden
        if allowed != probe.allowed {
            wrong.append(.init(field: "allowed", expected: String(probe.allowed), actual: String(allowed), reason: facts.response.forbiddenError))
        }
        let warned = !facts.response.warnings.isEmpty
        if warned != probe.warned {
            wrong.append(.init(field: "warned", expected: String(probe.warned), actual: String(warned), reason: facts.response.warnings.first))
        }
        let audited = facts.auditViolations != nil
        if audited != probe.audited {
            wrong.append(.init(field: "audited", expected: String(probe.audited), actual: String(audited), reason: facts.auditViolations))
        }
        if wrong.isEmpty { return .init(name: name, passed: true) }
        return .init(name: name, passed: false, findings: [
            Finding(.pssOutcomeDiffers, subject: .item(probe.id), mismatches: wrong,
                    message: facts.response.policy.map { "the namespace's policy: \($0)" }),
        ])
    }
}
