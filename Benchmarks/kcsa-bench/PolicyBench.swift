import Diagnostics
import Foundation
import KubeAudit

/// Policy evaluation throughput: the seed's "Comprehensive Security Policy" over a
/// realistic mixed request stream, on one core.
enum PolicyBench {
    /// kube-apiserver's checker.go, measured on this kind of machine (issue 2): 371 ns per evaluation.
    static let goCheckerNanos = 371.0

    static func main(_ args: [String]) {
        var count = 1_000_000, iterations = 7
        var policyPath = "Labs/policies/seed-comprehensive.yaml"
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--requests": count = Int(value) ?? count; i += 1
            case "--iterations": iterations = max(1, Int(value) ?? iterations); i += 1
            case "--policy": policyPath = value; i += 1
            default: print("unknown option \(args[i])"); exit(2)
            }
            i += 1
        }
        guard let data = FileManager.default.contents(atPath: policyPath) else {
            print("cannot read \(policyPath) (run from the package root, or pass --policy)")
            exit(2)
        }
        let loaded = PolicyLoader.load(SourceFile(name: policyPath, bytes: [UInt8](data)))
        guard let evaluator = loaded.evaluator() else {
            print("invalid policy: \(loaded.apiserverError ?? "?")")
            exit(1)
        }
        let t0 = Date()
        let (requests, mix) = RequestStream.generate(count: count)
        let genSeconds = Date().timeIntervalSince(t0)

        // Warm up, then time whole passes over the stream.
        var checksum = 0
        for r in requests.prefix(10_000) { checksum &+= evaluator.evaluate(r).rule ?? -1 }
        var perEval: [Double] = []
        var perCall: [Double] = []
        for _ in 0..<iterations {
            var start = threadCPUNanos()
            checksum &+= run(evaluator, requests)
            perEval.append(Double(threadCPUNanos() - start) / Double(requests.count))
            start = threadCPUNanos()
            checksum &+= runSingly(evaluator, requests)
            perCall.append(Double(threadCPUNanos() - start) / Double(requests.count))
        }
        perEval.sort()
        perCall.sort()
        let median = perEval[perEval.count / 2]

        var levels: [AuditLevel: Int] = [:]
        var rules: [Int: Int] = [:]
        for r in requests {
            let d = evaluator.evaluate(r)
            levels[d.level, default: 0] += 1
            rules[d.rule ?? -1, default: 0] += 1
        }
        func pct(_ n: Int) -> String { String(format: "%.1f%%", 100 * Double(n) / Double(requests.count)) }

        print("kcsa policy evaluation benchmark")
        print("policy:      \(policyPath) (\(evaluator.ruleCount) rules)")
        print("stream:      \(requests.count) requests, generated in \(String(format: "%.2f", genSeconds)) s")
        print("mix:         " + mix.sorted { $0.value > $1.value }.map { "\($0.key) \(pct($0.value))" }.joined(separator: ", "))
        print("levels:      " + AuditLevel.allCases.map { "\($0.rawValue) \(pct(levels[$0] ?? 0))" }.joined(separator: ", "))
        print("rule hits:   " + rules.sorted { $0.key < $1.key }.map { "\($0.key < 0 ? "none" : "\($0.key)") \(pct($0.value))" }.joined(separator: ", "))
        print("iterations:  \(iterations) passes over the stream, one thread (CPU time of the thread)")
        print(String(format: "ns/eval:     min %.1f  median %.1f  max %.1f", perEval.first!, median, perEval.last!))
        print(String(format: "evals/s:     %.2fM (median)", 1e3 / median))
        print(String(format: "one call per request: min %.1f  median %.1f ns/eval", perCall.first!, perCall[perCall.count / 2]))
        print(String(format: "vs Go checker.go (%.0f ns/eval, 2.7M/s): %.1fx faster", goCheckerNanos, goCheckerNanos / median))
        print("checksum:    \(checksum)")
    }
}

/// One timed pass: every request evaluated once, as a stream (the batch API).
@inline(never)
func run(_ evaluator: PolicyEvaluator, _ requests: [RequestAttributes]) -> Int {
    var checksum = 0
    evaluator.evaluate(requests) { _, d in
        checksum &+= (d.rule ?? 7) &+ Int(d.omitStages.bits)
    }
    return checksum
}

/// One timed pass calling `evaluate` once per request (each call copies the request).
@inline(never)
func runSingly(_ evaluator: PolicyEvaluator, _ requests: [RequestAttributes]) -> Int {
    var checksum = 0
    for i in requests.indices {
        let d = evaluator.evaluate(requests[i])
        checksum &+= (d.rule ?? 7) &+ Int(d.omitStages.bits)
    }
    return checksum
}

/// CPU time of the calling thread: unlike wall time, not inflated when other work
/// on the machine preempts the benchmark.
func threadCPUNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
