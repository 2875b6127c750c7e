import ArgumentParser
import ClusterSim
import Foundation
import Terminal
import Trainer
import JSONValue
import KubeAudit

/// `kcsa events`: audit logs from a simulated cluster.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Generate audit.k8s.io/v1 events from a simulated cluster.",
        subcommands: [EventsGenerateCommand.self, EventsVolumeCommand.self]
    )
}

struct EventsGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the audit log a scenario produces under a policy (deterministic for a seed and --now).",
        discussion: """
        Scenarios are YAML files (Labs/scenarios/, format in docs/SCENARIO_FORMAT.md). Events come out as \
        kube-apiserver writes them: stages per request kind and omitStages, bodies by level. --truth writes \
        each injected incident with the auditIDs that belong to it.
        """
    )

    @Option(help: "The scenario: a file, or the id of one in Labs/scenarios.")
    var scenario: String = "dev-small"

    @Option(help: "The audit policy (default: Labs/policies/seed-audit-policy.yaml).")
    var policy: String?

    @Option(help: "The seed of the random choices.")
    var seed: UInt64 = 1

    @Option(help: "How much simulated time, e.g. 10m, 1h.")
    var duration: String = "1h"

    @Option(help: "The simulated start time (ISO 8601 UTC); default: the scenario's.")
    var now: String?

    @Option(help: "json (default) or legacy.")
    var format: String = "json"

    @Option(name: .shortAndLong, help: "Write the events to this file instead of standard output.")
    var output: String?

    @Option(help: "Write the ground truth (incidents and their auditIDs) to this file.")
    var truth: String?

    @OptionGroup var content: ContentOption

    func run() throws {
        guard format == "json" || format == "legacy" else { throw CLIError("--format is json or legacy") }
        let span = try DurationArgument.microseconds(duration)
        var start: Int64?
        if let now {
            guard let t = ClusterSim.Duration.epochMicros(now) else { throw CLIError("--now \"\(now)\" is not an ISO 8601 UTC time") }
            start = t
        }
        // The default policy comes from the course; a given --policy needs no course.
        let root = try? content.root()
        let sc = try ScenarioLoading.load(scenario, content: content)
        let policyPath = policy ?? ((root ?? ".") + "/Labs/policies/seed-audit-policy.yaml")
        let (evaluator, _) = try PolicyLoading.evaluator(path: policyPath)
        let sink = try output.map { path throws(CLIError) in try EventSink(path: path) } ?? EventSink()
        let incidents = try EventsStreaming.write(scenario: sc, scenarioPath: scenario, evaluator: evaluator, seed: seed,
                                                  start: start, duration: span, legacy: format == "legacy", to: sink)
        try sink.finish()
        if let truth {
            let items: [JSON] = sc.incidents.map { inc in
                .object(["incident": .string(inc.id), "description": .string(inc.description),
                         "auditIDs": .array((incidents[inc.id] ?? []).map(JSON.string))])
            }
            let json = JSONPrinter(options: .pretty).string(.object(["scenario": .string(sc.id), "seed": .number(Double(seed)),
                                                                      "incidents": .array(items)])) + "\n"
            do { try OutputFile.write(json, to: truth) } catch { throw CLIError(error.description) }
        }
    }
}
