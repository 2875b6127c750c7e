import KubeAudit

/// A scenario's audit log under a policy: the events in the order they happen (as
/// kube-apiserver's log backend writes them) and the auditIDs of each incident.
public struct AuditLog: Sendable {
    public var events: [AuditEvent]
    /// Incident id -> the auditIDs of its logged requests, in request order.
    public var incidents: [String: [String]]

    public static func generate(scenario: Scenario, evaluator: PolicyEvaluator, seed: UInt64, start: Int64? = nil,
                                duration: Int64) throws(TrafficGenerator.Problem) -> AuditLog {
        let requests = try TrafficGenerator(scenario: scenario, seed: seed, start: start, duration: duration).requests()
        var builder = EventBuilder(evaluator: evaluator, seed: seed, namespaceLabels: scenario.namespace_labels ?? [:],
                                   cluster: ClusterState(scenario.cluster))
        var events: [AuditEvent] = []
        var incidents: [String: [String]] = [:]
        for (i, r) in requests.enumerated() {
            guard let out = builder.events(for: r, index: i) else { continue }
            // A write of RBAC objects or NetworkPolicies changes the cluster for the requests after it.
            if let change = out.change { builder.cluster.apply(change) }
            events += out.events
            if let id = r.incident, !out.events.isEmpty { incidents[id, default: []].append(out.auditID) }
        }
        // A request's later stages come after other requests' earlier ones: order by stage time.
        events = events.enumerated()
            .sorted { ($0.element.stageTimestamp, $0.offset) < ($1.element.stageTimestamp, $1.offset) }
            .map(\.element)
        return AuditLog(events: events, incidents: incidents)
    }
}
