import Foundation
import KubeAudit
import Seeded

/// One simulated HTTP request, before the policy decides what is logged.
public struct SimRequest: Sendable {
    public var time: Int64
    public var method: String
    public var url: String
    public var user: UserInfo?
    public var userAgent: String
    public var sourceIP: String
    public var status: Int
    public var body: String?
    /// The incident it belongs to, for the ground truth.
    public var incident: String?
    /// The identity the request impersonates, if any.
    public var impersonate: String? = nil
}

/// Expands a scenario into a time-ordered, reproducible request stream.
public struct TrafficGenerator: Sendable {
    public var scenario: Scenario
    public var seed: UInt64
    public var start: Int64
    public var duration: Int64

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case badDuration(String, where: String)
        case badStart(String)

        public var description: String {
            switch self {
            case let .badDuration(d, w): "\(w): \"\(d)\" is not a duration (like 30s, 5m, 1h)"
            case let .badStart(s): "start \"\(s)\" is not an ISO 8601 UTC time"
            }
        }
    }

    public init(scenario: Scenario, seed: UInt64, start: Int64? = nil, duration: Int64) throws(Problem) {
        guard let s = start ?? Duration.epochMicros(scenario.start) else { throw .badStart(scenario.start) }
        self.scenario = scenario
        self.seed = seed
        self.start = s
        self.duration = duration
    }

    /// Every request in `[start, start + duration)`, sorted by time. With `keepingEvery: n`
    /// the whole window is still covered, but only the first and then every n-th request of
    /// each template (per node for per-node actors) is built, and every incident request:
    /// a day of a large cluster, thinned evenly, with every kind of request kept.
    public func requests(keepingEvery n: Int = 1) throws(Problem) -> [SimRequest] {
        let stride = max(1, n)
        var rng = SeededGenerator(seed: seed)
        var out: [SimRequest] = []
        let end = start + duration
        for actor in scenario.actors {
            let copies = actor.per_node == true ? max(1, scenario.nodes) : 1
            for n in 0..<copies {
                let node = "node-\(n)"
                for t in actor.requests {
                    guard let every = t.every.flatMap(Duration.microseconds), every > 0 else {
                        throw .badDuration(t.every ?? "", where: "actor \(actor.name), \(t.method) \(t.url)")
                    }
                    var time = start + Int64(rng.next() % UInt64(every))
                    var arrivals = 0
                    while time < end {
                        if arrivals % stride == 0 {
                            out.append(request(t, actor: actor, node: node, n: n, at: time, rng: &rng))
                        }
                        if stride == 1 {
                            arrivals += 1
                            // Periods wobble by up to 10 %, as real clients do.
                            time += every - every / 20 + Int64(rng.next() % UInt64(max(1, every / 10)))
                        } else {
                            // Thinned: jump to the next kept request at once, the skipped periods' wobble summed.
                            arrivals += stride
                            let periods = Int64(stride)
                            // Checked: a long period thinned by a large stride jumps past any end.
                            let (base, o1) = periods.multipliedReportingOverflow(by: every - every / 20)
                            let (spread, o2) = periods.multipliedReportingOverflow(by: every)
                            if o1 || o2 || base > end - time { break }
                            time += base + Int64(rng.next() % UInt64(max(1, spread / 10)))
                        }
                    }
                }
            }
        }
        out += try incidentRequests(rng: &rng)
        // Stable by time: equal times keep generation order.
        return out.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    /// How many background requests the window holds (before thinning), from the periods.
    public func expectedRequestCount() -> Int {
        var total = 0
        for actor in scenario.actors {
            let copies = actor.per_node == true ? max(1, scenario.nodes) : 1
            for t in actor.requests {
                guard let every = t.every.flatMap(Duration.microseconds), every > 0 else { continue }
                // Saturating: the count only decides thinning and limits, and must not trap.
                let (n, o1) = copies.multipliedReportingOverflow(by: Int(duration / every + 1))
                let (sum, o2) = total.addingReportingOverflow(n)
                total = o1 || o2 ? Int.max : sum
            }
        }
        return total
    }

    /// The incidents' requests that fall inside the window.
    public func incidentRequests() throws(Problem) -> [SimRequest] {
        var rng = SeededGenerator(seed: seed ^ 0x1DC1_DE47)
        return try incidentRequests(rng: &rng)
    }

    func incidentRequests(rng: inout SeededGenerator) throws(Problem) -> [SimRequest] {
        var out: [SimRequest] = []
        for incident in scenario.incidents {
            guard let at = Duration.microseconds(incident.at) else {
                throw .badDuration(incident.at, where: "incident \(incident.id)")
            }
            var time = start + at
            guard time < start + duration else { continue }
            let actor = Scenario.Actor(name: incident.id, per_node: nil, user: incident.user, groups: incident.groups,
                                       user_agent: incident.user_agent, source_ip: incident.source_ip, requests: [])
            for t in incident.requests {
                var r = request(t, actor: actor, node: "node-0", n: 0, at: time, rng: &rng)
                r.incident = incident.id
                out.append(r)
                time += 1_500_000 + Int64(rng.next() % 3_000_000)
            }
        }
        return out
    }

    /// One request standing for all of a template's (for estimates).
    func representative(_ t: Scenario.RequestTemplate, actor: Scenario.Actor, at time: Int64) -> SimRequest {
        var rng = SeededGenerator(seed: seed)
        return request(t, actor: actor, node: "node-0", n: 0, at: time, rng: &rng)
    }

    func request(_ t: Scenario.RequestTemplate, actor: Scenario.Actor, node: String, n: Int, at time: Int64,
                         rng: inout SeededGenerator) -> SimRequest {
        // One pass over the template; placeholders are rare, so most strings are copied as they are.
        func fill(_ s: String) -> String {
            guard s.utf8.contains(UInt8(ascii: "{")) else { return s }
            var out = ""
            var rest = Substring(s)
            while let open = rest.firstIndex(of: "{") {
                out += rest[..<open]
                guard let close = rest[open...].firstIndex(of: "}") else { break }
                switch rest[rest.index(after: open)..<close] {
                case "node": out += node
                case "n": out += String(n + 1)
                case "ns": out += scenario.namespaces[rng.index(below: scenario.namespaces.count)]
                case "pod":
                    let apps = ["web", "api", "worker", "cache"]
                    out += "\(apps[rng.index(below: apps.count)])-\(String(rng.next() % 0x7fffff, radix: 36))"
                default: out += rest[open...close]
                }
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
        let user = actor.user.map { UserInfo(username: fill($0), groups: actor.groups ?? []) }
        return SimRequest(time: time, method: t.method, url: fill(t.url), user: user, userAgent: fill(actor.user_agent),
                          sourceIP: fill(actor.source_ip), status: t.status ?? (user == nil ? 401 : 200),
                          body: t.body, incident: nil, impersonate: t.impersonate.map(fill))
    }
}
