import Diagnostics
import Foundation
import JQ
import JSONValue
import KubeAudit
import Labs
import Terminal

/// Looking around inside a lab: its events, its requests, jq on its log, field paths.
extension Trainer {
    /// `try FILTER`: runs a jq filter on the log the learner can see, without changing the answer.
    func tryQuery(_ input: CommandInput) -> Outcome {
        guard let s = requireLab() else { return .failed }
        guard case .query(let spec) = s.lab.spec, let resources = requireResources() else {
            say("`try` runs jq on a query lab's log; this is a \(s.lab.kind.rawValue) lab")
            return .failed
        }
        let filter = input.words.isEmpty ? s.answer : input.rest
        let source = SourceFile(name: "<query>", text: filter)
        let program: JQProgram
        do {
            program = try JQProgram.compile(filter)
        } catch {
            let renderer = DiagnosticRenderer(color: style.enabled)
            for d in error.diagnostics { io.output.write(renderer.render(d, in: source)) }
            return .failed
        }
        let events: [JSON]
        do { events = try resources.log(scenario: spec.scenario, policy: spec.policy, duration: spec.duration, seed: spec.seeds[0]) }
        catch { return fail(error.description) }
        let cancellation = JQCancellation()
        let run = Interrupts.shared.watching(onInterrupt: { cancellation.cancel() }) {
            TryRun(program: program, inputs: spec.slurp ? [JSON.array(events)] : events, cancellation: cancellation,
                   colors: style.enabled, width: io.width() ?? 300).run { io.output.write($0) }
        }
        switch run.stop {
        case .cancelled:
            say("^C (query interrupted)")
            return .failed
        case .failed(let message):
            say(style.red("stopped") + ": \(message)")
            return .failed
        case nil: break
        }
        for (event, message) in run.errors.prefix(3) { say(style.red("jq: error (at event \(event))") + ": \(message)") }
        let over = run.total > run.shown ? ", \(run.total - run.shown) more not shown" : ""
        let errors = run.errors.count
        let failed = errors > 0 ? "; \(errors) event\(errors == 1 ? "" : "s") raised an error (a check counts that as a failure)" : ""
        say(style.dim("\(run.total) output\(run.total == 1 ? "" : "s") from \(events.count) events\(spec.slurp ? " (slurped)" : "")\(over)\(failed)"))
        return errors == 0 ? .ok : .failed
    }

    /// The most `peek N` shows (a larger N shows this many).
    static let maxPeek = 10_000

    /// N of `peek N`: nil unless it is a whole number of at least 1; clamped to `maxPeek`.
    static func peekCount(_ word: String?, default count: Int) -> Int? {
        guard let word else { return count }
        guard !word.isEmpty, word.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        // Digits only, so Int fails only when the number is too large for it.
        let value = Int(word) ?? maxPeek
        return value >= 1 ? min(value, maxPeek) : nil
    }

    /// `kcsa lab peek ID [N]`: the same as `peek [N]` with `lab` open (and nothing else of
    /// a session: no draft is read, nothing is recorded).
    public mutating func peek(lab: Lab, count: String?) -> Outcome {
        session = LabSession(lab: lab, answer: lab.starter)
        return peek(count.map { [$0] } ?? [])
    }

    /// `peek [N]`: a query lab's first events, a policy lab's most frequent requests, a predict lab's requests.
    func peek(_ args: [String]) -> Outcome {
        guard let s = requireLab(), let resources = requireResources() else { return .failed }
        guard let n = Self.peekCount(args.first, default: LabAffordances.peekCount(s.lab.spec)) else {
            say("usage: peek [N]  (N: how many to show, a whole number from 1 to \(Self.maxPeek))")
            return .failed
        }
        do {
            switch s.lab.spec {
            case .query(let spec):
                let events = try resources.log(scenario: spec.scenario, policy: spec.policy, duration: spec.duration,
                                               seed: spec.seeds[0])
                let printer = JSONPrinter(options: .init(indent: 0, colors: style.enabled ? .jqDefault : nil))
                for e in events.prefix(n) { io.output.write(printer.string(e) + "\n") }
                say(style.dim("\(min(n, events.count)) of \(events.count) events (\(spec.scenario) under \(spec.policy)); `peek N` for more"))
            case .policy(let spec), .fix(let spec):
                guard let scenario = spec.scenario else {
                    say("this lab checks requests written out in it; `task` shows them")
                    return .ok
                }
                let samples = try resources.requests(scenario: scenario, duration: spec.duration)
                let total = samples.reduce(0) { $0 + $1.count }
                say(style.bold("The most frequent requests") + " of \(scenario) (\(total) in \(spec.duration)):")
                for sample in samples.sorted(by: { $0.count > $1.count }).prefix(n) {
                    say(String(format: "%7d  ", sample.count) + sample.summary)
                }
                let incidents = samples.filter { $0.request.incident != nil }
                if !incidents.isEmpty {
                    say(style.bold("Incident requests") + ":")
                    for sample in incidents.prefix(n) { say("  [\(sample.request.incident!)] " + sample.summary) }
                }
            case .predict(let spec):
                for item in spec.requests { say("  \(item.id): \(item.request.summary)") }
            case .pssManifest, .pssLabels, .pssPredict:
                peekPodSecurity(s.lab.spec, n)
            case .netpol, .netpolPredict:
                return peekCluster(s.lab, resources: resources, limit: n)
            // RBAC lab kinds: the cluster's objects (the default roles are there too)
            case .rbac(let spec):
                say(style.bold("The cluster's RBAC objects") + " (besides the default roles):")
                io.output.write(spec.cluster)
            case .rbacPredict(let spec):
                say(style.bold("The cluster's RBAC objects") + " (besides the default roles):")
                io.output.write(spec.cluster)
                for item in spec.items { say("  \(item.id): can \(item.identity.user) \(item.access.summary)?") }
            }
            return .ok
        } catch {
            return fail(error.description)
        }
    }

    /// The policy `explain` uses: the answer of an open policy lab, the log's policy of a
    /// query or predict lab, else the one loaded with `policy FILE`.
    func explainPolicy() -> (name: String, evaluator: PolicyEvaluator)? {
        if let s = session {
            do {
                switch s.lab.spec {
                case .policy, .fix:
                    let loaded = PolicyLoader.load(SourceFile(name: "answer", text: s.answer))
                    if let e = loaded.evaluator() { return ("your answer to \(s.lab.id)", e) }
                    say(style.yellow("your answer does not load yet") + "; `check` shows why")
                    return nil
                case .query(let spec):
                    if let e = try content.resources?.policy(spec.policy) { return ("policy \(spec.policy)", e) }
                case .predict(let spec):
                    if let text = spec.policyText,
                       let e = PolicyLoader.load(SourceFile(name: "lab policy", text: text)).evaluator() {
                        return ("the lab's policy", e)
                    }
                    if let id = spec.policy, let e = try content.resources?.policy(id) { return ("policy \(id)", e) }
                case .pssManifest, .pssLabels, .pssPredict:
                    return nil
                case .netpol, .netpolPredict:
                    break
                // RBAC lab kinds have no audit policy: `check` explains each access.
                case .rbac, .rbacPredict:
                    say("this lab is about RBAC, not an audit policy: `check` names, for each access, the rule that "
                        + "granted it or the closest rule and what it lacks")
                    return nil
                }
            } catch {
                say(style.red("error") + ": \(error.description)")
                return nil
            }
        }
        return policy.map { ($0.path, $0.evaluator) }
    }

    /// Every field path in the open lab's visible log (`.objectRef.resource`, ...), for TAB.
    mutating func labFieldPaths() -> [String] {
        if let fieldPaths { return fieldPaths }
        guard let s = session, case .query(let spec) = s.lab.spec,
              let events = try? content.resources?.log(scenario: spec.scenario, policy: spec.policy,
                                                       duration: spec.duration, seed: spec.seeds[0]) else { return [] }
        let paths = FieldPaths.collect(events.prefix(2000))
        fieldPaths = paths
        return paths
    }
}

/// The field paths of JSON objects, as jq writes them (`.a.b`, `."odd key"`).
enum FieldPaths {
    static func collect(_ values: ArraySlice<JSON>, maxDepth: Int = 6) -> [String] {
        var paths = Set<String>()
        func walk(_ v: JSON, _ prefix: String, depth: Int) {
            guard depth < maxDepth, case .object(let o) = v else { return }
            for (k, child) in o {
                let simple = k.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !(k.first?.isNumber ?? true)
                let p = prefix + (simple ? ".\(k)" : ".\"\(k)\"")
                paths.insert(p)
                walk(child, p, depth: depth + 1)
            }
        }
        for v in values { walk(v, "", depth: 0) }
        return paths.sorted()
    }
}
