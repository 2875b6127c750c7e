import ClusterSim
import Diagnostics
import KubeAudit
import Seeded

/// One request under one generated policy, with the evaluator's decision. The policy is
/// rendered to YAML and loaded back with `PolicyLoader`, so the question shows exactly the
/// text the answer was computed from.
struct AuditScenario: Sendable {
    var request: SampleRequest
    var attributes: RequestAttributes
    var policyYAML: String
    var policy: AuditPolicy
    var evaluator: PolicyEvaluator
    var decision: PolicyDecision
    /// Every rule checked on its own: nil when it matches, else why not.
    var failures: [String?]

    /// Draws a request from `requests`, then a policy of `rules` rules around it.
    static func draw(_ rng: inout SeededGenerator, rules: ClosedRange<Int>,
                     requests: [SampleRequest] = SampleCatalogue.requests) -> AuditScenario {
        while true {
            let request = rng.pick(requests)
            var generator = PolicyGenerator(rng: SeededGenerator(seed: rng.next()), request: request.attributes)
            let policy = generator.policy(rules: rng.int(in: rules))
            // Generated policies are always valid; the loop only guards against a future pool change.
            if let scenario = AuditScenario(request: request, policyYAML: PolicyYAML.render(policy)) { return scenario }
        }
    }

    /// Loads `policyYAML` and evaluates `request` under it; nil when the policy does not load.
    init?(request: SampleRequest, policyYAML: String) {
        let loaded = PolicyLoader.load(SourceFile(name: "policy.yaml", text: policyYAML))
        guard let evaluator = loaded.evaluator(), let policy = loaded.policy else { return nil }
        self.request = request
        let attributes = request.attributes
        self.attributes = attributes
        self.policyYAML = policyYAML
        self.policy = policy
        self.evaluator = evaluator
        decision = evaluator.evaluate(attributes)
        failures = policy.rules.map { rule in
            guard let alone = try? PolicyEvaluator(AuditPolicy(rules: [rule])) else { return "invalid rule" }
            if case .failed(let why) = alone.explain(attributes).checks[0].verdict { return why }
            return nil
        }
    }

    var plan: StagePlan { StagePlan(decision: decision, attributes: attributes, outcome: request.outcome) }

    /// The policy and the request, as a stem shows them.
    var stemContext: String {
        "An audit policy is loaded with `--audit-policy-file`:\n\n```yaml\n" + policyYAML + "```\n\nThis request arrives:\n\n"
            + request.stemLines + "\n"
    }

    func ruleSummary(_ i: Int) -> String { PolicyYAML.summary(policy.rules[i], index: i) }

    /// Why rule `i` does or does not decide, in one sentence.
    func verdict(_ i: Int) -> String {
        if let why = failures[i] { return "Rule \(i + 1) does not match: \(why)." }
        if let w = decision.rule, w < i {
            return "Rule \(i + 1) would match too, but rule \(w + 1) comes first and the first match wins."
        }
        return "Rule \(i + 1) is the first rule whose users, groups, verbs, resources, namespaces and URLs all match."
    }

    /// The walk from the top to the winning rule, as an explanation.
    var walk: String {
        var out = "Rules are checked from the top and the first rule that matches decides; specificity does not matter. "
        let last = decision.rule ?? policy.rules.count - 1
        for i in 0...max(0, last) where i < policy.rules.count {
            out += verdict(i) + " "
        }
        if let w = decision.rule {
            out += "So \(ruleSummary(w)) decides"
            out += decision.level == .none ? ": the request is not logged." : ", and the request is logged at \(decision.level.rawValue)."
        } else {
            out += "No rule matches, so the request gets level None and is not logged."
        }
        return out
    }
}
