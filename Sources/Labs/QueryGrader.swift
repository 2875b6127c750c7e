import Diagnostics
import Foundation
import JQ
import JSONValue

/// Checks a jq answer (query labs): its output must equal the reference program's on the
/// log of every seed, the learner's visible one and hidden ones.
struct QueryGrader {
    let lab: Lab
    let spec: QuerySpec
    let resources: LabResources
    var limits: LabLimits
    /// When the check started: the time limit covers every log of it (the logs run side
    /// by side, as many at once as there are cores).
    var started = ContinuousClock.now

    func grade(_ answer: SourceFile, cancellation: JQCancellation) throws(LabCheckError) -> LabReport {
        var grader = self
        grader.started = .now
        return try grader.gradeFromStart(answer, cancellation: cancellation)
    }

    private func gradeFromStart(_ answer: SourceFile, cancellation: JQCancellation) throws(LabCheckError) -> LabReport {
        let text = String(decoding: answer.bytes, as: UTF8.self)
        let program: JQProgram
        do {
            program = try JQProgram.compile(text, options: .init(sourceName: answer.name))
        } catch {
            return LabReport(labID: lab.id, checks: [.init(name: "the program compiles", passed: false)],
                             diagnostics: error.diagnostics, answer: answer)
        }
        let reference: JQProgram
        do {
            reference = try JQProgram.compile(lab.reference)
        } catch {
            throw .content("the reference program of \(lab.id) does not compile: \(error.jqStyleMessage)")
        }
        let scenario = spec.scenario
        var checks: [LabReport.Check] = [.init(name: "the program compiles", passed: true)]
        // The seeds are independent: check them side by side, report them in order.
        let results = SeedResults(count: spec.seeds.count)
        DispatchQueue.concurrentPerform(iterations: spec.seeds.count) { n in
            let seed = spec.seeds[n]
            do {
                let events = try resources.log(scenario: scenario, policy: spec.policy, duration: spec.duration, seed: seed)
                let want = try resources.referenceOutputs(lab: lab, seed: seed) { () throws(LabCheckError) -> [[JSON]] in
                    let r = try run(reference, events, cancellation: cancellation)
                    if let e = r.error { throw .content("the reference program of \(lab.id) fails: \(e)") }
                    return r.perInput
                }
                let name = n == 0 ? "the log you can see (\(scenario), seed \(seed))"
                    : "hidden log \(n) (\(scenario), another seed)"
                results.set(n, .success(try compare(program, want, events, name: name, cancellation: cancellation)))
            } catch let e as LabCheckError {
                results.set(n, .failure(e))
            } catch {
                results.set(n, .failure(.content("\(error)")))
            }
        }
        for result in results.all {
            switch result {
            case .success(let check)?:
                checks.append(check)
                // One failing log is enough to act on; later ones would repeat it.
                if !check.passed { return LabReport(labID: lab.id, checks: checks, diagnostics: [], answer: answer) }
            case .failure(let error)?: throw error
            case nil: throw .cancelled
            }
        }
        return LabReport(labID: lab.id, checks: checks, diagnostics: [], answer: answer)
    }

    /// The outputs of one program over a log, input by input (or slurped).
    struct Run {
        var perInput: [[JSON]] = []
        var error: String?
        var failedInput: Int?
        var all: [JSON] { perInput.flatMap { $0 } }
    }

    func run(_ program: JQProgram, _ events: [JSON], cancellation: JQCancellation) throws(LabCheckError) -> Run {
        var result = Run()
        let inputs = spec.slurp ? [JSON.array(events)] : events
        var next = 0
        let env = JQEnvironment(nextInput: {
            guard next < inputs.count else { return nil }
            defer { next += 1 }
            return inputs[next]
        }, limits: limits.jq(from: started), cancellation: cancellation)
        var budget = OutputBudget(limits)
        do {
            try JQProgram.withLargeStack {
                while next < inputs.count {
                    let input = inputs[next]
                    let index = next
                    next += 1
                    var outputs: [JSON] = []
                    do {
                        try program.run(input, environment: env) { value in
                            try budget.count(value)
                            outputs.append(value)
                        }
                    } catch let e as LabLimits.Exceeded {
                        result.perInput.append(outputs)
                        result.error = e.finding
                        result.failedInput = index
                        return
                    } catch let e as JQRuntimeError {
                        result.perInput.append(outputs)
                        result.error = "jq: error (at event \(index + 1)): \(e.message)"
                        result.failedInput = index
                        return
                    } catch let e as JQLimitExceeded {
                        result.perInput.append(outputs)
                        result.error = limits.classify(e, started: started).finding
                        result.failedInput = index
                        return
                    } catch let h as JQHalt {
                        result.perInput.append(outputs)
                        if h.exitCode != 0 { result.error = "the program halted with exit code \(h.exitCode)" }
                        return
                    }
                    result.perInput.append(outputs)
                }
            }
        } catch is JQCancelled {
            throw .cancelled
        } catch let e as LabCheckError {
            throw e
        } catch {
            result.error = "\(error)"
        }
        return result
    }

    private func compare(_ program: JQProgram, _ reference: [[JSON]], _ events: [JSON], name: String,
                         cancellation: JQCancellation) throws(LabCheckError) -> LabReport.Check {
        let want = Run(perInput: reference)
        let got = try run(program, events, cancellation: cancellation)
        let printer = JSONPrinter(options: .compact)
        if let error = got.error {
            var finding = Finding(.programFailed, message: error)
            if let i = got.failedInput, !spec.slurp { finding.counterexample = printer.string(events[i]) }
            return .init(name: name, passed: false, findings: [finding])
        }
        if same(got.all, want.all) { return .init(name: name, passed: true) }
        var findings = [Finding(.outputCountDiffers, expected: "\(want.all.count)", actual: "\(got.all.count)")]
        // The smallest event on which the two programs disagree is the easiest to reason about.
        if !spec.slurp, got.perInput.count == events.count {
            let differing = events.indices.filter { !same(got.perInput[$0], want.perInput[$0]) }
            let texts = differing.map { printer.string(events[$0]) }
            if let k = texts.indices.min(by: { texts[$0].utf8.count < texts[$1].utf8.count }) {
                let i = differing[k]
                findings.append(Finding(.eventDiffers, subject: .event(index: i + 1, of: events.count),
                                        expected: show(want.perInput[i], printer), actual: show(got.perInput[i], printer),
                                        mismatches: firstDifference(want.perInput[i], got.perInput[i], printer),
                                        counterexample: texts[k]))
                return .init(name: name, passed: false, findings: findings)
            }
        }
        let a = ordered(got.all), b = ordered(want.all)
        if let i = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) ?? (a.count != b.count ? min(a.count, b.count) : nil) {
            findings.append(Finding(.outputDiffers, subject: .output(index: i + 1, sorted: spec.compare == .multiset),
                                    expected: i < b.count ? printer.string(b[i]) : nil,
                                    actual: i < a.count ? printer.string(a[i]) : nil,
                                    mismatches: i < a.count && i < b.count ? firstDifference([b[i]], [a[i]], printer) : []))
        }
        return .init(name: name, passed: false, findings: findings)
    }

    private func same(_ a: [JSON], _ b: [JSON]) -> Bool {
        guard a.count == b.count else { return false }
        if spec.compare == .ordered { return a == b }
        return ordered(a) == ordered(b)
    }

    /// Ordered comparison keeps the order; multiset compares sorted canonical forms.
    private func ordered(_ values: [JSON]) -> [JSON] {
        guard spec.compare == .multiset else { return values }
        let sorter = JSONPrinter(options: .init(indent: 0, sortKeys: true))
        return values.map { (sorter.string($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The outputs for one input, space-separated; nil when there are none.
    /// Where one expected output and one actual output first differ (field: the jq path),
    /// when each side has exactly one output.
    private func firstDifference(_ want: [JSON], _ got: [JSON], _ printer: JSONPrinter) -> [Finding.Mismatch] {
        guard want.count == 1, got.count == 1, let d = JSONDifference.first(expected: want[0], actual: got[0]) else { return [] }
        return [Finding.Mismatch(field: d.path, expected: d.expected.map(printer.string), actual: d.actual.map(printer.string))]
    }

    private func show(_ outputs: [JSON], _ printer: JSONPrinter) -> String? {
        outputs.isEmpty ? nil : outputs.map(printer.string).joined(separator: " ")
    }

}

/// The per-seed results of a parallel check, filled in from several threads.
private final class SeedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<LabReport.Check, LabCheckError>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<LabReport.Check, LabCheckError>) {
        lock.lock()
        results[i] = r
        lock.unlock()
    }

    var all: [Result<LabReport.Check, LabCheckError>?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
