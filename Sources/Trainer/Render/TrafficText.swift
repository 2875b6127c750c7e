import JSONValue
import Labs

/// NetworkPolicy findings as sentences: the verdict, then why, one paragraph per direction
/// (egress at the source, ingress at the destination) naming the policies, the rule that
/// allowed or the nearest rule and what it lacks, and the line where that rule is written.
enum TrafficText {
    static func lines(_ f: Finding) -> [String] {
        let subject = FindingText.subjectText(f.subject)
        var out: [String]
        switch f.code {
        case .connectionWrong:
            out = ["\(subject) must be \(f.expected ?? ""), but it is \(f.actual ?? "")"]
        default:
            out = ["\(subject): you said \(f.expected ?? ""), it is \(f.actual ?? "")"]
        }
        guard let t = f.traffic else { return out }
        let deleted = !t.before.isEmpty
        if deleted { out.append("after the deletion it is \(verdict(t.allowed)):") }
        out += explanation(t).map { "  " + $0 }
        for b in t.before {
            // The same verdict for the same reasons needs saying once.
            if b.allowed == t.allowed {
                out.append("before the deletion it was \(verdict(b.allowed)) as well")
                continue
            }
            out.append("before the deletion it was \(verdict(b.allowed)):")
            out += explanation(b).map { "  " + $0 }
        }
        return out
    }

    static func verdict(_ allowed: Bool) -> String { allowed ? "allowed" : "blocked" }

    /// Why one connection is what it is, direction by direction.
    static func explanation(_ t: TrafficEvidence) -> [String] {
        if t.loopback { return ["a pod can always reach itself (loopback is never filtered)"] }
        var out: [String] = []
        if let e = t.egress { out += side(e) } else { out.append("egress: \(t.from) is outside the cluster; no policy applies to it") }
        if let i = t.ingress { out += side(i) } else { out.append("ingress: \(t.to) is outside the cluster; no policy applies to it") }
        return out
    }

    private static func side(_ s: TrafficEvidence.Side) -> [String] {
        let type = s.direction == "ingress" ? "Ingress" : "Egress"
        guard !s.policies.isEmpty else {
            return ["\(s.direction) of \(s.pod): allowed, not isolated (no NetworkPolicy with \(type) selects it)"]
        }
        var out = ["\(s.direction) of \(s.pod): \(verdict(s.allowed)), isolated by \(s.policies.joined(separator: ", "))"]
        let key = s.direction == "ingress" ? "source" : "destination"
        if s.allowed, let r = s.rule {
            let parts = [r.peer ?? "any \(key)", r.port ?? "any port"]
            out.append("  allowed by \(r.policy) \(r.path) (\(parts.joined(separator: ", ")))\(place(r))")
        } else if let r = s.rule {
            out.append("  no \(s.direction) rule of these policies matches; the nearest is \(r.policy) \(r.path)\(place(r)), which lacks:")
            out += s.lacks.map { "    - " + $0 }
        } else {
            out.append("  these policies have no \(s.direction) rules, so they allow no \(s.direction) at all")
        }
        return out
    }

    private static func place(_ r: TrafficEvidence.RuleAt) -> String {
        guard let line = r.line else { return "" }
        return r.inAnswer ? " at line \(line) of your answer" : " at \(r.file ?? "the lab's cluster"):\(line)"
    }

    static func json(_ t: TrafficEvidence) -> JSON {
        var o = JSONObject()
        o["from"] = .string(t.from)
        o["to"] = .string(t.to)
        o["allowed"] = .bool(t.allowed)
        o["loopback"] = .bool(t.loopback)
        o["egress"] = t.egress.map(json) ?? .null
        o["ingress"] = t.ingress.map(json) ?? .null
        if !t.before.isEmpty { o["before"] = json(t.before[0]) }
        return .object(o)
    }

    private static func json(_ s: TrafficEvidence.Side) -> JSON {
        var o = JSONObject()
        o["pod"] = .string(s.pod)
        o["policies"] = .array(s.policies.map(JSON.string))
        o["allowed"] = .bool(s.allowed)
        if let r = s.rule {
            var x = JSONObject()
            x["policy"] = .string(r.policy)
            x["rule"] = .string(r.path)
            x["peer"] = r.peer.map(JSON.string) ?? .null
            x["port"] = r.port.map(JSON.string) ?? .null
            x["line"] = r.line.map { .number($0) } ?? .null
            x["file"] = r.inAnswer ? .string("answer") : r.file.map(JSON.string) ?? .null
            o[s.allowed ? "allowedBy" : "nearest"] = .object(x)
        }
        if !s.lacks.isEmpty { o["lacks"] = .array(s.lacks.map(JSON.string)) }
        return .object(o)
    }
}
