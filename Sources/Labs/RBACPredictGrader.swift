import ContentFormat
import Diagnostics
import RBAC

/// Checks an `rbac-predict` answer: `ID: yes|no` for each access, against the RBAC
/// authorizer over the default roles and the lab's cluster, with upstream's reason and the
/// deciding (or closest) rule for each wrong one.
struct RBACPredictGrader {
    let lab: Lab
    let spec: RBACPredictSpec

    func grade(_ answer: SourceFile) throws(LabCheckError) -> LabReport {
        let cluster = try RBACGrading.clusterObjects(spec.cluster, lab: lab)
        var diagnostics: [Diagnostic] = []
        let ids = spec.items.map(\.id).joined(separator: ", ")
        var said: [String: Bool] = [:]
        do {
            let root = try YAMLReader.read(answer)
            guard case .mapping(let pairs, _)? = root else {
                diagnostics.append(.error("the answer maps each access id (\(ids)) to yes or no",
                                          at: root.map { .at($0.span.start) }))
                return LabReport(labID: lab.id, checks: [.init(name: "the answer is a mapping", passed: false)],
                                 diagnostics: diagnostics, answer: answer)
            }
            for pair in pairs {
                guard spec.items.contains(where: { $0.id == pair.key }) else {
                    diagnostics.append(.error("there is no access \"\(pair.key)\" in this lab (ids: \(ids))",
                                              at: .at(pair.keySpan.start)))
                    continue
                }
                guard let answer = Self.yesNo(pair.value) else {
                    diagnostics.append(.error("say yes or no for \(pair.key)", at: .at(pair.value.span.start)))
                    continue
                }
                said[pair.key] = answer
            }
        } catch {
            diagnostics.append(.error("not valid YAML: \(error.message)", at: .at(error.span.start)))
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is YAML", passed: false)],
                             diagnostics: diagnostics, answer: answer)
        }
        let authorizer = RBACAuthorizer(objects: BootstrapPolicy.objects + cluster)
        var checks: [LabReport.Check] = []
        for item in spec.items {
            let user = item.identity.userInfo
            let name = "\(item.id): can \(item.identity.user) \(item.access.summary)"
            guard let guess = said[item.id] else {
                checks.append(.init(name: name, passed: false, findings: [Finding(.notAnswered, subject: .item(item.id))]))
                continue
            }
            let decision = authorizer.authorize(item.access.request, as: user)
            if decision.allowed == guess {
                checks.append(.init(name: name, passed: true))
                continue
            }
            var f = Finding(.rbacWrongPrediction, subject: .item("\(item.id) (\(item.identity.user): \(item.access.summary))"),
                            expected: guess ? "yes" : "no", actual: decision.allowed ? "yes" : "no", message: decision.reason)
            f.rbac = RBACGrading.evidence(decision, item.access.request, user, authorizer, answer: nil)
            checks.append(.init(name: name, passed: false, findings: [f]))
        }
        return LabReport(labID: lab.id, checks: checks, diagnostics: diagnostics, answer: answer)
    }

    /// `yes`/`no` (YAML 1.1 booleans, as kube reads them) or `true`/`false`.
    static func yesNo(_ node: YAMLNode) -> Bool? {
        guard case .scalar(let s) = node else { return nil }
        if case .bool(let b) = s.kind { return b }
        switch s.text.lowercased() {
        case "yes", "y", "allowed": return true
        case "no", "n", "denied": return false
        default: return nil
        }
    }
}
