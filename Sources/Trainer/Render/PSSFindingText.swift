import Labs

/// The sentences for the Pod Security labs' findings and task facts (FindingText and
/// LabText call here); the engine's own messages are quoted as they are.
enum PSSFindingText {
    static func lines(_ f: Finding) -> [String] {
        let subject = FindingText.subjectText(f.subject)
        switch f.code {
        case .pssNoWorkload:
            return [f.actual.map { "the answer holds \($0); it must be exactly one pod or workload" }
                ?? "the answer holds no pod or workload (kind Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ...)"]
        case .pssRefused:
            switch f.actual {
            case "controller":
                return ["\(subject) is created, but kube-apiserver warns, and the pods it creates are refused:",
                        "  " + (f.message ?? "")]
            case "namespace":
                return ["kube-apiserver refuses the Namespace:", "  " + (f.message ?? "")]
            default:
                return ["kube-apiserver refuses the pod:", "  " + (f.message ?? "")]
            }
        case .pssCheckFails:
            let detail = (f.actual ?? "").isEmpty ? "" : " (\(f.actual!))"
            var out = ["check \(subject): \(f.message ?? "")\(detail)"]
            let fields = f.mismatches.map(\.field)
            if !fields.isEmpty { out.append("  change " + fields.joined(separator: ", ")) }
            if let allowed = f.mismatches.first?.expected { out.append("  allowed: " + allowed) }
            return out
        case .pssRequirementUnmet:
            return ["the workload must keep \(f.expected ?? subject); "
                    + (f.actual.map { "the answer has \($0)" } ?? "the answer has nothing there")]
        case .pssLabelProblem:
            if let message = f.message { return ["label \(subject)=\"\(f.actual ?? "")\": \(message)"] }
            return ["\(subject): expected \(f.expected ?? "a value"), " + (f.actual.map { "it is \"\($0)\"" } ?? "it is not set")]
        case .pssOutcomeDiffers:
            var out: [String] = []
            for m in f.mismatches {
                out.append(outcomeMismatch(m))
                if let reason = m.reason { out.append("  " + reason) }
            }
            if let policy = f.expected { out.append(policy) }
            if let message = f.message, !f.mismatches.contains(where: { $0.reason == message }) { out.append("why: " + message) }
            return out
        default:
            return []
        }
    }

    /// One wrong fact: a probe's requirement (allowed, warned, audited) or a prediction.
    private static func outcomeMismatch(_ m: Finding.Mismatch) -> String {
        let must = m.expected == "true"
        switch m.field {
        case "allowed": return must ? "must be allowed, but kube-apiserver refuses it:" : "must be refused, but it is allowed"
        case "warned": return must ? "must get a warning, but gets none" : "must get no warning, but gets one:"
        case "audited": return must ? "must be audited, but has no audit-violations annotation"
            : "must not be audited, but the audit event gets:"
        case "checks", "audit":
            return "\(m.field): you said " + (m.expected.map { "[\($0)]" } ?? "(not stated)") + ", it is [\(m.actual ?? "")]"
        default:
            return "\(m.field): you said \(m.expected ?? "(not stated)"), it is \(m.actual ?? "")"
        }
    }

    /// The task's facts line for a Pod Security lab.
    static func facts(_ spec: LabSpec) -> [String] {
        switch spec {
        case .pssManifest(let s):
            return ["checked at \(s.levelVersion) in namespace \(s.namespace)", "\(s.requires.count) things the workload must keep"]
        case .pssLabels(let s):
            var facts = ["namespace \(s.namespace)", "\(s.probes.count) probe pods (`peek` shows them)"]
            if !s.pinned.isEmpty { facts.append("pinned: " + s.pinned.joined(separator: ", ")) }
            return facts
        case .pssPredict(let s):
            return ["\(s.items.count) objects in \(s.namespaces.count) namespaces (`peek` shows them)",
                    "state: " + s.ask.map(\.rawValue).joined(separator: ", ")]
        default:
            return []
        }
    }
}
