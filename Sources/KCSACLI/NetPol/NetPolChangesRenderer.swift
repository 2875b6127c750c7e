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

    /// One line per pair of pods whose verdict changed, with the ports and protocols:
    /// `from -> to: opened on 5432/TCP, 53/UDP` (blocked before, allowed after) or `closed on ...`.
    func text(style: Style) -> String {
        var out = "What incident \(incident) of scenario \(scenario) changed, pod to pod:\n"
        guard changed else { return out + "  nothing: every connection probed is as it was before\n" }
        var order: [String] = []
        var lines: [String: (opened: [String], closed: [String])] = [:]
        for probe in probes {
            for d in probe.differences {
                let key = "\(d.from) -> \(d.to)"
                if lines[key] == nil { order.append(key); lines[key] = ([], []) }
                let port = "\(probe.port)/\(probe.protocol.rawValue)"
                if d.allowed { lines[key]!.opened.append(port) } else { lines[key]!.closed.append(port) }
            }
        }
        var opened = 0, closed = 0
        for key in order {
            let (o, c) = lines[key]!
            var parts: [String] = []
            if !o.isEmpty { parts.append(style.bold("opened") + " on " + o.joined(separator: ", ")) }
            if !c.isEmpty { parts.append(style.bold("closed") + " on " + c.joined(separator: ", ")) }
            out += "  \(key): " + parts.joined(separator: "; ") + "\n"
            opened += o.count
            closed += c.count
        }
        return out + "\(order.count) pod pair\(order.count == 1 ? "" : "s") changed: \(opened) connection\(opened == 1 ? "" : "s") opened, \(closed) closed (ports probed: "
            + probes.map { "\($0.port)/\($0.protocol.rawValue)" }.joined(separator: ", ") + ")\n"
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
