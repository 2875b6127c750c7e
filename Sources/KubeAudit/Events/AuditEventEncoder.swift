import Diagnostics

/// Writes events exactly as kube-apiserver's log backend does: one JSON object per
/// line, keys in the Go struct order, `omitempty` fields left out, map keys sorted,
/// Go's HTML escaping, MicroTime with six fractional digits (spec §9).
public enum AuditEventEncoder {
    /// The JSON line for an event, ending in `\n`.
    public static func json(_ e: AuditEvent) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(e, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON line for an event to a byte buffer (the generator's hot path).
    public static func write(_ e: AuditEvent, to o: inout [UInt8]) {
        var w = JSONBytes(out: o)
        o = []
        w.raw(#"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"#)
        w.string(e.level.rawValue)
        w.raw(#","auditID":"#); w.string(e.auditID)
        w.raw(#","stage":"#); w.string(e.stage.rawValue)
        w.raw(#","requestURI":"#); w.string(e.requestURI)
        w.raw(#","verb":"#); w.string(e.verb)
        w.raw(#","user":"#); w.user(e.user)
        if let u = e.impersonatedUser { w.raw(#","impersonatedUser":"#); w.user(u) }
        if !e.sourceIPs.isEmpty { w.raw(#","sourceIPs":"#); w.strings(e.sourceIPs) }
        if !e.userAgent.isEmpty { w.raw(#","userAgent":"#); w.string(e.userAgent) }
        if let r = e.objectRef {
            w.raw(#","objectRef":{"#)
            var first = true
            for (k, v) in [("resource", r.resource), ("namespace", r.namespace), ("name", r.name), ("uid", r.uid),
                           ("apiGroup", r.apiGroup), ("apiVersion", r.apiVersion), ("resourceVersion", r.resourceVersion),
                           ("subresource", r.subresource)] where !v.isEmpty {
                if !first { w.raw(",") }
                first = false
                w.raw("\"" + k + "\":")
                w.string(v)
            }
            w.raw("}")
        }
        if let s = e.responseStatus {
            // metav1.Status: ListMeta is a struct, so `"metadata":{}` is always written.
            w.raw(#","responseStatus":{"metadata":{}"#)
            if !s.status.isEmpty { w.raw(#","status":"#); w.string(s.status) }
            if !s.message.isEmpty { w.raw(#","message":"#); w.string(s.message) }
            if !s.reason.isEmpty { w.raw(#","reason":"#); w.string(s.reason) }
            if let d = s.details { w.raw(#","details":"#); w.raw(d) }
            if s.code != 0 { w.raw(#","code":"#); w.raw(String(s.code)) }
            w.raw("}")
        }
        if let b = e.requestObject { w.raw(#","requestObject":"#); w.raw(b) }
        if let b = e.responseObject { w.raw(#","responseObject":"#); w.raw(b) }
        w.raw(#","requestReceivedTimestamp":""# + MicroTime.format(e.requestReceivedTimestamp) + "\"")
        w.raw(#","stageTimestamp":""# + MicroTime.format(e.stageTimestamp) + "\"")
        if !e.annotations.isEmpty {
            w.raw(#","annotations":{"#)
            for (i, k) in e.annotations.keys.sorted().enumerated() {
                if i > 0 { w.raw(",") }
                w.string(k)
                w.raw(":")
                w.string(e.annotations[k]!)
            }
            w.raw("}")
        }
        w.raw("}\n")
        o = w.out
    }

    /// The legacy line format (`--audit-log-format=legacy`, `pkg/audit/format.go`),
    /// with the timestamp in UTC.
    public static func legacy(_ e: AuditEvent) -> String {
        let ip = e.sourceIPs.first ?? "<unknown>"
        let username = e.user.map(\.username).flatMap { $0.isEmpty ? nil : $0 } ?? "<none>"
        var groups = "<none>"
        if let g = e.user?.groups, !g.isEmpty, username != "<none>" {
            groups = g.map(GoQuote.quote).joined(separator: ",")
        }
        var asUser = "<self>", asGroups = "<lookup>"
        if let imp = e.impersonatedUser {
            asUser = imp.username
            if !imp.groups.isEmpty { asGroups = imp.groups.map(GoQuote.quote).joined(separator: ",") }
        }
        let namespace = e.objectRef.map(\.namespace).flatMap { $0.isEmpty ? nil : $0 } ?? "<none>"
        let response = e.responseStatus.map { String($0.code) } ?? "<deferred>"
        var line = MicroTime.rfc3339Nano(e.requestReceivedTimestamp) + " AUDIT:"
        line += " id=" + GoQuote.quote(e.auditID)
        line += " stage=" + GoQuote.quote(e.stage.rawValue)
        line += " ip=" + GoQuote.quote(ip)
        line += " method=" + GoQuote.quote(e.verb)
        line += " user=" + GoQuote.quote(username)
        line += " groups=" + GoQuote.quote(groups)
        line += " as=" + GoQuote.quote(asUser)
        line += " asgroups=" + GoQuote.quote(asGroups)
        line += " user-agent=" + GoQuote.quote(e.userAgent)
        line += " namespace=" + GoQuote.quote(namespace)
        line += " uri=" + GoQuote.quote(e.requestURI)
        line += " response=\"" + response + "\""
        return line + "\n"
    }
}

/// `metav1.MicroTime` and Go's RFC3339Nano, from microseconds since the epoch, in UTC.
public enum MicroTime {
    /// `2006-01-02T15:04:05.000000Z`.
    public static func format(_ micros: Int64) -> String {
        let (date, frac) = civil(micros)
        return date + "." + pad(Int(frac), 6) + "Z"
    }

    /// Go's `time.RFC3339Nano`: the fraction without trailing zeros, none when zero.
    public static func rfc3339Nano(_ micros: Int64) -> String {
        let (date, frac) = civil(micros)
        var f = frac == 0 ? "" : "." + pad(Int(frac), 6)
        while f.hasSuffix("0") { f.removeLast() }
        return date + f + "Z"
    }

    private static func civil(_ micros: Int64) -> (String, Int64) {
        var secs = micros / 1_000_000
        var frac = micros % 1_000_000
        if frac < 0 { frac += 1_000_000; secs -= 1 }
        var days = secs / 86_400
        var rem = secs % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        // Civil-from-days (proleptic Gregorian), valid for any day count.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        let date = "\(pad(Int(y), 4))-\(pad(Int(m), 2))-\(pad(Int(d), 2))T\(pad(Int(rem / 3600), 2)):\(pad(Int(rem % 3600 / 60), 2)):\(pad(Int(rem % 60), 2))"
        return (date, frac)
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
