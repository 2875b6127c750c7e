import KubeAudit

/// The cluster of a scenario at a point of its story: the objects it starts with and
/// every successful write of RBAC objects and NetworkPolicies up to that point, as the
/// audit log records them (`kcsa netpol reach --objects SCENARIO --before/--after INCIDENT`,
/// `kcsa rbac ... --objects SCENARIO`).
public enum ClusterReplay {
    /// Where in the story: before or after an incident's requests.
    public enum Point: Sendable, Equatable {
        case start
        case before(incident: String)
        case after(incident: String)
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknownIncident(String, known: [String])
        case traffic(String)

        public var description: String {
            switch self {
            case let .unknownIncident(id, known):
                "the scenario has no incident \(id)" + (known.isEmpty ? "" : " (it has: \(known.joined(separator: ", ")))")
            case let .traffic(text): text
            }
        }
    }

    /// The cluster state at `point`. Only requests that write RBAC objects or NetworkPolicies
    /// are replayed (the others change nothing the authorizer or the policies read).
    public static func state(_ s: Scenario, at point: Point, seed: UInt64 = 1,
                             defaults: Bool = true) throws(Problem) -> ClusterState {
        var state = ClusterState(s.cluster, defaults: defaults)
        let cut: Int64
        switch point {
        case .start:
            return state
        case .before(let id), .after(let id):
            guard let incident = s.incidents.first(where: { $0.id == id }), let at = Duration.microseconds(incident.at) else {
                throw .unknownIncident(id, known: s.incidents.map(\.id))
            }
            cut = at
        }
        var writers = s
        writers.actors = s.actors.compactMap { actor in
            var a = actor
            a.requests = actor.requests.filter { Self.writes($0) }
            return a.requests.isEmpty ? nil : a
        }
        let requests: [SimRequest]
        do {
            requests = try TrafficGenerator(scenario: writers, seed: seed, duration: cut + 3_600_000_000).requests()
        } catch {
            throw .traffic(error.description)
        }
        guard let start = Duration.epochMicros(s.start) else { throw .traffic("start \"\(s.start)\" is not an ISO 8601 UTC time") }
        // Before: every write earlier than the incident. After: those and the incident's own.
        for r in requests {
            var applies = r.time < start + cut
            if case .after(let id) = point, r.incident == id { applies = true }
            guard applies else { continue }
            let (refusal, change) = outcome(r, state)
            if refusal == nil, let change, (200..<300).contains(r.status) { state.apply(change) }
        }
        return state
    }

    /// The request as the cluster answers it: its status with the authorizer's (or an
    /// escalation check's) refusal applied, and the cluster after it (a successful write
    /// of RBAC objects or NetworkPolicies applied).
    public static func answer(_ r: SimRequest, _ state: inout ClusterState) -> SimRequest {
        guard r.status != 401, let info = try? RequestInfo.parse(method: r.method, url: r.url, user: r.user) else { return r }
        let a = info.attributes
        var name = a.name
        if a.verb == "create" && name.isEmpty && a.subresource.isEmpty, r.body != nil { name = "\(a.resource.dropLast())-replay" }
        let context = Bodies.Context(namespace: a.namespace, name: name, uid: "", resourceVersion: "1", creationTimestamp: "")
        let isDelete = a.verb == "delete" || a.verb == "deletecollection"
        let access = state.access(r, a, name: name, body: isDelete ? nil : r.body.flatMap { Bodies.object($0, context) })
        var out = r
        if let refusal = access.refusal {
            out.status = refusal.code
        } else if let change = access.change, (200..<300).contains(r.status) {
            state.apply(change)
        }
        return out
    }

    static func writes(_ t: Scenario.RequestTemplate) -> Bool {
        t.method != "GET" && (t.url.contains("/rbac.authorization.k8s.io/") || t.url.contains("/networkpolicies"))
    }

    /// One request against `state`: the refusal message (nil when allowed) and the change a
    /// success makes, with the object's body as the simulator builds it.
    static func outcome(_ r: SimRequest, _ state: ClusterState) -> (String?, ClusterState.StateChange?) {
        guard r.status != 401, let info = try? RequestInfo.parse(method: r.method, url: r.url, user: r.user) else {
            return (nil, nil)
        }
        let a = info.attributes
        var name = a.name
        if a.verb == "create" && name.isEmpty && a.subresource.isEmpty, r.body != nil { name = "\(a.resource.dropLast())-replay" }
        let context = Bodies.Context(namespace: a.namespace, name: name, uid: "", resourceVersion: "1", creationTimestamp: "")
        let isDelete = a.verb == "delete" || a.verb == "deletecollection"
        let body = isDelete ? nil : r.body.flatMap { Bodies.object($0, context) }
        let access = state.access(r, a, name: name, body: body)
        return (access.refusal?.status.message, access.change)
    }
}
