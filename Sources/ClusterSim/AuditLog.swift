import KubeAudit

/// A scenario's audit log under a policy: the events in the order they happen (as
/// kube-apiserver's log backend writes them) and the auditIDs of each incident.
public struct AuditLog: Sendable {
    public var events: [AuditEvent]
    /// Incident id -> the auditIDs of its logged requests, in request order.
    public var incidents: [String: [String]]

    /// The whole log in memory (labs, tests); `stream` gives the same events one at a time.
    public static func generate(scenario: Scenario, evaluator: PolicyEvaluator, seed: UInt64, start: Int64? = nil,
                                duration: Int64) throws(TrafficGenerator.Problem) -> AuditLog {
        var events: [AuditEvent] = []
        var incidents: [String: [String]] = [:]
        do {
            incidents = try stream(scenario: scenario, evaluator: evaluator, seed: seed, start: start, duration: duration) {
                events.append($0)
            }
        } catch let problem as TrafficGenerator.Problem {
            throw problem
        } catch {
            preconditionFailure("appending to an array does not throw")
        }
        return AuditLog(events: events, incidents: incidents)
    }

    /// How far a streamed log has got, for a progress line.
    public struct Progress: Sendable {
        /// The share of the simulated window done (0...1); while streams are prepared, that share instead.
        public var fraction: Double
        /// False while the request streams are prepared (before the first event).
        public var emitting: Bool
        public var requests: Int
        public var events: Int
    }

    /// Calls `emit` with each event in log order (stage time, then generation order) as
    /// soon as no later request can come before it: a request's events are stamped at or
    /// after the request's time, so an event stamped at or before the next request's time
    /// is due. Memory holds the template streams and the events of requests in flight,
    /// not the log. Returns the incidents' auditIDs. `progress` is called now and then.
    public static func stream(scenario: Scenario, evaluator: PolicyEvaluator, seed: UInt64, start: Int64? = nil,
                              duration: Int64, progress: ((Progress) -> Void)? = nil,
                              emit: (AuditEvent) throws -> Void) throws -> [String: [String]] {
        let generator = try TrafficGenerator(scenario: scenario, seed: seed, start: start, duration: duration)
        var requests = try RequestStream(generator) { progress?(Progress(fraction: $0, emitting: false, requests: 0, events: 0)) }
        var builder = EventBuilder(evaluator: evaluator, seed: seed, namespaceLabels: scenario.namespace_labels ?? [:],
                                   cluster: ClusterState(scenario.cluster))
        var pending = MinHeap<Pending>()
        var incidents: [String: [String]] = [:]
        var order = 0, emitted = 0, index = 0
        while let r = requests.next() {
            while let due = pending.first, due.event.stageTimestamp <= r.time {
                try emit(pending.pop()!.event)
                emitted += 1
            }
            defer { index += 1 }
            if index % 4096 == 0, let progress {
                progress(Progress(fraction: requests.fraction(at: r.time), emitting: true, requests: index, events: emitted))
            }
            guard let out = builder.events(for: r, index: index) else { continue }
            // A write of RBAC objects or NetworkPolicies changes the cluster for the requests after it.
            if let change = out.change { builder.cluster.apply(change) }
            for event in out.events {
                pending.push(Pending(event: event, order: order))
                order += 1
            }
            if let id = r.incident, !out.events.isEmpty { incidents[id, default: []].append(out.auditID) }
        }
        while let due = pending.pop() { try emit(due.event) }
        return incidents
    }

    /// An event not yet written, ordered by stage time and then by when it was built.
    struct Pending: Sendable, Comparable {
        var event: AuditEvent
        var order: Int

        static func < (a: Pending, b: Pending) -> Bool {
            (a.event.stageTimestamp, a.order) < (b.event.stageTimestamp, b.order)
        }

        static func == (a: Pending, b: Pending) -> Bool { a.order == b.order }
    }
}
