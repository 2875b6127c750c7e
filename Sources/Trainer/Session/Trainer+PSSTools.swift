import Diagnostics
import Foundation
import Labs
import PodSecurity

/// `peek` and `explain` in the Pod Security labs: the lab's probe pods and objects, and the
/// engine's check-by-check explanation of the learner's manifest or of a lab object.
extension Trainer {
    /// `peek [N]` in a Pod Security lab.
    func peekPodSecurity(_ spec: LabSpec, _ n: Int) {
        switch spec {
        case .pssManifest(let s):
            say(style.bold("Checked at") + " \(s.levelVersion), in namespace \(s.namespace). " + style.bold("The workload must keep") + ":")
            for r in s.requires { say("  - \(r.name)  " + style.dim(r.absent ? "(\(r.path) absent)" : "(\(r.path))")) }
        case .pssLabels(let s):
            say(style.bold("Probe pods") + " created in namespace \(s.namespace):")
            for p in s.probes.prefix(n) {
                let want = [p.allowed ? "allowed" : "refused", p.warned ? "warned" : "no warning", p.audited ? "audited" : "not audited"]
                say("  \(style.bold(p.id)): \(p.object.kind.rawValue)/\(p.object.name) - must be " + want.joined(separator: ", "))
                say(indented(p.text, "      "))
            }
        case .pssPredict(let s):
            say(style.bold("Namespaces") + ":")
            for ns in s.namespaces {
                let labels = ns.labels.map { "\($0.key)=\($0.value)" }
                say("  \(style.bold(ns.name))" + (labels.isEmpty ? "  (no Pod Security labels)" : ""))
                for l in labels { say("      " + l) }
            }
            say(style.bold("Objects") + " (the answer's keys are their names): "
                + s.items.map { "\($0.id) (\($0.object.kind.rawValue) in \($0.namespace))" }.joined(separator: ", "))
            say(style.bold("Manifests") + ":")
            say(indented(s.text.trimmingCharacters(in: .whitespacesAndNewlines), "    "))
            say(style.dim("`explain NAME LEVEL[:VERSION]` runs every check on one of them."))
        default:
            break
        }
    }

    /// `explain ...` when a Pod Security lab is open; nil when another kind (or none) is.
    func explainPodSecurity(_ args: [String]) -> Outcome? {
        guard let s = session else { return nil }
        switch s.lab.spec {
        case .pssManifest(let spec):
            let answer = SourceFile(name: "answer", text: s.answer)
            let objects = ManifestReader.read(answer).compactMap { e -> PodSecurityObject? in
                if case .object(let o) = e.result { return o }
                return nil
            }
            if objects.isEmpty { return fail("your answer holds no pod or workload yet; `check` shows why") }
            let lv = args.first.flatMap(Self.levelVersion) ?? spec.levelVersion
            for o in objects { explainObject(o, at: lv) }
            return .ok
        case .pssLabels(let spec):
            let file = NamespaceFile.read(SourceFile(name: "answer", text: s.answer))
            guard let ns = file.namespaces.first, !file.diagnostics.hasErrors else {
                return fail("your answer is not a Namespace yet; `check` shows why")
            }
            let probes = args.isEmpty ? spec.probes : spec.probes.filter { args.contains($0.id) }
            if probes.isEmpty { return fail("no probe \(args.joined(separator: " ")); probes: \(spec.probes.map(\.id).joined(separator: ", "))") }
            let policy = PodSecurityAdmission().policy(forLabels: ns.labels).policy
            say(style.dim("namespace \(ns.name): \(policy)"))
            for p in probes { sayFacts(p.id, PSSAdmissionFacts.evaluate(p.object, namespace: ns.name, labels: ns.labels)) }
            return .ok
        case .pssPredict(let spec):
            guard let name = args.first, let item = spec.items.first(where: { $0.id == name }),
                  let lv = args.dropFirst().first.flatMap(Self.levelVersion) else {
                say("usage: explain NAME LEVEL[:VERSION]   (names: \(spec.items.map(\.id).joined(separator: ", ")))")
                return .failed
            }
            explainObject(item.object, at: lv)
            return .ok
        default:
            return nil
        }
    }

    private func explainObject(_ object: PodSecurityObject, at lv: LevelVersion) {
        var pod = object
        pod.kind = .pod
        APIDefaulting.apply(to: &pod)
        let e = Explanation(lv, pod.podMetadata, pod.podSpec ?? PodSpec())
        let what = object.kind.isPod ? "Pod/\(object.name)" : "the pods of \(object.kind.rawValue)/\(object.name)"
        say(style.bold(what) + " at \(lv)" + (lv.version.description == "v1.\(e.evaluatedMinor)" ? "" : " (the checks of v1.\(e.evaluatedMinor))"))
        let width = (e.checks.map { $0.check.rawValue.count }.max() ?? 0) + 2
        for c in e.checks {
            let name = c.check.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            switch c.status {
            case .pass: say("  \(style.green("PASS"))  \(name)\(c.check.requirement.summary)")
            case .fail(let reason, let detail):
                say("  \(style.red("FAIL"))  \(name)\(reason)\(detail.isEmpty ? "" : ": \(detail)")")
                say("        " + String(repeating: " ", count: width) + "change " + c.check.requirement.fields.joined(separator: ", "))
                say("        " + String(repeating: " ", count: width) + "allowed: " + c.check.requirement.allowed)
            case .replaced(let by): say("  \(style.dim("----"))  \(name)" + style.dim("replaced at restricted by \(by.rawValue)"))
            case .notYet(let since): say("  \(style.dim("----"))  \(name)" + style.dim("not in v1.\(e.evaluatedMinor) (from v1.\(since))"))
            case .notInLevel: say("  \(style.dim("----"))  \(name)" + style.dim("not part of the \(lv.level.rawValue) level"))
            }
        }
        say("Result: " + (e.result.enforceMessage.map { style.red($0) } ?? style.green("allowed")))
    }

    private func sayFacts(_ id: String, _ f: PSSAdmissionFacts) {
        say("  \(style.bold(id)): " + (f.outcome == .forbidden ? style.red("refused") : style.green("allowed"))
            + (f.response.warnings.isEmpty ? "" : ", warned") + (f.auditViolations == nil ? "" : ", audited"))
        if let e = f.response.forbiddenError { say("      error: " + e) }
        for w in f.response.warnings { say("      Warning: " + w) }
        if let a = f.auditViolations { say("      \(PodSecurityAnnotations.auditViolations): " + a) }
    }

    private func indented(_ text: String, _ prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }

    static func levelVersion(_ text: String) -> LevelVersion? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let (level, e1) = PodSecurityLevel.parse(parts[0])
        let (version, e2) = PodSecurityVersion.parse(parts.count > 1 ? parts[1] : "latest")
        return e1 == nil && e2 == nil ? LevelVersion(level, version) : nil
    }
}
