import Diagnostics
import JSONValue
import NetworkPolicy
import Terminal
import Trainer

/// Text and JSON for `kcsa netpol reach`: upstream e2e's table layout, and explanations
/// that name policies, rules (with file:line:col) and what the nearest rule lacks.
struct NetPolRenderer {
    let model: ClusterModel
    let loading: NetPolLoading
    let style: Style

    /// A heading (`80/TCP`) and upstream's `PrettyPrint` table.
    func table(_ t: TruthTable) -> String {
        style.bold("\(t.port)/\(t.protocol.rawValue)") + "\n" + t.prettyPrinted + "\n"
    }

    /// `{"order": [...], "probes": [{"port", "protocol", "expect"}]}`, the format of e2e.json.
    func json(_ tables: [TruthTable], order: [String]) -> JSON {
        var o = JSONObject()
        o["order"] = .array(order.map(JSON.string))
        o["probes"] = .array(tables.map { t in
            var p = JSONObject()
            p["port"] = .number(t.port)
            p["protocol"] = .string(t.protocol.rawValue)
            p["expect"] = .array(t.expect.map(JSON.string))
            return .object(p)
        })
        return .object(o)
    }

    func json(_ c: Connection, explain: Bool) -> JSON {
        var o = JSONObject()
        o["allowed"] = .bool(c.allowed)
        o["from"] = .string(c.from)
        o["to"] = .string(c.to)
        o["port"] = .number(c.port)
        o["protocol"] = .string(c.protocol.rawValue)
        o["loopback"] = .bool(c.loopback)
        o["egress"] = c.egress.map(json) ?? .null
        o["ingress"] = c.ingress.map(json) ?? .null
        return .object(o)
    }

    private func json(_ d: DirectionReport) -> JSON {
        var o = JSONObject()
        o["pod"] = .string(d.pod)
        o["isolated"] = .bool(d.isolated)
        o["allowed"] = .bool(d.allowed)
        o["policies"] = .array(d.selectingPolicies.map(JSON.string))
        o["allowedBy"] = d.allowedBy.map(json) ?? .null
        if let n = d.nearest {
            var m = JSONObject()
            m["rule"] = json(n.rule)
            m["lacks"] = .array(n.lacks.map(JSON.string))
            o["nearest"] = .object(m)
        } else {
            o["nearest"] = .null
        }
        return .object(o)
    }

    private func json(_ r: RuleRef) -> JSON {
        var o = JSONObject()
        o["policy"] = .string(r.policy)
        o["rule"] = .string(r.path)
        o["peer"] = r.peer.map { .number($0) } ?? .null
        o["port"] = r.port.map { .number($0) } ?? .null
        o["location"] = location(r).map(JSON.string) ?? .null
        return .object(o)
    }

    func location(_ r: RuleRef) -> String? {
        loading.location(model.policies.first { $0.id == r.policy }?.origin, r.path)
    }

    /// The verdict, then one paragraph per direction.
    func explanation(_ c: Connection) -> String {
        let verdict = c.allowed ? style.green("allowed") : style.red("blocked")
        var out = "\(c.from) -> \(c.to) \(c.port)/\(c.protocol.rawValue): \(verdict)\n"
        if c.loopback { return out + "  a pod can always reach itself (loopback is never filtered)\n" }
        if c.egress == nil { out += "  egress: \(c.from) is outside the cluster; no policy applies to its egress\n" }
        if let e = c.egress { out += direction(e, peer: c.to) }
        if c.ingress == nil { out += "  ingress: \(c.to) is outside the cluster; no policy applies to its ingress\n" }
        if let i = c.ingress { out += direction(i, peer: c.from) }
        return out
    }

    private func direction(_ d: DirectionReport, peer: String) -> String {
        let name = d.direction == .ingress ? "ingress" : "egress"
        let key = d.direction == .ingress ? "from" : "to"
        guard d.isolated else {
            return "  \(name) of \(d.pod): allowed, not isolated (no NetworkPolicy with \(d.direction.rawValue) selects it)\n"
        }
        var out = "  \(name) of \(d.pod): isolated by \(d.selectingPolicies.joined(separator: ", "))\n"
        if let r = d.allowedBy {
            let parts = [r.peer.map { "\(key)[\($0)]" } ?? "any \(key == "from" ? "source" : "destination")",
                         r.port.map { "ports[\($0)]" } ?? "any port"]
            out += "    allowed by \(r.policy) \(r.path) (\(parts.joined(separator: ", ")))" + at(r) + "\n"
        } else if let n = d.nearest {
            out += "    blocked: no \(name) rule of these policies matches\n"
            out += "    nearest: \(n.rule.policy) \(n.rule.path)" + at(n.rule) + ", which lacks:\n"
            out += n.lacks.map { "      - \($0)\n" }.joined()
        } else {
            out += "    blocked: these policies have no \(name) rules, so they allow no \(name) at all\n"
        }
        return out
    }

    private func at(_ r: RuleRef) -> String { location(r).map { " at \($0)" } ?? "" }
}
