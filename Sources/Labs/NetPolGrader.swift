import Diagnostics
import NetworkPolicy

/// Checks a `netpol` answer: the learner's NetworkPolicies must be accepted as
/// kube-apiserver would accept them; added to the cluster's own policies, every
/// `must_reach` connection must be allowed and every `must_not_reach` one blocked.
struct NetPolGrader {
    let lab: Lab
    let spec: NetPolLabSpec
    let resources: LabResources

    func grade(_ answer: SourceFile) throws(LabCheckError) -> LabReport {
        let world = try NetPolWorld.load(spec.cluster, lab: lab, resources: resources)
        let (policies, problems) = Self.policies(in: answer)
        var diagnostics = problems.map(\.diagnostic)
        let checkName = "the NetworkPolicies are accepted"
        guard !problems.hasErrors else {
            return LabReport(labID: lab.id, checks: [.init(name: checkName, passed: false, findings: Self.findings(problems))],
                             diagnostics: diagnostics, answer: answer)
        }
        let model: ClusterModel
        do {
            model = try world.model.with(policies: world.model.policies + policies)
        } catch {
            diagnostics += error.problems.diagnostics
            return LabReport(labID: lab.id, checks: [.init(name: checkName, passed: false, findings: Self.findings(error.problems))],
                             diagnostics: diagnostics, answer: answer)
        }
        var checks: [LabReport.Check] = [.init(name: checkName + " (\(policies.count))", passed: true)]
        for (expected, list) in [(true, spec.mustReach), (false, spec.mustNotReach)] {
            for c in list {
                let connection = try world.connection(c, in: model, lab: lab)
                let name = (expected ? "reaches: " : "is blocked: ") + c.summary + (c.name.map { " (\($0))" } ?? "")
                if connection.allowed == expected {
                    checks.append(.init(name: name, passed: true))
                    continue
                }
                var f = Finding(.connectionWrong, subject: .connection(c.summary), expected: Self.verdict(expected),
                                actual: Self.verdict(connection.allowed))
                f.traffic = world.evidence(connection, in: model, answer: answer)
                checks.append(.init(name: name, passed: false, findings: [f]))
            }
        }
        return LabReport(labID: lab.id, checks: checks, diagnostics: diagnostics, answer: answer)
    }

    static func verdict(_ allowed: Bool) -> String { allowed ? "allowed" : "blocked" }

    /// The NetworkPolicies of an answer, and its decoding problems: YAML, types, unknown
    /// fields, and objects that are not NetworkPolicies (the cluster is the lab's).
    static func policies(in answer: SourceFile) -> ([NetworkPolicy], [Problem]) {
        let (objects, decoded) = ObjectDecoder.decode(answer)
        var problems = decoded
        func notPolicy(_ what: String, _ origin: ObjectOrigin?) {
            problems.append(Problem(file: answer.name, .error(
                "the answer holds \(what); write only NetworkPolicies (the lab's cluster has its namespaces and pods)",
                at: origin?.span, code: "not-a-networkpolicy")))
        }
        for ns in objects.namespaces { notPolicy("a Namespace", ns.origin) }
        for pod in objects.pods { notPolicy(pod.template.map { "a \($0.split(separator: " ")[0])" } ?? "a Pod", pod.origin) }
        for kind in objects.ignored { notPolicy("a \(kind)", nil) }
        return (objects.policies, problems)
    }

    /// One finding per error: kube-apiserver's message as it is.
    static func findings(_ problems: [Problem]) -> [Finding] {
        problems.filter { $0.diagnostic.severity == .error }.map { p in
            p.diagnostic.code == "not-a-networkpolicy"
                ? Finding(.notANetworkPolicy, message: p.diagnostic.message)
                : Finding(.networkPolicyRejected, message: p.diagnostic.message)
        }
    }
}
