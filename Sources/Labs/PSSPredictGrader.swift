import ContentFormat
import Diagnostics
import PodSecurity

/// Checks a `pss-predict` answer: for each object, the stated outcome and check ids
/// against what Pod Security admission does in the object's namespace.
struct PSSPredictGrader {
    let lab: Lab
    let spec: PSSPredictSpec

    func grade(_ answer: SourceFile) -> LabReport {
        var diagnostics: [Diagnostic] = []
        let root: YAMLNode?
        do { root = try YAMLReader.read(answer) } catch {
            diagnostics.append(.error("not valid YAML: \(error.message)", at: error.span))
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is YAML", passed: false)],
                             diagnostics: diagnostics, answer: answer)
        }
        let ids = spec.items.map(\.id).joined(separator: ", ")
        guard case .mapping(let pairs, _)? = root else {
            diagnostics.append(.error("the answer maps each object name (\(ids)) to its outcome", at: root?.span ?? .at(0)))
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is a mapping", passed: false)],
                             diagnostics: diagnostics, answer: answer)
        }
        var answers: [String: YAMLNode] = [:]
        for p in pairs {
            if spec.items.contains(where: { $0.id == p.key }) { answers[p.key] = p.value } else {
                diagnostics.append(.error("there is no object \"\(p.key)\" in this lab (names: \(ids))", at: p.keySpan))
            }
        }
        var checks: [LabReport.Check] = []
        for item in spec.items {
            let name = "\(item.id) (\(item.object.kind.rawValue) in \(item.namespace))"
            guard let node = answers[item.id] else {
                checks.append(.init(name: name, passed: false, findings: [Finding(.notAnswered, subject: .item(item.id))]))
                continue
            }
            checks.append(check(item, node, name: name, &diagnostics))
        }
        return LabReport(labID: lab.id, checks: checks, diagnostics: diagnostics, answer: answer)
    }

    private func check(_ item: PSSPredictSpec.Item, _ node: YAMLNode, name: String,
                       _ diagnostics: inout [Diagnostic]) -> LabReport.Check {
        let labels = spec.namespace(item.namespace)?.labelMap ?? [:]
        let facts = PSSAdmissionFacts.evaluate(item.object, namespace: item.namespace, labels: labels)
        var stated: [String: YAMLNode] = [:]
        switch node {
        case .mapping(let pairs, _):
            for p in pairs { stated[p.key] = p.value }
        case .scalar:
            stated["outcome"] = node
        case .sequence:
            diagnostics.append(.error("\(item.id): state its facts as a mapping (outcome, checks, audit)", at: node.span))
        }
        var wrong: [Finding.Mismatch] = []
        for fact in spec.ask {
            let given = stated[fact.rawValue]
            switch fact {
            case .outcome:
                let said = given.flatMap(Self.scalar)
                if said?.lowercased() != facts.outcome.rawValue {
                    wrong.append(.init(field: "outcome", expected: said, actual: facts.outcome.rawValue))
                }
            case .checks, .audit:
                let real = fact == .checks ? facts.checks : facts.auditChecks
                let said = given.map { checkIDs($0, item.id, &diagnostics) }
                if said.map(Set.init) != Set(real) {
                    wrong.append(.init(field: fact.rawValue, expected: said.map { $0.map(\.rawValue).joined(separator: ", ") },
                                       actual: real.map(\.rawValue).joined(separator: ", ")))
                }
            }
        }
        if wrong.isEmpty { return .init(name: name, passed: true) }
        var message = facts.message
        if spec.ask.contains(.audit), wrong.contains(where: { $0.field == "audit" }) {
            message = facts.auditViolations.map { "\(PodSecurityAnnotations.auditViolations): \($0)" } ?? message
        }
        let policy = facts.response.policy.map { "namespace \(item.namespace): \($0)" }
        return .init(name: name, passed: false, findings: [
            Finding(.pssOutcomeDiffers, subject: .item(item.id), expected: policy, mismatches: wrong,
                    message: message ?? (item.object.kind.isPod ? nil : "a \(item.object.kind.rawValue) is never enforced")),
        ])
    }

    /// A list of check ids (or one id); unknown names are errors at their position.
    private func checkIDs(_ node: YAMLNode, _ item: String, _ diagnostics: inout [Diagnostic]) -> [CheckID] {
        let nodes: [YAMLNode]
        switch node {
        case .sequence(let items, _): nodes = items
        case .scalar(let s): nodes = s.kind == .null || s.text.isEmpty ? [] : [node]
        case .mapping: nodes = [node]
        }
        return nodes.compactMap { n in
            if let text = Self.scalar(n), let id = CheckID.named(text) { return id }
            diagnostics.append(.error("\(item): \"\(Self.scalar(n) ?? "?")\" is not a check id (like runAsNonRoot, capabilities_restricted)",
                                      at: n.span))
            return nil
        }
    }

    private static func scalar(_ node: YAMLNode) -> String? {
        if case .scalar(let s) = node, s.kind != .null { return s.text }
        return nil
    }
}
