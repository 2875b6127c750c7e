import ClusterSim
import KubeAudit
import Seeded

/// "Which stages produce an event?": the stages of the request kind (spec §7), minus the
/// policy's and the rule's omitStages, none at level None; computed with `StagePlan`.
enum StagesFamily {
    static let noEvent = "None: no event is written for this request"

    /// The catalogue with long-running and failed requests counted twice: their stages are
    /// the ones worth asking about.
    static let requests = SampleCatalogue.requests + SampleCatalogue.requests.filter {
        $0.user == nil || RequestInfo.isLongRunning($0.attributes)
    }

    static func make(_ rng: inout SeededGenerator) -> GeneratedItem {
        var s = AuditScenario.draw(&rng, rules: 2...4, requests: requests)
        // Mostly ask about requests that are logged: "nothing" is one answer among many.
        for _ in 0..<4 where s.decision.level == .none && rng.chance(70) {
            s = AuditScenario.draw(&rng, rules: 2...4, requests: requests)
        }
        let plan = s.plan
        var options = AuditStage.allCases.map { stage in
            OptionDraft(text: stage.rawValue, why: why(stage, s, plan), correct: plan.stages.contains(stage))
        }
        let noneWhy: String
        if plan.stages.isEmpty {
            noneWhy = s.decision.level == .none
                ? "The level is None, so no event is written at any stage."
                : "Every stage this request produces is in omitStages, so nothing is written even at level \(s.decision.level.rawValue)."
        } else {
            noneWhy = "The level is \(s.decision.level.rawValue) and not every stage is omitted, so events are written."
        }
        options.append(OptionDraft(text: noEvent, why: noneWhy, correct: plan.stages.isEmpty))
        let stem = s.stemContext + "\nAt which stages does the apiserver write an audit event for this request?"
        let q = Question.generated(stem: stem, options: options, explanation: explanation(s, plan),
                                   sources: [GeneratedFamily.auditPage, GeneratedFamily.auditFilterSource])
        return GeneratedItem(question: q, material: .audit(s))
    }

    static func kind(_ s: AuditScenario, _ plan: StagePlan) -> String {
        if s.request.outcome == .unauthenticated { return "A request that fails authentication (401) produces a single ResponseStarted event" }
        if plan.longRunning { return "A long-running request (watch, exec, attach, portforward, proxy, log) produces RequestReceived, ResponseStarted and ResponseComplete" }
        return "A request that is not long-running produces RequestReceived and ResponseComplete"
    }

    static func why(_ stage: AuditStage, _ s: AuditScenario, _ plan: StagePlan) -> String {
        let level = s.decision.level
        if plan.stages.contains(stage) {
            return "\(kind(s, plan)); at level \(level.rawValue) with this stage not omitted, its event is written."
        }
        if level == .none { return "The level is None, so no event is written at \(stage.rawValue) or any other stage." }
        if plan.omitted.contains(stage) {
            let where_ = s.policy.omitStages.contains(stage.rawValue) ? "the policy's omitStages" : "rule \((s.decision.rule ?? 0) + 1)'s omitStages"
            return "The request would produce \(stage.rawValue), but \(where_) drops it."
        }
        switch stage {
        case .panic: return "Panic replaces ResponseComplete only when the handler panics; this request completes."
        case .responseStarted: return "Only long-running requests (watch, exec, attach, portforward, proxy, log) and 401s get ResponseStarted; \(s.request.method) \(s.attributes.path) is neither."
        default: return "\(kind(s, plan)), so there is no \(stage.rawValue) event."
        }
    }

    static func explanation(_ s: AuditScenario, _ plan: StagePlan) -> String {
        var out = s.walk + " "
        if s.decision.level == .none { return out + "At level None no stage produces an event." }
        out += kind(s, plan) + ". "
        if !plan.omitted.isEmpty {
            out += "omitStages removes \(plan.omitted.map(\.rawValue).joined(separator: " and ")). "
        }
        out += plan.stages.isEmpty ? "No event is left." : "Events are written at \(plan.stages.map(\.rawValue).joined(separator: ", "))."
        return out
    }
}
