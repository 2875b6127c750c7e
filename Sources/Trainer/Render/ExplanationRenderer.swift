import Terminal
import JSONValue
import KubeAudit

/// Renders a policy explanation as text for people or JSON for scripts.
public struct ExplanationRenderer {
    public var style: Style

    public init(style: Style) { self.style = style }

    public func text(_ e: PolicyExplanation) -> String {
        let a = e.attributes
        var out = style.bold("Request") + ": " + a.summary + "\n"
        if let u = a.user {
            out += "  user \(u.username)" + (u.groups.isEmpty ? "" : ", groups [\(u.groups.joined(separator: ", "))]") + "\n"
        } else {
            out += "  no user: authentication failed (401)\n"
        }
        if a.resourceRequest {
            out += "  verb=\(a.verb) apiGroup=\(q(a.apiGroup)) apiVersion=\(q(a.apiVersion)) resource=\(q(a.resource))"
                + " subresource=\(q(a.subresource)) namespace=\(q(a.namespace)) name=\(q(a.name))\n"
        } else {
            out += "  non-resource request: verb=\(a.verb) path=\(a.path)\n"
        }
        out += "\n" + style.bold("Rules") + " (in order; the first match wins):\n"
        let width = String(max(0, e.checks.count - 1)).count
        for c in e.checks {
            let idx = String(repeating: " ", count: width - String(c.index).count) + String(c.index)
            let level = c.level.padding(toLength: 15, withPad: " ", startingAt: 0)
            switch c.verdict {
            case .matched:
                out += "  rule \(idx)  \(level) \(style.green("MATCH"))\n"
            case .failed(let why):
                out += "  rule \(idx)  \(level) \(style.dim("no match")): \(why)\n"
            case .notReached:
                out += "  rule \(idx)  \(level) \(style.dim("not reached"))\n"
            }
        }
        if e.checks.isEmpty { out += "  (none)\n" }
        out += "\n" + style.bold("Result") + ": " + e.summary + "\n"
        let p = e.plan
        if p.level == .none {
            out += "  no events are written for this request\n"
        } else {
            out += "  stages: " + (p.stages.isEmpty ? "none (every stage is omitted, so nothing is written)" :
                                    p.stages.map(\.rawValue).joined(separator: ", "))
            if !p.omitted.isEmpty { out += "  (omitted by omitStages: \(p.omitted.map(\.rawValue).joined(separator: ", ")))" }
            out += "\n"
            if a.user == nil {
                out += "  a request that fails authentication is answered 401 at once: kube-apiserver writes one event, "
                    + "at stage ResponseStarted, with responseStatus 401 (no RequestReceived, no ResponseComplete)\n"
            } else if p.longRunning {
                out += "  long-running request: ResponseStarted is sent when the response headers are written\n"
            }
            for f in [p.requestObject, p.responseObject] {
                out += "  \(f.name): \(f.present ? style.green("yes") : "no") - \(f.reason)\n"
            }
            out += "  omitManagedFields: \(e.decision.omitManagedFields)\n"
        }
        return out
    }

    private func q(_ s: String) -> String { s.isEmpty ? "\"\"" : s }

    public static func json(_ e: PolicyExplanation) -> JSON {
        var o = JSONObject()
        o["request"] = RequestDecoding.encode(e.attributes)
        o["rules"] = .array(e.checks.map { c in
            var r = JSONObject()
            r["index"] = .number(c.index)
            r["level"] = .string(c.level)
            switch c.verdict {
            case .matched: r["result"] = .string("matched"); r["reason"] = .null
            case .failed(let why): r["result"] = .string("no match"); r["reason"] = .string(why)
            case .notReached: r["result"] = .string("not reached"); r["reason"] = .null
            }
            return .object(r)
        })
        o["decision"] = e.decision.json
        o["summary"] = .string(e.summary)
        o["stages"] = .array(e.plan.stages.map { .string($0.rawValue) })
        o["omittedStages"] = .array(e.plan.omitted.map { .string($0.rawValue) })
        o["longRunning"] = .bool(e.plan.longRunning)
        var fields = JSONObject()
        for f in [e.plan.requestObject, e.plan.responseObject] {
            fields[f.name] = .object(["present": .bool(f.present), "reason": .string(f.reason)])
        }
        o["fields"] = .object(fields)
        return .object(o)
    }
}
