import Foundation
import KubeAudit

/// Estimates how much a policy logs for a scenario without writing the events: each
/// actor's requests are counted from their rates, one representative request per
/// template and namespace is turned into events and measured, and the counts are
/// multiplied out. A simulated day takes milliseconds.
public struct VolumeEstimate: Sendable {
    public struct Line: Sendable {
        public var events: Double
        public var bytes: Double
    }

    public var seconds: Double
    public var requests: Double
    public var total = Line(events: 0, bytes: 0)
    public var byLevel: [AuditLevel: Line] = [:]
    public var byStage: [AuditStage: Line] = [:]
    /// Keyed by rule index; -1 for requests no rule matched.
    public var byRule: [Int: Line] = [:]

    public var eventsPerSecond: Double { total.events / seconds }
    public var bytesPerDay: Double { total.bytes / seconds * 86_400 }

    mutating func add(_ events: [AuditEvent], rule: Int?, times n: Double) {
        for e in events {
            let bytes = Double(AuditEventEncoder.json(e).utf8.count)
            total.events += n
            total.bytes += n * bytes
            byLevel[e.level, default: Line(events: 0, bytes: 0)].events += n
            byLevel[e.level]!.bytes += n * bytes
            byStage[e.stage, default: Line(events: 0, bytes: 0)].events += n
            byStage[e.stage]!.bytes += n * bytes
            byRule[rule ?? -1, default: Line(events: 0, bytes: 0)].events += n
            byRule[rule ?? -1]!.bytes += n * bytes
        }
    }
}

public enum VolumeEstimator {
    public static func estimate(_ scenario: Scenario, evaluator: PolicyEvaluator, duration: Int64,
                                seed: UInt64 = 1) throws(TrafficGenerator.Problem) -> VolumeEstimate {
        var estimate = VolumeEstimate(seconds: Double(duration) / 1_000_000, requests: 0)
        var builder = EventBuilder(evaluator: evaluator, seed: seed, namespaceLabels: scenario.namespace_labels ?? [:],
                                   cluster: ClusterState(scenario.cluster))
        let generator = try TrafficGenerator(scenario: scenario, seed: seed, duration: duration)
        var index = 0
        for actor in scenario.actors {
            let copies = actor.per_node == true ? max(1, scenario.nodes) : 1
            for t in actor.requests {
                guard let every = t.every.flatMap(Duration.microseconds), every > 0 else {
                    throw .badDuration(t.every ?? "", where: "actor \(actor.name), \(t.method) \(t.url)")
                }
                let perCopy = Double(duration) / Double(every)
                // A template naming {ns} spreads evenly over the namespaces.
                let variants = t.url.contains("{ns}") ? scenario.namespaces : [""]
                for ns in variants {
                    var template = t
                    template.url = t.url.replacingOccurrences(of: "{ns}", with: ns)
                    let n = perCopy * Double(copies) / Double(variants.count)
                    let r = generator.representative(template, actor: actor, at: generator.start)
                    index += 1
                    guard let out = builder.events(for: r, index: index) else { continue }
                    estimate.requests += n
                    estimate.add(out.events, rule: out.decision.rule, times: n)
                }
            }
        }
        for r in try generator.incidentRequests() {
            index += 1
            guard let out = builder.events(for: r, index: index) else { continue }
            if let change = out.change { builder.cluster.apply(change) }
            estimate.requests += 1
            estimate.add(out.events, rule: out.decision.rule, times: 1)
        }
        return estimate
    }
}
