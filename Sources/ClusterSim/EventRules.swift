import KubeAudit

/// kube-apiserver's rules for the events of one request (spec §5-§9), checked
/// independently of how `EventBuilder` produced them. Tests and the `kcsa-bench events
/// --verify` run apply it to every generated event.
public enum EventRules {
    /// What is wrong with one request's events (empty: nothing).
    /// `namespaceLabels` are the scenario's, as the builder was given them.
    public static func violations(_ r: SimRequest, _ out: EventBuilder.Output, evaluator: PolicyEvaluator,
                                  namespaceLabels: [String: [String: String]] = [:]) -> [String] {
        var problems: [String] = []
        func fail(_ s: String) { problems.append("\(r.method) \(r.url): \(s)") }
        let authenticated = r.status != 401
        guard let info = try? RequestInfo.parse(method: r.method, url: r.url, user: authenticated ? r.user : nil) else {
            if !out.events.isEmpty { fail("events for a request the apiserver cannot parse") }
            return problems
        }
        let a = info.attributes
        // The policy decides the level: re-evaluating the request gives each event's level.
        let decision = evaluator.evaluate(a)
        if decision.level == .none {
            if !out.events.isEmpty { fail("level None must write no events") }
            return problems
        }
        // Pod Security admission: a refused pod ends with 403 whatever the scenario said.
        let createdName = out.events.first(where: { $0.objectRef != nil })?.objectRef?.name ?? a.name
        // A request the authorizer (or impersonation, or an escalation check) refused never reaches admission.
        let refusal = out.access?.refusal
        let verdict = refusal == nil ? podSecurityVerdict(r, a, name: createdName, labels: namespaceLabels[a.namespace] ?? [:]) : nil
        let wantStatus = refusal?.code ?? verdict.map { $0.allowed ? r.status : 403 } ?? r.status
        if out.status != wantStatus { fail("the request's status is \(out.status), expected \(wantStatus)") }
        let longRunning = RequestInfo.isLongRunning(a)
        let connect = RequestInfo.isConnect(a)
        let order: [AuditStage] = [.requestReceived, .responseStarted, .responseComplete, .panic]
        var last = -1
        for e in out.events {
            if e.level != decision.level { fail("level \(e.level.rawValue), the policy says \(decision.level.rawValue)") }
            if e.auditID != out.auditID { fail("auditID differs between a request's events") }
            if e.verb != a.verb { fail("verb \(e.verb), the request's is \(a.verb)") }
            if e.requestURI != info.requestURI { fail("requestURI \(e.requestURI), expected \(info.requestURI)") }
            let rank = order.firstIndex(of: e.stage)!
            if rank <= last { fail("stage \(e.stage.rawValue) out of order") }
            last = rank
            if decision.omitStages.contains(e.stage) { fail("stage \(e.stage.rawValue) is omitted by the policy") }
            if e.stageTimestamp < e.requestReceivedTimestamp { fail("stageTimestamp before requestReceivedTimestamp") }
            if e.requestReceivedTimestamp != r.time { fail("requestReceivedTimestamp is not the request's time") }
            switch e.stage {
            case .requestReceived:
                if e.stageTimestamp != e.requestReceivedTimestamp { fail("RequestReceived must be stamped when received") }
                if e.responseStatus != nil || e.requestObject != nil || e.responseObject != nil || !e.annotations.isEmpty {
                    fail("RequestReceived carries no status, bodies or annotations")
                }
                if e.impersonatedUser != nil { fail("impersonation is applied after RequestReceived") }
            case .responseStarted:
                if !longRunning && authenticated { fail("ResponseStarted for a request that is not long-running") }
            case .responseComplete, .panic:
                break
            }
            if e.stage != .requestReceived {
                guard let status = e.responseStatus else {
                    fail("\(e.stage.rawValue) without responseStatus")
                    continue
                }
                let want = e.stage == .panic ? 500 : wantStatus
                if status.code != want { fail("responseStatus.code \(status.code), expected \(want)") }
            }
            if e.requestObject != nil {
                if e.level < .request { fail("requestObject below level Request") }
                if ["get", "list", "watch"].contains(a.verb) || connect || !a.resourceRequest {
                    fail("requestObject on a \(a.verb) request")
                }
                if e.stage == .requestReceived { fail("requestObject at RequestReceived") }
            }
            if let body = e.responseObject {
                if e.level < .requestResponse { fail("responseObject below RequestResponse") }
                if a.verb == "watch" || connect || (!a.resourceRequest && !Self.isDiscovery(a)) {
                    fail("responseObject on a \(a.verb) \(a.resourceRequest ? "" : "non-discovery ")request")
                }
                if authenticated && e.stage != .responseComplete { fail("responseObject at \(e.stage.rawValue)") }
                if !authenticated && body != Self.unauthorizedStatus { fail("a 401's responseObject is the Unauthorized Status") }
                if decision.omitManagedFields && Self.find(#""managedFields""#, in: Array(e.responseObject!.utf8)) != nil {
                    fail("managedFields recorded although omitManagedFields is set")
                }
            }
            if !authenticated {
                if e.user != nil { fail("a 401 has no user") }
                if e.responseStatus != ResponseStatus(code: 401, status: "Failure", message: "Unauthorized", reason: "Unauthorized") {
                    fail("a 401's responseStatus is the Unauthorized Status, not \(String(describing: e.responseStatus))")
                }
                if e.level == .requestResponse && e.responseObject == nil { fail("a 401 at RequestResponse logs the Status it returned") }
            }
            if authenticated && e.stage == .responseComplete && e.level == .requestResponse && r.status < 300
                && Self.isDiscovery(a) && e.responseObject == nil {
                fail("a discovery response at RequestResponse is logged as responseObject")
            }
            problems += podSecurityViolations(e, verdict, resource: a.resource).map { "\(r.method) \(r.url): \($0)" }
            problems += authorizationViolations(e, out.access, authenticated: authenticated).map { "\(r.method) \(r.url): \($0)" }
            problems += encodingViolations(e).map { "\(r.method) \(r.url): \($0)" }
        }
        let stages = out.events.map(\.stage)
        if !authenticated {
            if !(stages.isEmpty || stages == [.responseStarted]) { fail("a 401 writes one ResponseStarted event, not \(stages)") }
        } else if !decision.omitStages.contains(.responseComplete) && !decision.omitStages.contains(.panic),
                  let end = stages.last, end != .responseComplete && end != .panic {
            fail("the last stage is \(end.rawValue), not ResponseComplete or Panic")
        }
        return problems
    }

    /// The authorization filter's annotations: both keys on every event after RequestReceived
    /// of an authorized (or refused) request, none when authentication or impersonation failed
    /// first; a forbid ends with the Forbidden Status.
    static func authorizationViolations(_ e: AuditEvent, _ access: ClusterAccess?, authenticated: Bool) -> [String] {
        guard e.stage != .requestReceived else { return [] }
        let decision = e.annotations[ClusterAccess.decisionKey]
        let reason = e.annotations[ClusterAccess.reasonKey]
        guard authenticated, let access, access.decision != nil else {
            return decision == nil && reason == nil ? [] : ["authorization annotations on a request that was not authorized"]
        }
        var problems: [String] = []
        if decision != "allow" && decision != "forbid" { problems.append("authorization.k8s.io/decision is \(decision ?? "missing")") }
        if reason == nil { problems.append("authorization.k8s.io/reason is missing (the filter sets it, empty or not)") }
        if decision == "forbid" {
            if e.stage != .panic && e.responseStatus?.code != 403 { problems.append("a forbid decision without a 403") }
            if let s = e.responseStatus, s.code == 403, s.reason != "Forbidden" || !s.message.contains("forbidden: User ") {
                problems.append("a forbid decision without the Forbidden Status")
            }
        }
        return problems
    }

    /// The Status `genericapifilters.Unauthorized` writes for a failed authentication.
    static let unauthorizedStatus = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#

    /// Discovery paths, read with GET: `/api`, `/api/<v>`, `/apis`, `/apis/<g>`, `/apis/<g>/<v>`
    /// (written here independently of `StagePlan.isDiscovery`).
    static func isDiscovery(_ a: RequestAttributes) -> Bool {
        if a.resourceRequest || a.verb != "get" { return false }
        let p = a.path.hasSuffix("/") ? String(a.path.dropLast()) : a.path
        if p == "/api" || p == "/apis" { return true }
        let rest = p.hasPrefix("/api/") ? p.dropFirst(5) : p.hasPrefix("/apis/") ? p.dropFirst(6) : nil
        guard let rest, !rest.isEmpty else { return false }
        let n = rest.split(separator: "/", omittingEmptySubsequences: false).count
        return p.hasPrefix("/api/") ? n == 1 : n <= 2
    }

    /// The JSON line as kube-apiserver writes it: key order, `"metadata":{}`, Go's HTML
    /// escaping, six-digit MicroTime.
    public static func encodingViolations(_ e: AuditEvent) -> [String] {
        var bytes: [UInt8] = []
        AuditEventEncoder.write(e, to: &bytes)
        var problems: [String] = []
        if !bytes.starts(with: Array(#"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":""#.utf8)) {
            problems.append("key order")
        }
        if bytes.suffix(2) != [UInt8(ascii: "}"), UInt8(ascii: "\n")] || bytes.dropLast().contains(UInt8(ascii: "\n")) {
            problems.append("not one line of JSON")
        }
        if bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") }) {
            problems.append("< > & must be written as \\u003c \\u003e \\u0026")
        }
        if e.responseStatus != nil && find(#""responseStatus":{"metadata":{}"#, in: bytes) == nil {
            problems.append("responseStatus without \"metadata\":{}")
        }
        for key in [#""requestReceivedTimestamp":""#, #""stageTimestamp":""#] {
            guard let at = find(key, in: bytes) else { problems.append("no \(key)"); continue }
            // 2026-03-02T09:00:00.822465Z": 27 characters, six fractional digits, then the quote.
            let stamp = bytes[at...].prefix(28)
            let digits = stamp.dropFirst(20).prefix(6)
            if stamp.count < 28 || stamp.last != UInt8(ascii: "\"") || stamp.dropLast().last != UInt8(ascii: "Z")
                || stamp.dropFirst(19).first != UInt8(ascii: ".")
                || !digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                problems.append("\(key) is not a MicroTime with six digits")
            }
        }
        return problems
    }

    /// The index just past the first occurrence of `needle` in `hay` (byte search; Foundation's
    /// string search is far too slow for millions of events).
    static func find(_ needle: String, in hay: [UInt8]) -> Int? {
        let n = Array(needle.utf8)
        guard let first = n.first, hay.count >= n.count else { return nil }
        var i = 0
        let last = hay.count - n.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n.count && hay[i + j] == n[j] { j += 1 }
                if j == n.count { return i + n.count }
            }
            i += 1
        }
        return nil
    }
}
