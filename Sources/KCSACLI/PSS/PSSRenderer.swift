import JSONValue
import PodSecurity
import Terminal
import Trainer

/// Renders `kcsa pss check` results: text lines as kubectl shows admission answers, or one
/// JSON object per line.
struct PSSRenderer {
    var json: Bool
    var output = ""

    init(json: Bool) { self.json = json }

    private func label(_ item: PSSInputs.Object) -> String {
        "\(item.path): \(item.object.kind.rawValue)/\(item.object.name)"
    }

    /// At a level and version; returns whether the object is allowed.
    mutating func check(_ item: PSSInputs.Object, _ lv: LevelVersion) -> Bool {
        let result = CheckRegistry.standard.evaluate(lv, item.object.podMetadata, item.object.podSpec ?? PodSpec())
        if json {
            var o = header(item, lv, allowed: result.allowed)
            o["message"] = result.enforceMessage.map(JSON.string) ?? .null
            o["violations"] = violations(result)
            line(o)
        } else {
            let note = item.object.podSpec == nil ? "allowed (no pod template)" : "allowed"
            output += "\(label(item)): \(result.enforceMessage ?? note)\n"
        }
        return result.allowed
    }

    /// As the admission plugin in the namespace; returns whether any pod was refused.
    mutating func admit(_ items: [PSSInputs.Object], _ file: NamespaceFile, user: String) -> Bool {
        let ns = file.namespaces[0]
        let admission = PodSecurityAdmission(configuration: file.configuration ?? PodSecurityConfiguration(),
                                             applyDefaulting: false)
        if file.namespaces.count > 1, let next = file.namespaces.dropFirst().first(where: { $0.name == ns.name }) {
            return relabel(admission, from: ns, to: next, pods: items)
        }
        var refused = false
        for item in items {
            let request = AdmissionRequest(object: item.object, namespace: ns.name, namespaceLabels: ns.labels, userName: user)
            let response = admission.validate(request)
            refused = refused || !response.allowed
            render(item, response, admission, labels: ns.labels)
        }
        return refused
    }

    private mutating func render(_ item: PSSInputs.Object, _ r: AdmissionResponse, _ admission: PodSecurityAdmission,
                                 labels: [String: String]) {
        // Exempt requests are answered before the namespace is looked at; report its policy anyway.
        let policy = r.policy ?? admission.policy(forLabels: labels).policy
        let exempt = r.annotation(PodSecurityAnnotations.exempt) != nil
        if json {
            var o = header(item, policy.enforce, allowed: r.allowed)
            o["message"] = r.message.map(JSON.string) ?? .null
            let enforced = item.object.kind.isPod && !exempt && r.annotation(PodSecurityAnnotations.enforcePolicy) != nil
            let result = r.enforceResult ?? (exempt || item.object.podSpec == nil ? nil
                : admission.registry.evaluate(policy.enforce, item.object.podMetadata, item.object.podSpec!))
            o["violations"] = result.map(violations) ?? .array([])
            o["enforce"] = enforced ? .string(r.annotation(PodSecurityAnnotations.enforcePolicy)!) : .null
            o["warnings"] = .array(r.warnings.map(JSON.string))
            var annotations = JSONObject()
            for a in r.auditAnnotations { annotations[a.key] = .string(a.value) }
            o["auditAnnotations"] = .object(annotations)
            line(o)
            return
        }
        let prefix = label(item)
        for w in r.warnings { output += "\(prefix): Warning: \(w)\n" }
        if let error = r.forbiddenError {
            output += "\(prefix): Error from server (Forbidden): error when creating \"\(item.path)\": \(error)\n"
        } else {
            output += "\(prefix): allowed\n"
        }
        for a in r.auditAnnotations { output += "\(prefix):   audit annotation \(a.key): \(a.value)\n" }
    }

    /// A label change on a namespace whose existing pods are the FILEs.
    private mutating func relabel(_ admission: PodSecurityAdmission, from old: NamespaceObject, to new: NamespaceObject,
                                  pods items: [PSSInputs.Object]) -> Bool {
        let pods = items.filter { $0.object.kind.isPod }.map(\.object)
        let r = admission.validateNamespace(name: new.name, labels: new.labels, oldLabels: old.labels, existingPods: pods)
        if json {
            var o = JSONObject()
            o["namespace"] = .string(new.name)
            o["allowed"] = .bool(r.allowed)
            o["message"] = r.error.map(JSON.string) ?? .null
            o["warnings"] = .array(r.warnings.map(JSON.string))
            o["existingPods"] = .number(pods.count)
            line(o)
        } else {
            for w in r.warnings { output += "Warning: \(w)\n" }
            output += r.error.map { "Error from server (Invalid): \($0)\n" } ?? "namespace/\(new.name) labeled\n"
        }
        return !r.allowed
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

    private mutating func line(_ o: JSONObject) {
        output += JSONPrinter.compact(.object(o)) + "\n"
    }
}
