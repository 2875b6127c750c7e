import JSONValue
import Labs

/// Findings as JSON for `--json`: the data, not the sentences.
public enum FindingJSON {
    public static func encode(_ f: Finding) -> JSON {
        var o = JSONObject()
        o["code"] = .string(f.code.rawValue)
        if let s = f.subject { o["subject"] = subject(s) }
        if let e = f.expected { o["expected"] = .string(e) }
        if let a = f.actual { o["actual"] = .string(a) }
        if !f.mismatches.isEmpty {
            o["mismatches"] = .array(f.mismatches.map { m in
                var x = JSONObject()
                x["field"] = .string(m.field)
                x["expected"] = m.expected.map(JSON.string) ?? .null
                x["actual"] = m.actual.map(JSON.string) ?? .null
                if let r = m.reason { x["reason"] = .string(r) }
                return .object(x)
            })
        }
        if let r = f.rule {
            var x = JSONObject()
            x["index"] = r.index.map { .number($0) } ?? .null
            x["line"] = r.line.map { .number($0) } ?? .null
            if !r.level.isEmpty { x["level"] = .string(r.level) }
            if let omit = r.omitStages { x["omitStages"] = .array(omit.map(JSON.string)) }
            o["rule"] = .object(x)
        }
        if let c = f.counterexample { o["counterexample"] = .string(c) }
        if let m = f.message { o["message"] = .string(m) }
        if let c = f.count { o["count"] = .object(["failed": .number(c.failed), "total": .number(c.total)]) }
        if let s = f.share { o["sharePercent"] = .number(s) }
        if f.isExample { o["example"] = .bool(true) }
        if let t = f.traffic { o["traffic"] = TrafficText.json(t) }
        return .object(o)
    }

    static func subject(_ s: Finding.Subject) -> JSON {
        switch s {
        case .request(let r): .object(["request": .string(r)])
        case .requests(let r): .object(["requests": .string(r)])
        case .scenario(let r): .object(["scenario": .string(r)])
        case .item(let r): .object(["item": .string(r)])
        case .connection(let c): .object(["connection": .string(c)])
        case .event(let i, let n): .object(["event": .number(i), "of": .number(n)])
        case .output(let i, let sorted): .object(["output": .number(i), "sorted": .bool(sorted)])
        }
    }
}
