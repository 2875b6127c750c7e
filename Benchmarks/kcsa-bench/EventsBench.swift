import ClusterSim
import Diagnostics
import Foundation
import KubeAudit

/// Event generation throughput and the time to estimate a simulated day.
enum EventsBench {
    static func main(_ args: [String]) {
        var scenarioName = "prod-100", policyPath = "Labs/policies/seed-comprehensive.yaml", duration = "10m"
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--scenario": scenarioName = value; i += 1
            case "--policy": policyPath = value; i += 1
            case "--duration": duration = value; i += 1
            default: print("unknown option \(args[i])"); exit(2)
            }
            i += 1
        }
        let scenarioPath = FileManager.default.fileExists(atPath: scenarioName) ? scenarioName : "Labs/scenarios/\(scenarioName).yaml"
        guard let scenario = try? Scenario.load(path: scenarioPath),
              let data = FileManager.default.contents(atPath: policyPath),
              let evaluator = PolicyLoader.load(SourceFile(name: policyPath, bytes: [UInt8](data))).evaluator(),
              let span = ClusterSim.Duration.microseconds(duration) else {
            print("cannot read the scenario or policy (run from the package root)")
            exit(2)
        }
        var t0 = Date()
        guard let requests = try? TrafficGenerator(scenario: scenario, seed: 1, duration: span).requests() else { exit(1) }
        let generateSeconds = Date().timeIntervalSince(t0)
        t0 = Date()
        let builder = EventBuilder(evaluator: evaluator, seed: 1)
        var events = 0, bytes = 0
        for (n, r) in requests.enumerated() {
            guard let out = builder.events(for: r, index: n) else { continue }
            for e in out.events {
                events += 1
                bytes += AuditEventEncoder.json(e).utf8.count
            }
        }
        let buildSeconds = Date().timeIntervalSince(t0)
        t0 = Date()
        let day = try? VolumeEstimator.estimate(scenario, evaluator: evaluator, duration: 86_400_000_000)
        let estimateSeconds = Date().timeIntervalSince(t0)
        let total = generateSeconds + buildSeconds
        print("kcsa event generation benchmark")
        print("scenario:    \(scenario.id), \(duration) simulated; policy \(policyPath)")
        print(String(format: "requests:    %d generated in %.2f s", requests.count, generateSeconds))
        print(String(format: "events:      %d (%.1f MB) built and encoded in %.2f s", events, Double(bytes) / 1e6, buildSeconds))
        print(String(format: "throughput:  %.0f events/s, %.1f MB/s, %.0fx real time", Double(events) / total,
                     Double(bytes) / 1e6 / total, Double(span) / 1e6 / total))
        if let day {
            print(String(format: "day estimate: %.0f requests, %.1f events/s, %.2f GB/day, computed in %.3f s (%.0fx real time)",
                         day.requests, day.eventsPerSecond, day.bytesPerDay / 1e9, estimateSeconds, 86_400 / estimateSeconds))
        }
    }
}
