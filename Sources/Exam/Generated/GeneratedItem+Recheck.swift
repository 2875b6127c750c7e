import Diagnostics
import JQ
import JSONValue
import KubeAudit

extension GeneratedItem {
    /// Recomputes the answer a second way and lists every disagreement (empty when sound).
    ///
    /// The generator takes its answers from `PolicyEvaluator.evaluate` and `StagePlan`;
    /// this reloads the policy from the YAML shown in the question, walks its rules with
    /// `explain` (the plain reference matcher), derives the stages from the spec's table,
    /// and for jq parses each option's text and runs the query on it again.
    public func recheck() -> [String] {
        let q = question
        let chosen = Set(q.options.filter { q.answer.contains($0.id) }.map(\.text))
        var expected: Set<String>
        switch material {
        case .jq(let query):
            guard let program = try? JQProgram.compile(query) else { return ["\(q.id): the query \(query) does not compile"] }
            expected = []
            for o in q.options {
                guard let event = try? JSONParser.parse(o.text) else { return ["\(q.id): option \(o.id) is not JSON"] }
                guard let out = try? program.outputs(event, environment: JQEnvironment(now: { 0 })) else {
                    return ["\(q.id): the query fails on option \(o.id)"]
                }
                if !out.isEmpty { expected.insert(o.text) }
            }
        case .audit(let s):
            let loaded = PolicyLoader.load(SourceFile(name: "recheck.yaml", text: s.policyYAML))
            guard let policy = loaded.policy, let evaluator = loaded.evaluator() else {
                return ["\(q.id): the policy in the question does not load"]
            }
            guard q.question.contains(s.policyYAML) else { return ["\(q.id): the stem does not show the policy"] }
            let a = s.request.attributes
            let winner = evaluator.explain(a).checks.first { $0.verdict == .matched }?.index
            let level = winner.map { policy.rules[$0].level } ?? "None"
            switch family {
            case .level?:
                expected = [level]
            case .firstRule?:
                expected = [winner.map { "Rule \($0 + 1) (level \(policy.rules[$0].level))" } ?? FirstRuleFamily.noRule]
            case .stages?:
                let stages = Self.stages(level: level, policy: policy, winner: winner, attributes: a,
                                         unauthenticated: s.request.user == nil)
                expected = stages.isEmpty ? [StagesFamily.noEvent] : Set(stages)
            default:
                return ["\(q.id): an audit item from an unknown family"]
            }
        }
        return chosen == expected ? [] : ["\(q.id): the answer is \(chosen.sorted()) but recomputing gives \(expected.sorted())"]
    }

    /// The spec's stage table (§7), written out plainly.
    static func stages(level: String, policy: AuditPolicy, winner: Int?, attributes a: RequestAttributes,
                       unauthenticated: Bool) -> [String] {
        guard level != "None" else { return [] }
        let longRunning = a.resourceRequest
            ? ["watch", "proxy"].contains(a.verb) || ["attach", "exec", "proxy", "log", "portforward"].contains(a.subresource)
            : a.path.hasPrefix("/debug/pprof/")
        let produced = unauthenticated ? ["ResponseStarted"]
            : longRunning ? ["RequestReceived", "ResponseStarted", "ResponseComplete"] : ["RequestReceived", "ResponseComplete"]
        let omitted = policy.omitStages + (winner.map { policy.rules[$0].omitStages } ?? [])
        return produced.filter { !omitted.contains($0) }
    }
}

/// Generates questions of every family from fixed seeds and proves each one: the format
/// checks of hand-written questions, and an answer recomputed independently.
public enum GeneratedSelfCheck {
    /// How many questions were generated, and every problem found in them.
    public struct Report: Sendable {
        public var questions: Int
        public var problems: [String]
    }

    /// The seeds `kcsa content check` proves, per family.
    public static let seeds: ClosedRange<UInt64> = 1...200

    public static func run(seeds: ClosedRange<UInt64>, curriculum: Curriculum) -> Report {
        var problems: [String] = []
        var count = 0
        for family in GeneratedFamily.allCases {
            for seed in seeds {
                let item = family.item(seed: seed)
                count += 1
                problems += QuestionChecks.check(item.question, curriculum: curriculum).map(\.message)
                problems += item.recheck()
            }
        }
        return Report(questions: count, problems: problems)
    }
}
