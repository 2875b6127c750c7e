import JSONValue
import PodSecurity
import Terminal
import Trainer

/// Renders `kcsa pss check` outcomes (`PSSEvaluation`): text lines as kubectl shows
/// admission answers, or one JSON object per line.
struct PSSRenderer {
    var json: Bool

    func render(_ outcomes: [PSSOutcome]) -> String {
        outcomes.map(render).joined()
    }

    private func render(_ outcome: PSSOutcome) -> String {
        switch outcome {
        case .checked(let item, let lv, let result): checked(item, lv, result)
        case .admitted(let item, let a): admitted(item, a)
        case .relabeled(let name, let r, let pods): relabeled(name, r, existingPods: pods)
        }
    }

    private func label(_ item: PSSInputs.Object) -> String {
        "\(item.path): \(item.object.kind.rawValue)/\(item.object.name)"
    }

    private func checked(_ item: PSSInputs.Object, _ lv: LevelVersion, _ result: AggregateResult) -> String {
        if json {
            var o = header(item, lv, allowed: result.allowed)
            o["message"] = result.enforceMessage.map(JSON.string) ?? .null
            o["violations"] = violations(result)
            return line(o)
        }
        let note = item.object.podSpec == nil ? "allowed (no pod template)" : "allowed"
        return "\(label(item)): \(result.enforceMessage ?? note)\n"
    }

    private func admitted(_ item: PSSInputs.Object, _ a: PSSOutcome.Admitted) -> String {
        let r = a.response
        if json {
            var o = header(item, a.policy.enforce, allowed: r.allowed)
            o["message"] = r.message.map(JSON.string) ?? .null
            let enforced = item.object.kind.isPod && !a.exempt && r.annotation(PodSecurityAnnotations.enforcePolicy) != nil
            o["violations"] = a.enforceResult.map(violations) ?? .array([])
            o["enforce"] = enforced ? .string(r.annotation(PodSecurityAnnotations.enforcePolicy)!) : .null
            o["warnings"] = .array(r.warnings.map(JSON.string))
            var annotations = JSONObject()
            for a in r.auditAnnotations { annotations[a.key] = .string(a.value) }
            o["auditAnnotations"] = .object(annotations)
            return line(o)
        }
        let prefix = label(item)
        var out = ""
        for w in r.warnings { out += "\(prefix): Warning: \(w)\n" }
        if let error = r.forbiddenError {
            out += "\(prefix): Error from server (Forbidden): error when creating \"\(item.path)\": \(error)\n"
        } else {
            out += "\(prefix): allowed\n"
        }
        for a in r.auditAnnotations { out += "\(prefix):   audit annotation \(a.key): \(a.value)\n" }
        return out
    }

    private func relabeled(_ name: String, _ r: NamespaceResponse, existingPods: Int) -> String {
        if json {
            var o = JSONObject()
            o["namespace"] = .string(name)
            o["allowed"] = .bool(r.allowed)
            o["message"] = r.error.map(JSON.string) ?? .null
            o["warnings"] = .array(r.warnings.map(JSON.string))
            o["existingPods"] = .number(existingPods)
            return line(o)
        }
        return r.warnings.map { "Warning: \($0)\n" }.joined()
            + (r.error.map { "Error from server (Invalid): \($0)\n" } ?? "namespace/\(name) labeled\n")
    }

    private func header(_ item: PSSInputs.Object, _ lv: LevelVersion, allowed: Bool) -> JSONObject {
        var o = JSONObject()
        o["file"] = .string(item.path)
        o["kind"] = .string(item.object.kind.rawValue)
        o["name"] = .string(item.object.name)
        o["level"] = .string(lv.level.rawValue)
        o["version"] = .string(lv.version.description)
        o["allowed"] = .bool(allowed)
        return o
    }

    private func violations(_ r: AggregateResult) -> JSON {
        .array(r.violations.map { v in
            var o = JSONObject()
            o["check"] = .string(v.check.rawValue)
            o["reason"] = .string(v.reason)
            o["detail"] = .string(v.detail)
            return .object(o)
        })
    }

    private func line(_ o: JSONObject) -> String {
        JSONPrinter.compact(.object(o)) + "\n"
    }
}
