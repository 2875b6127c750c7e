import ArgumentParser
import ClusterSim
import Foundation
import Terminal
import Trainer
import JSONValue
import KubeAudit

/// `kcsa events volume`: how much a policy logs, without writing the log.
struct EventsVolumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volume",
        abstract: "Estimate events/s and bytes/day a policy writes for a scenario, by level, stage and rule.",
        discussion: "Give --policy several times to compare policies side by side."
    )

    @Option(name: .customLong("policy"), help: "A policy file (repeatable).")
    var policies: [String] = []

    @Option(help: "The scenario: a file, or the id of one in Labs/scenarios.")
    var scenario: String = "prod-100"

    @Option(help: "Simulated time, e.g. 24h.")
    var duration: String = "24h"

    @OptionGroup var content: ContentOption

    @OptionGroup var output: JSONFlag

    func run() throws {
        guard !policies.isEmpty else { throw CLIError("give at least one --policy FILE") }
        let span = try DurationArgument.microseconds(duration, example: "1h, 24h")
        let sc = try ScenarioLoading.load(scenario, content: content)
        var results: [(String, PolicyEvaluator, VolumeEstimate)] = []
        for path in policies {
            let (evaluator, _) = try PolicyLoading.evaluator(path: path)
            do {
                results.append((path, evaluator, try VolumeEstimator.estimate(sc, evaluator: evaluator, duration: span)))
            } catch {
                throw CLIError("\(scenario): \(error.description)", exitCode: 1)
            }
        }
        if output.json {
            Console.out(JSONPrinter(options: .pretty).string(.array(results.map { Self.json($0.0, $0.2) })) + "\n")
            return
        }
        var out = "Scenario \(sc.id) (\(sc.title)), \(duration) simulated, "
        out += String(format: "%.0f requests (%.0f/s)\n\n", results[0].2.requests, results[0].2.requests / results[0].2.seconds)
        out += "policy".padding(toLength: 44, withPad: " ", startingAt: 0) + "  events/s     per day\n"
        for (path, _, e) in results {
            out += path.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: "  %8.1f  %10@\n", e.eventsPerSecond, Self.size(e.bytesPerDay) as NSString)
        }
        for (path, evaluator, e) in results {
            out += "\n\(path):\n  by level: " + AuditLevel.allCases.compactMap { l in
                e.byLevel[l].map { "\(l.rawValue) \(String(format: "%.1f", $0.events / e.seconds))/s \(Self.size($0.bytes / e.seconds * 86_400))/day" }
            }.joined(separator: ", ")
            out += "\n  by stage: " + AuditStage.allCases.compactMap { s in
                e.byStage[s].map { "\(s.rawValue) \(String(format: "%.1f", $0.events / e.seconds))/s" }
            }.joined(separator: ", ")
            out += "\n  by rule (most bytes first):\n"
            for (rule, line) in e.byRule.sorted(by: { $0.value.bytes > $1.value.bytes }) {
                let level = rule >= 0 ? evaluator.policy.rules[rule].level : "None"
                let share = e.total.bytes > 0 ? line.bytes / e.total.bytes * 100 : 0
                out += "    rule \(rule) (\(level)): " + String(format: "%.1f events/s, %@/day, %.1f%% of bytes\n",
                                                                   line.events / e.seconds, Self.size(line.bytes / e.seconds * 86_400) as NSString, share)
            }
        }
        Console.out(out)
    }

    static func size(_ bytes: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var v = bytes, i = 0
        while v >= 1000 && i < units.count - 1 { v /= 1000; i += 1 }
        return String(format: i == 0 ? "%.0f %@" : "%.2f %@", v, units[i] as NSString)
    }

    static func json(_ path: String, _ e: VolumeEstimate) -> JSON {
        func line(_ l: VolumeEstimate.Line) -> JSON {
            .object(["eventsPerSecond": .number(l.events / e.seconds), "bytesPerDay": .number(l.bytes / e.seconds * 86_400)])
        }
        var o = JSONObject()
        o["policy"] = .string(path)
        o["requests"] = .number(e.requests)
        o["eventsPerSecond"] = .number(e.eventsPerSecond)
        o["bytesPerDay"] = .number(e.bytesPerDay)
        o["byLevel"] = .object(JSONObject(uniqueKeysWithValues: AuditLevel.allCases.compactMap { l in e.byLevel[l].map { (l.rawValue, line($0)) } }))
        o["byStage"] = .object(JSONObject(uniqueKeysWithValues: AuditStage.allCases.compactMap { s in e.byStage[s].map { (s.rawValue, line($0)) } }))
        o["byRule"] = .array(e.byRule.sorted { $0.key < $1.key }.map { rule, l in
            var r = JSONObject()
            r["rule"] = rule >= 0 ? .number(rule) : .null
            r["eventsPerSecond"] = .number(l.events / e.seconds)
            r["bytesPerDay"] = .number(l.bytes / e.seconds * 86_400)
            return .object(r)
        })
        return .object(o)
    }
}

/// Finds a scenario by path or by id in Labs/scenarios.
enum ScenarioLoading {
    static func load(_ name: String, content: ContentOption) throws(CLIError) -> Scenario {
        var path = name
        if !FileManager.default.fileExists(atPath: path) {
            path = try content.root() + "/Labs/scenarios/\(name).yaml"
        }
        _ = try InputFile.read(path)
        do {
            return try Scenario.load(path: path)
        } catch {
            throw CLIError("\(path): \(error)", exitCode: 1)
        }
    }
}
