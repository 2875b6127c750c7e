import ClusterSim
import Diagnostics
import KubeAudit

/// Checks a policy answer (policy and fix labs): it must load as kube-apiserver would
/// load it, then meet each expectation on the lab's requests.
struct PolicyGrader {
    let lab: Lab
    let spec: PolicyLabSpec
    let resources: LabResources

    func grade(_ answer: SourceFile, cancelled: () -> Bool) throws(LabCheckError) -> LabReport {
        let loaded = PolicyLoader.load(answer)
        var checks: [LabReport.Check] = []
        var diagnostics = loaded.diagnostics
        guard let evaluator = loaded.evaluator(), !loaded.diagnostics.hasErrors else {
            var details = ["kube-apiserver would refuse to start with this policy"]
            if let e = loaded.apiserverError { details.append(e) }
            checks.append(.init(name: "the policy loads", passed: false, details: details))
            return LabReport(labID: lab.id, checks: checks, diagnostics: diagnostics, answer: answer)
        }
        checks.append(.init(name: "the policy loads", passed: true))
        if spec.strict {
            let warnings = diagnostics.filter { $0.severity == .warning }
            checks.append(.init(name: "no warnings (every key is one kube-apiserver reads)", passed: warnings.isEmpty,
                                details: warnings.map { "warning: \($0.message)" }))
            // In strict labs the warnings are the point: show them as errors with their caret.
            diagnostics = diagnostics.map { d in
                var d = d
                if d.severity == .warning { d.severity = .error }
                return d
            }
        }
        let context = Context(policy: loaded.policy, source: answer, evaluator: evaluator)
        for e in spec.expectations {
            if cancelled() { throw .cancelled }
            checks.append(try check(e, context))
        }
        return LabReport(labID: lab.id, checks: checks, diagnostics: diagnostics, answer: answer)
    }

    struct Context {
        var policy: AuditPolicy?
        var source: SourceFile
        var evaluator: PolicyEvaluator
    }

    private func check(_ e: Expectation, _ c: Context) throws(LabCheckError) -> LabReport.Check {
        switch e.target {
        case .request(let spec):
            let info: RequestInfo
            do { info = try spec.info() } catch { throw .content("expectation \"\(e.name)\": \(error)") }
            let outcome = StagePlan.Outcome.of(user: info.attributes.user)
            guard let problem = mismatch(e, info.attributes, outcome, c) else { return .init(name: e.name, passed: true) }
            return .init(name: e.name, passed: false, details: ["\(spec.summary): " + problem])
        case .match(let selector):
            guard let scenario = spec.scenario else { throw .content("no scenario for expectation \"\(e.name)\"") }
            let samples = try resources.requests(scenario: scenario, duration: spec.duration)
            var failed = 0, total = 0
            var first: String?
            for s in samples where selector.matches(s.request, s.attributes) {
                total += s.count
                if let problem = mismatch(e, s.attributes, s.outcome, c) {
                    failed += s.count
                    if first == nil { first = "for example \(s.summary): " + problem }
                }
            }
            if total == 0 {
                throw .content("expectation \"\(e.name)\": no request of scenario \(scenario) matches \(selector.summary)")
            }
            guard let first else { return .init(name: e.name, passed: true) }
            return .init(name: e.name, passed: false,
                         details: ["\(failed) of \(total) matching requests (\(selector.summary)) fail", first])
        case .budget(let budget):
            guard let scenario = spec.scenario else { throw .content("no scenario for budget \"\(e.name)\"") }
            guard let span = ClusterSim.Duration.microseconds(spec.duration) else { throw .content("bad duration") }
            let estimate: VolumeEstimate
            let sc = try resources.scenario(scenario)
            do {
                estimate = try VolumeEstimator.estimate(sc, evaluator: c.evaluator, duration: span)
            } catch {
                throw .content("scenario \(scenario): \(error.description)")
            }
            var details: [String] = []
            if let max = budget.eventsPerSecond, estimate.eventsPerSecond > max {
                details.append(String(format: "%.1f events/s on %@, over the budget of %.1f", estimate.eventsPerSecond,
                                      scenario, max))
            }
            if let max = budget.bytesPerDay, estimate.bytesPerDay > max {
                details.append("\(ByteSize.format(estimate.bytesPerDay)) per day on \(scenario), over the budget of "
                               + ByteSize.format(max))
            }
            if !details.isEmpty, let (rule, line) = estimate.byRule.max(by: { $0.value.bytes < $1.value.bytes }) {
                let share = Int((line.bytes / max(1, estimate.total.bytes) * 100).rounded())
                details.append(rule < 0 ? "the largest share (\(share)%) is logged by no rule (impossible)"
                               : "rule \(rule)\(ruleLine(rule, c)) writes the largest share: \(share)% of the bytes")
            }
            return .init(name: e.name, passed: details.isEmpty, details: details)
        }
    }

    /// What is wrong with how the policy treats one request, or nil.
    private func mismatch(_ e: Expectation, _ a: RequestAttributes, _ outcome: StagePlan.Outcome, _ c: Context) -> String? {
        let decision = c.evaluator.evaluate(a)
        let plan = StagePlan(decision: decision, attributes: a, outcome: outcome)
        let written = decision.level == .none ? [] : plan.stages
        var problems: [String] = []
        if let want = e.level, decision.level != want {
            problems.append("expected level \(want.rawValue), got \(decision.level.rawValue)")
        }
        if let want = e.atLeast, decision.level < want {
            problems.append("expected at least \(want.rawValue), got \(decision.level.rawValue)")
        }
        if let want = e.atMost, decision.level > want {
            problems.append("expected at most \(want.rawValue), got \(decision.level.rawValue)")
        }
        if let want = e.stages, want != written {
            problems.append("expected stages [\(names(want))], written [\(names(written))]")
        }
        let unwanted = e.omits.filter(written.contains)
        if !unwanted.isEmpty { problems.append("\(names(unwanted)) should not be written but is") }
        guard !problems.isEmpty else { return nil }
        let why: String
        if let rule = decision.rule {
            why = "rule \(rule)\(ruleLine(rule, c)) matched first (level \(decision.level.rawValue))"
        } else {
            why = "no rule matched, so it is not logged"
        }
        var text = problems.joined(separator: "; ") + " - " + why
        if !decision.omitStages.isEmpty && (e.stages != nil || !e.omits.isEmpty) {
            text += ", omitStages [\(names(AuditStage.allCases.filter(decision.omitStages.contains)))]"
        }
        return text
    }

    private func names(_ stages: [AuditStage]) -> String { stages.map(\.rawValue).joined(separator: ", ") }

    /// ` (line 12)`: where the rule starts in the answer.
    private func ruleLine(_ rule: Int, _ c: Context) -> String {
        guard let span = c.policy?.spans.values["rules[\(rule)]"] else { return "" }
        return " (line \(c.source.location(ofByte: span.start).line))"
    }
}
