import Diagnostics
import Foundation
import JQ
import JSONValue
import KubeAudit
import Labs

/// Looking around inside a lab: its events, its requests, jq on its log, field paths.
extension REPL {
    /// `try FILTER`: runs a jq filter on the log the learner can see, without changing the answer.
    func tryQuery(_ args: [String]) -> Outcome {
        guard let s = requireLab() else { return .failed }
        guard case .query(let spec) = s.lab.spec, let resources = labResources else {
            say("`try` runs jq on a query lab's log; this is a \(s.lab.kind.rawValue) lab")
            return .failed
        }
        let filter = args.isEmpty ? s.answer : rest(of: "try")
        let source = SourceFile(name: "<query>", text: filter)
        let program: JQProgram
        do {
            program = try JQProgram.compile(filter)
        } catch {
            let renderer = DiagnosticRenderer(color: style.enabled)
            for d in error.diagnostics { Console.out(renderer.render(d, in: source)) }
            return .failed
        }
        let events: [JSON]
        do { events = try resources.log(scenario: spec.scenario, policy: spec.policy, duration: spec.duration, seed: spec.seeds[0]) }
        catch {
            say(style.red("error") + ": \(error.description)")
            return .failed
        }
        let cancellation = JQCancellation()
        let watcher = InterruptWatcher(cancellation: cancellation)
        defer { watcher.stop() }
        let inputs = spec.slurp ? [JSON.array(events)] : events
        var next = 0
        let env = JQEnvironment(nextInput: {
            guard next < inputs.count else { return nil }
            defer { next += 1 }
            return inputs[next]
        }, limits: JQLimits(maxSteps: 50_000_000, maxOutputs: 1_000_000, deadline: .now + .seconds(30)),
           cancellation: cancellation)
        let printer = JSONPrinter(options: .init(indent: 0, colors: style.enabled ? .jqDefault : nil))
        var shown = 0, total = 0, errors = 0
        let limit = 20
        do {
            try JQProgram.withLargeStack {
                while next < inputs.count {
                    let input = inputs[next]
                    next += 1
                    // As jq does: an error on one event is reported, and the next event is read.
                    do {
                        try program.run(input, environment: env) { out in
                            total += 1
                            if shown < limit {
                                shown += 1
                                Console.out(LabReport.clip(printer.string(out), 300) + "\n")
                            }
                        }
                    } catch let e as JQRuntimeError {
                        errors += 1
                        if errors <= 3 { say(style.red("jq: error (at event \(next))") + ": \(e.message)") }
                    }
                }
            }
        } catch is JQCancelled {
            say("^C (query interrupted)")
            return .failed
        } catch {
            say(style.red("stopped") + ": \(error)")
            return .failed
        }
        let over = total > shown ? ", \(total - shown) more not shown" : ""
        let failed = errors > 0 ? "; \(errors) event\(errors == 1 ? "" : "s") raised an error (a check counts that as a failure)" : ""
        say(style.dim("\(total) output\(total == 1 ? "" : "s") from \(events.count) events\(spec.slurp ? " (slurped)" : "")\(over)\(failed)"))
        return errors == 0 ? .ok : .failed
    }

    /// `peek [N]`: a query lab's first events, a policy lab's most frequent requests, a predict lab's requests.
    func peek(_ args: [String]) -> Outcome {
        guard let s = requireLab(), let resources = labResources else { return .failed }
        let n = args.first.flatMap(Int.init) ?? (s.lab.kind == .query ? 3 : 15)
        do {
            switch s.lab.spec {
            case .query(let spec):
                let scenario = spec.scenario
                let events = try resources.log(scenario: scenario, policy: spec.policy, duration: spec.duration,
                                               seed: spec.seeds[0])
                let printer = JSONPrinter(options: .init(indent: 0, colors: style.enabled ? .jqDefault : nil))
                for e in events.prefix(n) { Console.out(printer.string(e) + "\n") }
                say(style.dim("\(min(n, events.count)) of \(events.count) events (\(scenario) under \(spec.policy)); `peek N` for more"))
            case .policy, .fix:
                guard let scenario = s.lab.scenario else {
                    say("this lab checks requests written out in it; `task` shows them")
                    return .ok
                }
                let samples = try resources.requests(scenario: scenario, duration: s.lab.duration)
                let total = samples.reduce(0) { $0 + $1.count }
                say(style.bold("The most frequent requests") + " of \(scenario) (\(total) in \(s.lab.duration)):")
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
            }
            return .ok
        } catch {
            say(style.red("error") + ": \(error.description)")
            return .failed
        }
    }

    /// The policy `explain` uses: the answer of an open policy lab, the log's policy of a
    /// query or predict lab, else the one loaded with `policy FILE`.
    func explainPolicy() -> (name: String, evaluator: PolicyEvaluator)? {
        if let s = session {
            switch s.lab.spec {
            case .policy, .fix:
                let loaded = PolicyLoader.load(SourceFile(name: "answer", text: s.answer))
                if let e = loaded.evaluator() { return ("your answer to \(s.lab.id)", e) }
                say(style.yellow("your answer does not load yet") + "; `check` shows why")
                return nil
            case .query(let spec):
                if let e = try? labResources?.policy(spec.policy) { return ("policy \(spec.policy)", e) }
            case .predict(let spec):
                if let text = spec.policyText,
                   let e = PolicyLoader.load(SourceFile(name: "lab policy", text: text)).evaluator() {
                    return ("the lab's policy", e)
                }
                if let id = spec.policy, let e = try? labResources?.policy(id) { return ("policy \(id)", e) }
            }
        }
        return policy.map { ($0.path, $0.evaluator) }
    }

    /// Every field path in the open lab's visible log (`.objectRef.resource`, ...), for TAB.
    func labFieldPaths() -> [String] {
        if let fieldPaths { return fieldPaths }
        guard let s = session, case .query(let spec) = s.lab.spec,
              let events = try? labResources?.log(scenario: spec.scenario, policy: spec.policy, duration: spec.duration,
                                                  seed: spec.seeds[0]) else { return [] }
        var paths = Set<String>()
        func walk(_ v: JSON, _ prefix: String, depth: Int) {
            guard depth < 6, case .object(let o) = v else { return }
            for (k, child) in o {
                let simple = k.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !(k.first?.isNumber ?? true)
                let p = prefix + (simple ? ".\(k)" : ".\"\(k)\"")
                paths.insert(p)
                walk(child, p, depth: depth + 1)
            }
        }
        for e in events.prefix(2000) { walk(e, "", depth: 0) }
        fieldPaths = paths.sorted()
        return fieldPaths!
    }
}
