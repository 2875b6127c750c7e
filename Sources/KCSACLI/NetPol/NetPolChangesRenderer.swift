import JSONValue
import NetworkPolicy
import Terminal

/// What an incident of a scenario changed in pod-to-pod reachability
/// (`kcsa netpol reach --objects SCENARIO --changes INCIDENT`): the truth tables of the
/// cluster just before and just after it, cell by cell.
struct NetPolChanges {
    let scenario: String
    let incident: String
    /// Per probed port and protocol: the cells that differ (`allowed` is after, `otherAllowed` before).
    let probes: [(port: Int, protocol: PortProtocol, differences: [TruthTable.Difference])]

    init(scenario: String, incident: String, before: ClusterModel, after: ClusterModel,
         probes: [(Int, PortProtocol)]) {
        self.scenario = scenario
        self.incident = incident
        self.probes = probes.map { port, proto in
            let b = before.truthTable(port: port, protocol: proto)
            let a = after.truthTable(port: port, protocol: proto)
            return (port, proto, a.differences(from: b))
        }
    }

    var changed: Bool { probes.contains { !$0.differences.isEmpty } }

    /// One line per changed connection, grouped by port: `from -> to: blocked before, allowed after`.
    func text(style: Style) -> String {
        var out = "What incident \(incident) of scenario \(scenario) changed, pod to pod:\n"
        guard changed else { return out + "  nothing: every connection probed is as it was before\n" }
        for probe in probes where !probe.differences.isEmpty {
            out += style.bold("\(probe.port)/\(probe.protocol.rawValue)") + "\n"
            for d in probe.differences {
                let now = d.allowed ? "allowed" : "blocked"
                let was = d.otherAllowed ? "allowed" : "blocked"
                out += "  \(d.from) -> \(d.to): \(was) before, \(now) after\n"
            }
        }
        let opened = probes.reduce(0) { $0 + $1.differences.filter(\.allowed).count }
        let closed = probes.reduce(0) { $0 + $1.differences.filter { !$0.allowed }.count }
        return out + "\(opened) connection\(opened == 1 ? "" : "s") opened, \(closed) closed\n"
    }

    /// `{"scenario", "incident", "changes": [{"port", "protocol", "from", "to", "before", "after"}]}`.
    var json: JSON {
        var o = JSONObject()
        o["scenario"] = .string(scenario)
        o["incident"] = .string(incident)
        o["changes"] = .array(probes.flatMap { probe in
            probe.differences.map { d in
                var c = JSONObject()
                c["port"] = .number(probe.port)
                c["protocol"] = .string(probe.protocol.rawValue)
                c["from"] = .string(d.from)
                c["to"] = .string(d.to)
                c["before"] = .bool(d.otherAllowed)
                c["after"] = .bool(d.allowed)
                return .object(c)
            }
        })
        return .object(o)
    }
}
