import ClusterSim
import Diagnostics
import Foundation
import KubeAudit

/// Event generation throughput and the time to estimate a simulated day.
enum EventsBench {
    static func main(_ args: [String]) {
        var scenarioName = "prod-100", policyPath = "Labs/policies/seed-comprehensive.yaml", duration = "10m"
        var verify = false
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--scenario": scenarioName = value; i += 1
            case "--policy": policyPath = value; i += 1
            case "--duration": duration = value; i += 1
            case "--verify": verify = true
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
        // Authorized by the scenario's RBAC objects; RBAC writes change the cluster as they go.
        var builder = EventBuilder(evaluator: evaluator, seed: 1, namespaceLabels: scenario.namespace_labels ?? [:],
                                   cluster: ClusterState(scenario.cluster))
        let initial = builder.cluster
        var events = 0, bytes = 0
        for (n, r) in requests.enumerated() {
            guard let out = builder.events(for: r, index: n) else { continue }
            if let change = out.change { builder.cluster.apply(change) }
            for e in out.events {
                events += 1
                bytes += AuditEventEncoder.json(e).utf8.count
            }
        }
        let buildSeconds = Date().timeIntervalSince(t0)
        t0 = Date()
        let day = try? VolumeEstimator.estimate(scenario, evaluator: evaluator, duration: 86_400_000_000)
        let estimateSeconds = Date().timeIntervalSince(t0)
        var verified: (events: Int, violations: [String], seconds: Double)?
        if verify {
            // Every event of every request against the apiserver's rules (EventRules), apart from the timing above.
            t0 = Date()
            var checked = 0
            var violations: [String] = []
            builder.cluster = initial
            for (n, r) in requests.enumerated() {
                guard let out = builder.events(for: r, index: n) else { continue }
                if let change = out.change { builder.cluster.apply(change) }
                checked += out.events.count
                violations += EventRules.violations(r, out, evaluator: evaluator, namespaceLabels: scenario.namespace_labels ?? [:])
            }
            verified = (checked, violations, Date().timeIntervalSince(t0))
        }
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
        if let verified {
            print(String(format: "verified:    %d events of %d requests against the apiserver's rules in %.1f s: %d violations",
                         verified.events, requests.count, verified.seconds, verified.violations.count))
            for v in verified.violations.prefix(5) { print("  " + v) }
        }
    }
}
