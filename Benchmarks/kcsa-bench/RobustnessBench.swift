import ClusterSim
import ContentFormat
import Diagnostics
import Foundation
import KubeAudit

/// Inputs that used to be quadratic or unbounded: a 1 MB one-line policy, a 50,000-entry
/// flow list, a string-alias bomb (refused), and the peak memory of a streamed log
/// against the same log held whole. Run: `kcsa-bench robust [--scenario S] [--duration D]`.
enum RobustnessBench {
    static func main(_ args: [String]) {
        var scenarioName = "prod-100", duration = "20m"
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--scenario": scenarioName = value; i += 1
            case "--duration": duration = value; i += 1
            default: print("unknown option \(args[i])"); exit(2)
            }
            i += 1
        }
        policies()
        events(scenarioName, duration)
    }

    /// CPU seconds of this process: on a shared machine wall time measures the neighbours.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func time(_ label: String, _ body: () -> String) {
        let t0 = Date(), c0 = cpuSeconds()
        let result = body()
        print(String(format: "%-44@ %8.1f ms CPU (%8.1f ms wall)  %@", label as NSString, (cpuSeconds() - c0) * 1000,
                     Date().timeIntervalSince(t0) * 1000, result as NSString))
    }

    static func policies() {
        var rules: [String] = []
        var size = 0
        while size < 1_000_000 {
            let rule = #"{"level":"Metadata","users":["user-\#(rules.count)"],"resources":[{"group":"","resources":["pods"]}]}"#
            rules.append(rule)
            size += rule.utf8.count + 1
        }
        let oneLine = #"{"apiVersion":"audit.k8s.io/v1","kind":"Policy","rules":["# + rules.joined(separator: ",") + "]}"
        time("policy load, 1 MB on one line (\(rules.count) rules)") {
            PolicyLoader.load(SourceFile(name: "one-line.json", text: oneLine)).isValid ? "valid" : "invalid"
        }
        let pretty = oneLine.replacingOccurrences(of: "},{", with: "},\n{")
        time("policy load, the same on \(rules.count) lines") {
            PolicyLoader.load(SourceFile(name: "lines.json", text: pretty)).isValid ? "valid" : "invalid"
        }
        let flow = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n  users: ["
            + (0..<50_000).map { "u\($0)" }.joined(separator: ", ") + "]\n"
        time("policy load, 50,000-entry flow list") {
            PolicyLoader.load(SourceFile(name: "flow.yaml", text: flow)).isValid ? "valid" : "invalid"
        }
        let bomb = "a: &s \"" + String(repeating: "x", count: 1_000_000) + "\"\nb: ["
            + Array(repeating: "*s", count: 3_000).joined(separator: ", ") + "]\n"
        time("YAML string-alias bomb (1 MB x 3,000)") {
            do throws(YAMLParseError) {
                _ = try YAMLReader.read(SourceFile(name: "bomb.yaml", text: bomb))
                return "read (!)"
            } catch {
                return "refused: " + error.message
            }
        }
    }

    /// Peak RSS in MB so far (the high-water mark only rises, so the streamed run goes first).
    static func peakMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func events(_ scenarioName: String, _ duration: String) {
        guard let scenario = try? Scenario.load(path: "Labs/scenarios/\(scenarioName).yaml"),
              let data = FileManager.default.contents(atPath: "Labs/policies/seed-comprehensive.yaml"),
              let evaluator = PolicyLoader.load(SourceFile(name: "p", bytes: [UInt8](data))).evaluator(),
              let span = ClusterSim.Duration.microseconds(duration) else {
            print("cannot read the scenario or policy (run from the package root)")
            exit(2)
        }
        let before = peakMB()
        var bytes = 0, count = 0
        var t0 = Date(), c0 = cpuSeconds()
        _ = try? AuditLog.stream(scenario: scenario, evaluator: evaluator, seed: 1, duration: span) { event in
            bytes += AuditEventEncoder.json(event).utf8.count
            count += 1
        }
        let streamed = peakMB()
        print(String(format: "events %@ %@ streamed: %d events, %.0f MB in %.1f s CPU (%.1f s wall), peak RSS %.0f MB (%.0f MB at start)",
                     scenarioName, duration, count, Double(bytes) / 1e6, cpuSeconds() - c0, Date().timeIntervalSince(t0),
                     streamed, before))
        t0 = Date()
        c0 = cpuSeconds()
        guard let log = try? AuditLog.generate(scenario: scenario, evaluator: evaluator, seed: 1, duration: span) else { return }
        var text = ""
        text.reserveCapacity(log.events.count * 600)
        for e in log.events { text += AuditEventEncoder.json(e) }
        print(String(format: "events %@ %@ held whole (as before): %d events, %.0f MB in %.1f s CPU (%.1f s wall), peak RSS %.0f MB",
                     scenarioName, duration, log.events.count, Double(text.utf8.count) / 1e6, cpuSeconds() - c0,
                     Date().timeIntervalSince(t0), peakMB()))
    }
}
