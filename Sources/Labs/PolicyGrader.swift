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
            checks.append(.init(name: "the policy loads", passed: false,
                                findings: [Finding(.policyRefused, message: loaded.apiserverError)]))
            return LabReport(labID: lab.id, checks: checks, diagnostics: diagnostics, answer: answer)
        }
        checks.append(.init(name: "the policy loads", passed: true))
        if spec.strict {
            let warnings = diagnostics.filter { $0.severity == .warning }
            checks.append(.init(name: "no warnings (every key is one kube-apiserver reads)", passed: warnings.isEmpty,
                                findings: warnings.map { Finding(.warning, message: $0.message) }))
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
            guard var problem = mismatch(e, info.attributes, outcome, c) else { return .init(name: e.name, passed: true) }
            problem.subject = .request(spec.summary)
            return .init(name: e.name, passed: false, findings: [problem])
        case .match(let selector):
            guard let scenario = spec.scenario else { throw .content("no scenario for expectation \"\(e.name)\"") }
            let samples = try resources.requests(scenario: scenario, duration: spec.duration)
            var failed = 0, total = 0
            var first: Finding?
            for s in samples where selector.matches(s.request, s.attributes) {
                total += s.count
                if var problem = mismatch(e, s.attributes, s.outcome, c) {
                    failed += s.count
                    if first == nil {
                        problem.subject = .request(s.summary)
                        problem.isExample = true
                        first = problem
                    }
                }
            }
            if total == 0 {
                throw .content("expectation \"\(e.name)\": no request of scenario \(scenario) matches \(selector.summary)")
            }
            guard let first else { return .init(name: e.name, passed: true) }
            return .init(name: e.name, passed: false,
                         findings: [Finding(.matchingRequestsFail, subject: .requests(selector.summary),
                                            count: .init(failed: failed, total: total)), first])
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
            var findings: [Finding] = []
            if let max = budget.eventsPerSecond, estimate.eventsPerSecond > max {
                findings.append(Finding(.overEventBudget, subject: .scenario(scenario), expected: "\(max)",
                                        actual: "\(estimate.eventsPerSecond)"))
            }
            if let max = budget.bytesPerDay, estimate.bytesPerDay > max {
                findings.append(Finding(.overByteBudget, subject: .scenario(scenario), expected: "\(max)",
                                        actual: "\(estimate.bytesPerDay)"))
            }
            if !findings.isEmpty, let (rule, line) = estimate.byRule.max(by: { $0.value.bytes < $1.value.bytes }) {
                let share = Int((line.bytes / max(1, estimate.total.bytes) * 100).rounded())
                let decider = rule < 0 ? Finding.Rule(index: nil, line: nil, level: "")
                    : Finding.Rule(index: rule, line: ruleLine(rule, c), level: "")
                findings.append(Finding(.largestShare, rule: decider, share: share))
            }
            return .init(name: e.name, passed: findings.isEmpty, findings: findings)
        }
    }

    /// What is wrong with how the policy treats one request, or nil.
    private func mismatch(_ e: Expectation, _ a: RequestAttributes, _ outcome: StagePlan.Outcome, _ c: Context) -> Finding? {
        let decision = c.evaluator.evaluate(a)
        let plan = StagePlan(decision: decision, attributes: a, outcome: outcome)
        let written = decision.level == .none ? [] : plan.stages
        let got = decision.level.rawValue
        var problems: [Finding.Mismatch] = []
        if let want = e.level, decision.level != want { problems.append(.init(field: "level", expected: want.rawValue, actual: got)) }
        if let want = e.atLeast, decision.level < want {
            problems.append(.init(field: "atLeast", expected: want.rawValue, actual: got))
        }
        if let want = e.atMost, decision.level > want { problems.append(.init(field: "atMost", expected: want.rawValue, actual: got)) }
        if let want = e.stages, want != written {
            problems.append(.init(field: "stages", expected: names(want), actual: names(written)))
        }
        let unwanted = e.omits.filter(written.contains)
        if !unwanted.isEmpty { problems.append(.init(field: "omits", expected: nil, actual: names(unwanted))) }
        guard !problems.isEmpty else { return nil }
        var rule = Finding.Rule(index: decision.rule, line: decision.rule.flatMap { ruleLine($0, c) }, level: got)
        if !decision.omitStages.isEmpty && (e.stages != nil || !e.omits.isEmpty) {
            rule.omitStages = AuditStage.allCases.filter(decision.omitStages.contains).map(\.rawValue)
        }
        return Finding(.requestMishandled, mismatches: problems, rule: rule)
    }

    private func names(_ stages: [AuditStage]) -> String { stages.map(\.rawValue).joined(separator: ", ") }

    /// The line where the rule starts in the answer.
    private func ruleLine(_ rule: Int, _ c: Context) -> Int? {
        guard let span = c.policy?.spans.values["rules[\(rule)]"] else { return nil }
        return c.source.location(ofByte: span.start).line
    }
}
