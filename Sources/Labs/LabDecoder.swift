import ClusterSim
import ContentFormat
import Diagnostics
import Foundation
import KubeAudit
import Yams

/// Reads a lab file into a `Lab` with the content field reader, collecting every problem
/// as a positioned diagnostic (unknown keys, wrong types, missing fields, the kind's own
/// rules), so an author sees them all at once, each at its line and column.
enum LabDecoder {
    /// Every top-level key of any kind of lab (a key of another kind is ignored, not unknown).
    static let rootKeys = ["format_version", "id", "title", "kind", "topic", "task", "lesson", "hints", "sources",
                           "starter", "reference", "scenario", "duration", "strict", "expect", "policy", "seeds",
                           "slurp", "compare", "policy_text", "ask", "requests", "variants"]
        + rbacRootKeys

    /// The longest simulated time a lab may ask for (its log or requests are built on checks).
    static let maxDuration: Int64 = 24 * 3_600_000_000
    static let maxDurationText = "24h"

    /// The document as Yams nodes, for the kinds whose decoders read those (Pod Security,
    /// NetworkPolicy); the field reader has already reported any syntax error.
    static func yamsRoot(_ source: SourceFile) -> (Node?, Node.Mapping?) {
        let root = try? Yams.compose(yaml: String(decoding: source.bytes, as: UTF8.self))
        return (root, root?.mapping)
    }

    static func decode(_ source: SourceFile) -> (Lab?, [Diagnostic]) {
        var r = FieldReader(source: source)
        let lab = lab(&r)
        return (r.hasErrors ? nil : lab, r.diagnostics)
    }

    // MARK: - The document

    private static func lab(_ r: inout FieldReader) -> Lab? {
        guard var m = r.document("a lab file", keys: "format_version, id, title, kind, ...") else { return nil }
        r.formatVersion(&m)
        let id = r.id(&m, matchingFileName: true) ?? ""
        let kindText = r.string(&m, "kind", required: true)
        let kind = kindText.flatMap(Lab.Kind.init(rawValue:))
        if let kindText, kind == nil {
            let guess = DidYouMean.suggest(kindText, among: Lab.Kind.allCases.map(\.rawValue))
            r.error("unknown kind \"\(kindText)\"; expected one of \(Lab.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: m.valueSpan("kind"), help: guess.map { "did you mean \($0)?" })
        }
        var lab = Lab(
            id: id, title: r.string(&m, "title", required: true) ?? "",
            topic: r.string(&m, "topic", required: true) ?? "",
            task: r.string(&m, "task", required: true) ?? "",
            lesson: r.string(&m, "lesson", required: true) ?? "",
            hints: r.strings(&m, "hints", single: true) ?? [], sources: r.strings(&m, "sources", single: true) ?? [],
            starter: r.string(&m, "starter") ?? "",
            reference: r.string(&m, "reference", required: true) ?? "",
            path: r.source.name, spec: .predict(PredictSpec(policyText: nil, policy: nil, ask: [], requests: [])))
        let scenario = r.id(&m, "scenario", required: false)
        let duration = r.string(&m, "duration") ?? "1h"
        let strict = r.bool(&m, "strict") ?? false
        if lab.hints.isEmpty { r.error("a lab needs at least one hint", at: m.keySpan("hints") ?? m.span) }
        if lab.sources.isEmpty { r.error("a lab needs at least one source", at: m.keySpan("sources") ?? m.span) }
        if let span = ClusterSim.Duration.microseconds(duration) {
            if span > maxDuration {
                r.error("duration \"\(duration)\" is longer than a lab may simulate (\(maxDurationText))",
                        at: m.valueSpan("duration"), help: "a lab's log is built on every check; a day shows every daily pattern")
            }
        } else {
            r.error("duration \"\(duration)\" is not a duration (like 30m, 1h, 24h)", at: m.valueSpan("duration"))
        }
        switch kind {
        case .policy?, .fix?:
            let expectations = expectations(&m, &r)
            let needsStream = expectations.contains {
                if case .request = $0.target { return false }
                return true
            }
            if scenario == nil && needsStream {
                r.error("a \(kind!.rawValue) lab with `match:` or `budget:` expectations needs `scenario:` (the request stream)",
                        at: m.keySpan("expect"))
            }
            if expectations.isEmpty { r.error("a \(kind!.rawValue) lab needs `expect:` entries", at: m.keySpan("expect") ?? m.span) }
            let p = PolicyLabSpec(scenario: scenario, duration: duration, strict: strict, expectations: expectations)
            lab.spec = kind == .fix ? .fix(p) : .policy(p)
        case .query?:
            if scenario == nil { r.error("a query lab needs `scenario:`", at: m.span) }
            lab.spec = .query(querySpec(&m, &r, scenario: scenario ?? "", duration: duration))
        case .predict?:
            lab.spec = .predict(predictSpec(&m, &r))
            if case .predict(let base) = lab.spec { lab.variants = predictVariants(&m, &r, base: base) }
        case .pssManifest?, .pssLabels?, .pssPredict?:
            // Pod Security kinds: PSSLabDecoder.swift, which reads its keys from the document's
            // Yams tree (taking a key here marks it as read for the unknown-key check).
            var pss = PSSLabDecoder(source: r.source, labID: id)
            let (root, map) = yamsRoot(r.source)
            let spec = pss.spec(kind!, at: root?.mark) { key in
                m.take(key) == nil ? nil : map?.first { $0.key.string == key }?.value
            }
            if let spec { lab.spec = spec }
            for d in pss.diagnostics { r.report(d) }
        case .netpol?, .netpolPredict?:
            // NetworkPolicy kinds: NetPolSpecDecoder.swift, read the same way.
            var d = NetPolSpecDecoder(source: r.source)
            let (root, map) = yamsRoot(r.source)
            lab.spec = d.decode(kind!, take: { key in m.take(key) == nil ? nil : map?.first { $0.key.string == key }?.value },
                                at: root?.mark)
            for diagnostic in d.diagnostics { r.report(diagnostic) }
        // RBAC lab kinds (LabDecoder+RBAC.swift)
        case .rbac?:
            lab.spec = .rbac(rbacSpec(&m, &r))
        case .rbacPredict?:
            lab.spec = .rbacPredict(rbacPredictSpec(&m, &r))
        case nil:
            break
        }
        if kind != .predict, m.has("variants") {
            r.error("`variants:` is only read in predict labs (query labs vary by seed)", at: m.keySpan("variants"))
        }
        m.allow(rootKeys)
        r.finish(m, context: kindText.map { " for a \($0) lab" } ?? "")
        return lab
    }

    private static func querySpec(_ m: inout YAMLFields, _ r: inout FieldReader, scenario: String, duration: String) -> QuerySpec {
        let policy = r.id(&m, "policy") ?? ""
        var seeds: [UInt64] = [1, 2, 3]
        if m.has("seeds") {
            seeds = (r.ints(&m, "seeds", single: true) ?? []).map { UInt64(max(0, $0)) }
            if seeds.isEmpty { r.error("`seeds:` needs at least one seed", at: m.valueSpan("seeds")) }
        }
        let cmpText = r.string(&m, "compare") ?? "ordered"
        let cmp = QuerySpec.Comparison(rawValue: cmpText)
        if cmp == nil { r.error("compare must be ordered or multiset, not \"\(cmpText)\"", at: m.valueSpan("compare")) }
        return QuerySpec(scenario: scenario, duration: duration, policy: policy, seeds: seeds,
                         slurp: r.bool(&m, "slurp") ?? false, compare: cmp ?? .ordered)
    }

    private static func predictSpec(_ m: inout YAMLFields, _ r: inout FieldReader) -> PredictSpec {
        let policyText = r.string(&m, "policy_text")
        let policy = r.id(&m, "policy", required: false)
        if (policyText == nil) == (policy == nil) {
            r.error("a predict lab needs exactly one of `policy_text:` (inline) or `policy:` (a Labs/policies id)",
                    at: m.keySpan("policy_text") ?? m.keySpan("policy") ?? m.span)
        }
        var ask: [PredictSpec.Fact] = [.level]
        if m.has("ask") {
            ask = (r.strings(&m, "ask", single: true) ?? []).compactMap { s in
                if let f = PredictSpec.Fact(rawValue: s) { return f }
                r.error("unknown fact \"\(s)\" in ask; expected level, stages, requestObject or responseObject",
                        at: m.valueSpan("ask"), help: DidYouMean.suggest(s, among: PredictSpec.Fact.allCases.map(\.rawValue))
                            .map { "did you mean \($0)?" })
                return nil
            }
        }
        let items = predictItems(&m, &r)
        if items.isEmpty { r.error("a predict lab needs `requests:`", at: m.keySpan("requests") ?? m.span) }
        return PredictSpec(policyText: policyText, policy: policy, ask: ask, requests: items)
    }

    /// The `requests:` of a predict lab (or of one of its variants).
    static func predictItems(_ m: inout YAMLFields, _ r: inout FieldReader) -> [PredictSpec.Item] {
        var items: [PredictSpec.Item] = []
        for item in r.sequence(&m, "requests") ?? [] {
            guard var f = r.mapping(item.node, path: item.path) else { continue }
            let id = r.string(&f, "id", required: true) ?? ""
            if items.contains(where: { $0.id == id }) { r.error("request id \"\(id)\" is used twice", at: f.valueSpan("id")) }
            if let request = requestSpec(&f, "request", &r) { items.append(.init(id: id, request: request)) }
            r.finish(f)
        }
        return items
    }

    // MARK: - Expectations

    private static func expectations(_ m: inout YAMLFields, _ r: inout FieldReader) -> [Expectation] {
        var out: [Expectation] = []
        for item in r.sequence(&m, "expect") ?? [] {
            guard var f = r.mapping(item.node, path: item.path) else { continue }
            let name = r.string(&f, "name", required: true) ?? ""
            let target: Expectation.Target
            switch (f.has("match"), f.has("request"), f.has("budget")) {
            case (true, false, false):
                guard let s = r.mapping(&f, "match").map({ selector($0, &r) }) else { r.finish(f); continue }
                target = .match(s)
            case (false, true, false):
                guard let spec = requestSpec(&f, "request", &r) else { r.finish(f); continue }
                target = .request(spec)
            case (false, false, true):
                guard let b = r.mapping(&f, "budget").map({ budget($0, &r) }) else { r.finish(f); continue }
                target = .budget(b)
            default:
                r.error("expectation \"\(name)\" needs exactly one of match, request or budget", at: f.span)
                f.allow(["match", "request", "budget", "level", "at_least", "at_most", "stages", "omits"])
                r.finish(f)
                continue
            }
            let e = Expectation(name: name, target: target, level: level(&f, "level", &r), atLeast: level(&f, "at_least", &r),
                                atMost: level(&f, "at_most", &r), stages: f.has("stages") ? stages(&f, "stages", &r) : nil,
                                omits: stages(&f, "omits", &r))
            if case .budget = target {} else if e.level == nil && e.atLeast == nil && e.atMost == nil && e.stages == nil
                && e.omits.isEmpty {
                r.error("expectation \"\(name)\" states nothing (level, at_least, at_most, stages or omits)", at: f.span)
            }
            r.finish(f)
            out.append(e)
        }
        return out
    }

    private static func selector(_ fields: YAMLFields, _ r: inout FieldReader) -> RequestSelector {
        var f = fields
        var s = RequestSelector()
        s.verb = r.strings(&f, "verb", single: true) ?? []
        s.resource = r.strings(&f, "resource", single: true) ?? []
        s.group = r.strings(&f, "group", single: true) ?? []
        s.namespace = r.strings(&f, "namespace", single: true) ?? []
        s.user = r.strings(&f, "user", single: true) ?? []
        s.path = r.strings(&f, "path", single: true) ?? []
        s.status = r.ints(&f, "status", single: true) ?? []
        s.incident = r.strings(&f, "incident", single: true) ?? []
        r.finish(f)
        return s
    }

    /// The request under `key` (method, url, user, groups), checked by kube-apiserver's rules.
    private static func requestSpec(_ parent: inout YAMLFields, _ key: String, _ r: inout FieldReader) -> RequestSpec? {
        guard parent.has(key) else {
            r.error("missing `\(key):`" + (parent.path.isEmpty ? "" : " in `\(parent.path)`")
                    + "; a request needs method and url (and user, groups)", at: parent.span, code: "missing-field")
            return nil
        }
        guard var f = r.mapping(&parent, key, required: true) else { return nil }
        let method = r.string(&f, "method", required: true) ?? ""
        let url = r.string(&f, "url", required: true) ?? ""
        let spec = RequestSpec(method: method, url: url, user: r.string(&f, "user"),
                               groups: r.strings(&f, "groups", single: true) ?? [])
        r.finish(f)
        if !method.isEmpty, !url.isEmpty {
            do { _ = try spec.info() } catch { r.error("request \(spec.summary): \(error)", at: f.span) }
        }
        return spec
    }

    private static func budget(_ fields: YAMLFields, _ r: inout FieldReader) -> Expectation.Budget {
        var f = fields
        var b = Expectation.Budget()
        b.eventsPerSecond = r.double(&f, "events_per_second")
        if let text = r.string(&f, "bytes_per_day") {
            b.bytesPerDay = ByteSize.parse(text)
            if b.bytesPerDay == nil {
                r.error("bytes_per_day must be a size like 500MB or 2GB, not \"\(text)\"", at: f.valueSpan("bytes_per_day"))
            }
        }
        if !f.has("events_per_second") && !f.has("bytes_per_day") {
            r.error("a budget needs events_per_second or bytes_per_day", at: f.span)
        }
        r.finish(f)
        return b
    }

    private static func level(_ f: inout YAMLFields, _ key: String, _ r: inout FieldReader) -> AuditLevel? {
        guard let s = r.string(&f, key) else { return nil }
        if let l = AuditLevel(rawValue: s) { return l }
        let guess = DidYouMean.suggest(s, among: ["None", "Metadata", "Request", "RequestResponse"])
        r.error("\"\(s)\" is not an audit level (None, Metadata, Request, RequestResponse)", at: f.valueSpan(key),
                help: guess.map { "did you mean \($0)?" })
        return nil
    }

    private static func stages(_ f: inout YAMLFields, _ key: String, _ r: inout FieldReader) -> [AuditStage] {
        let names = r.strings(&f, key, single: true) ?? []
        let span = f.valueSpan(key)
        return names.compactMap { s in
            if let stage = AuditStage(rawValue: s) { return stage }
            r.error("\"\(s)\" is not a stage (RequestReceived, ResponseStarted, ResponseComplete, Panic)", at: span,
                    help: DidYouMean.suggest(s, among: ["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"])
                        .map { "did you mean \($0)?" })
            return nil
        }
    }
}
