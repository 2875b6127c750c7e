import Diagnostics
import KubeAudit
import Yams

/// Checks a prediction answer: for each request, the stated facts against what the
/// policy engine computes, with the reason when they differ.
struct PredictGrader {
    let lab: Lab
    let spec: PredictSpec
    let resources: LabResources

    func evaluator() throws(LabCheckError) -> PolicyEvaluator {
        if let text = spec.policyText {
            guard let e = PolicyLoader.load(SourceFile(name: lab.id + " policy", text: text)).evaluator() else {
                throw .content("the policy of \(lab.id) does not load")
            }
            return e
        }
        return try resources.policy(spec.policy ?? "")
    }

    /// What kube-apiserver records for one request.
    struct Truth {
        var explanation: PolicyExplanation
        var level: AuditLevel { explanation.decision.level }
        var stages: [AuditStage] { level == .none ? [] : explanation.plan.stages }
        var requestObject: Bool { level != .none && explanation.plan.requestObject.present }
        var responseObject: Bool { level != .none && explanation.plan.responseObject.present }
    }

    func truth(_ item: PredictSpec.Item, _ evaluator: PolicyEvaluator) throws(LabCheckError) -> Truth {
        let info: RequestInfo
        do { info = try item.request.info() } catch { throw .content("request \(item.id): \(error)") }
        return Truth(explanation: evaluator.explain(info.attributes,
                                                    outcome: .of(user: info.attributes.user)))
    }

    /// Whether an asked fact still holds the starter's placeholder (`TODO`).
    static func isPlaceholder(_ facts: [String: Node], asked: [PredictSpec.Fact]) -> Bool {
        asked.contains { fact in
            guard let value = facts[fact.rawValue] else { return false }
            let words = value.sequence.map { $0.compactMap(\.string) } ?? value.string.map { [$0] } ?? []
            return words.contains { $0.uppercased() == "TODO" }
        }
    }

    func grade(_ answer: SourceFile) throws(LabCheckError) -> LabReport {
        let evaluator = try evaluator()
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, _ mark: Mark?) {
            diagnostics.append(.error(message, at: mark.map { .at(answer.offset(line: $0.line, column: $0.column)) }))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(decoding: answer.bytes, as: UTF8.self))
        } catch let e as YamlError {
            switch e {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                error("not valid YAML: \(problem)", mark)
            default: error("not valid YAML: \(e)", nil)
            }
            root = nil
        } catch {
            diagnostics.append(.error("not valid YAML: \(error)"))
            root = nil
        }
        guard diagnostics.isEmpty else {
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is YAML", passed: false)],
                             diagnostics: diagnostics, answer: answer)
        }
        guard let map = root?.mapping else {
            error("the answer maps each request id (\(spec.requests.map(\.id).joined(separator: ", "))) to its facts", root?.mark)
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is a mapping", passed: false)],
                             diagnostics: diagnostics, answer: answer)
        }
        var answers: [String: Node] = [:]
        for (k, v) in map {
            let key = k.string ?? ""
            if spec.requests.contains(where: { $0.id == key }) { answers[key] = v } else {
                error("there is no request \"\(key)\" in this lab (ids: \(spec.requests.map(\.id).joined(separator: ", ")))", k.mark)
            }
        }
        var checks: [LabReport.Check] = []
        for item in spec.requests {
            let t = try truth(item, evaluator)
            let name = "\(item.id): \(item.request.summary)"
            guard let node = answers[item.id] else {
                checks.append(.init(name: name, passed: false, findings: [Finding(.notAnswered, subject: .item(item.id))]))
                continue
            }
            let facts = node.mapping.map { Dictionary($0.map { ($0.key.string ?? "", $0.value) }, uniquingKeysWith: { a, _ in a }) }
                ?? (node.string.map { ["level": Node($0)] } ?? [:])
            if Self.isPlaceholder(facts, asked: spec.ask) {
                // The starter's TODO is not a guess: say so, and show no values.
                checks.append(.init(name: name, passed: false,
                                    findings: [Finding(.notAnswered, subject: .item(item.id), message: "a TODO is left")]))
                continue
            }
            var wrong: [Finding.Mismatch] = []
            for fact in spec.ask {
                let given = facts[fact.rawValue]
                switch fact {
                case .level:
                    let said = given?.string
                    if said != t.level.rawValue { wrong.append(.init(field: "level", expected: said, actual: t.level.rawValue)) }
                case .stages:
                    let said = given?.sequence.map { $0.compactMap(\.string) } ?? given?.string.map { [$0] }
                    let real = t.stages.map(\.rawValue)
                    if said != real {
                        wrong.append(.init(field: "stages", expected: said?.joined(separator: ", "),
                                           actual: real.joined(separator: ", ")))
                    }
                case .requestObject, .responseObject:
                    let real = fact == .requestObject ? t.requestObject : t.responseObject
                    let field = fact == .requestObject ? t.explanation.plan.requestObject : t.explanation.plan.responseObject
                    if given?.bool != real {
                        wrong.append(.init(field: fact.rawValue, expected: given?.bool.map { String($0) }, actual: String(real),
                                           reason: t.level == .none ? nil : field.reason))
                    }
                }
            }
            if wrong.isEmpty {
                checks.append(.init(name: name, passed: true))
            } else {
                let rule = Finding.Rule(index: t.explanation.decision.rule, line: nil, level: t.level.rawValue)
                checks.append(.init(name: name, passed: false,
                                    findings: [Finding(.wrongPrediction, subject: .item(item.id), mismatches: wrong, rule: rule,
                                                       message: t.explanation.summary)]))
            }
        }
        return LabReport(labID: lab.id, checks: checks, diagnostics: diagnostics, answer: answer)
    }
}
