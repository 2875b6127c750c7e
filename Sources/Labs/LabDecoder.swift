import ClusterSim
import Diagnostics
import Foundation
import KubeAudit
import Yams

/// Reads a lab file into a `Lab`, collecting every problem as a positioned diagnostic
/// (unknown keys, wrong types, missing fields), so an author sees them all at once.
struct LabDecoder {
    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceFile) { self.source = source }

    static func decode(_ source: SourceFile) -> (Lab?, [Diagnostic]) {
        var d = LabDecoder(source: source)
        let lab = d.lab()
        return (d.diagnostics.hasErrors ? nil : lab, d.diagnostics)
    }

    // MARK: - The document

    private mutating func lab() -> Lab? {
        let text = String(decoding: source.bytes, as: UTF8.self)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            error("not valid YAML: \(Self.describe(e))", at: Self.mark(of: e))
            return nil
        } catch {
            self.error("not valid YAML: \(error)", at: nil)
            return nil
        }
        guard let root, let map = root.mapping else {
            error("a lab file must be a YAML mapping (format_version, id, title, kind, ...)", at: root?.mark)
            return nil
        }
        var m = Fields(map)
        let version = int(m.take("format_version"), "format_version", required: true)
        if let version, version != 1 {
            error("format_version \(version) is not supported (this kcsa reads format_version 1)",
                  at: m.node("format_version")?.mark)
        }
        let id = string(m.take("id"), "id", required: true) ?? ""
        if !id.isEmpty && !Self.isKebab(id) {
            error("id \"\(id)\" must be kebab-case (lower-case letters, digits and -)", at: m.node("id")?.mark)
        }
        let fileID = ((source.name as NSString).lastPathComponent as NSString).deletingPathExtension
        if !id.isEmpty && fileID != id && source.name.hasSuffix(".yaml") {
            error("id \"\(id)\" does not match the file name \(fileID).yaml", at: m.node("id")?.mark)
        }
        let kindNode = m.take("kind")
        let kindText = string(kindNode, "kind", required: true)
        let kind = kindText.flatMap(Lab.Kind.init(rawValue:))
        if let kindText, kind == nil {
            error("unknown kind \"\(kindText)\"; expected one of \(Lab.Kind.allCases.map(\.rawValue).joined(separator: ", "))", at: kindNode?.mark)
        }
        var lab = Lab(
            id: id, title: string(m.take("title"), "title", required: true) ?? "",
            topic: string(m.take("topic"), "topic", required: true) ?? "",
            task: string(m.take("task"), "task", required: true) ?? "",
            lesson: string(m.take("lesson"), "lesson", required: true) ?? "",
            hints: strings(m.take("hints"), "hints"), sources: strings(m.take("sources"), "sources"),
            starter: string(m.take("starter"), "starter") ?? "",
            reference: string(m.take("reference"), "reference", required: true) ?? "",
            path: source.name, spec: .predict(PredictSpec(policyText: nil, policy: nil, ask: [], requests: [])))
        let scenario = string(m.take("scenario"), "scenario")
        let duration = string(m.take("duration"), "duration") ?? "1h"
        let strict = bool(m.take("strict"), "strict") ?? false
        if lab.hints.isEmpty { error("a lab needs at least one hint", at: map.first?.key.mark) }
        if lab.sources.isEmpty { error("a lab needs at least one source", at: map.first?.key.mark) }
        if ClusterSim.Duration.microseconds(duration) == nil {
            error("duration \"\(duration)\" is not a duration (like 30m, 1h, 24h)", at: m.node("duration")?.mark)
        }
        switch kind {
        case .policy?, .fix?:
            let expectNode = m.node("expect")
            let expectations = expectations(m.take("expect"))
            let needsStream = expectations.contains {
                if case .request = $0.target { return false }
                return true
            }
            if scenario == nil && needsStream {
                error("a \(kind!.rawValue) lab with `match:` or `budget:` expectations needs `scenario:` (the request stream)",
                      at: expectNode?.mark)
            }
            if expectations.isEmpty { error("a \(kind!.rawValue) lab needs `expect:` entries", at: root.mark) }
            let p = PolicyLabSpec(scenario: scenario, duration: duration, strict: strict, expectations: expectations)
            lab.spec = kind == .fix ? .fix(p) : .policy(p)
        case .query?:
            if scenario == nil { error("a query lab needs `scenario:`", at: root.mark) }
            let policy = string(m.take("policy"), "policy", required: true) ?? ""
            let seedNode = m.take("seeds")
            var seeds = ints(seedNode, "seeds").map { UInt64(max(0, $0)) }
            if seedNode == nil { seeds = [1, 2, 3] }
            if seeds.isEmpty { error("`seeds:` needs at least one seed", at: seedNode?.mark) }
            let cmpNode = m.take("compare")
            let cmpText = string(cmpNode, "compare") ?? "ordered"
            let cmp = QuerySpec.Comparison(rawValue: cmpText)
            if cmp == nil { error("compare must be ordered or multiset, not \"\(cmpText)\"", at: cmpNode?.mark) }
            lab.spec = .query(QuerySpec(scenario: scenario ?? "", duration: duration, policy: policy, seeds: seeds, slurp: bool(m.take("slurp"), "slurp") ?? false,
                                  compare: cmp ?? .ordered))
        case .predict?:
            lab.spec = .predict(predictSpec(&m, at: root.mark))
        case .netpol?, .netpolPredict?:
            var d = NetPolSpecDecoder(source: source)
            lab.spec = d.decode(kind!, take: { m.take($0) }, at: root.mark)
            diagnostics += d.diagnostics
        case nil:
            break
        }
        unknownKeys(m, allowed: ["format_version", "id", "title", "kind", "topic", "task", "lesson", "hints", "sources",
                                 "starter", "reference", "scenario", "duration", "strict", "expect", "policy", "seeds",
                                 "slurp", "compare", "policy_text", "ask", "requests"] + NetPolSpecDecoder.keys,
                    context: kindText.map { " for a \($0) lab" } ?? "")
        return lab
    }

    private mutating func predictSpec(_ m: inout Fields, at mark: Mark?) -> PredictSpec {
        let policyText = string(m.take("policy_text"), "policy_text")
        let policy = string(m.take("policy"), "policy")
        if (policyText == nil) == (policy == nil) {
            error("a predict lab needs exactly one of `policy_text:` (inline) or `policy:` (a Labs/policies id)", at: mark)
        }
        let askNode = m.take("ask")
        var ask: [PredictSpec.Fact] = []
        for s in strings(askNode, "ask") {
            if let f = PredictSpec.Fact(rawValue: s) { ask.append(f) } else {
                error("unknown fact \"\(s)\" in ask; expected level, stages, requestObject or responseObject", at: askNode?.mark)
            }
        }
        if askNode == nil { ask = [.level] }
        var items: [PredictSpec.Item] = []
        let reqNode = m.take("requests")
        for node in sequence(reqNode, "requests") {
            guard let map = node.mapping else { error("each request needs `id:` and `request:`", at: node.mark); continue }
            var f = Fields(map)
            let id = string(f.take("id"), "id", required: true, at: node.mark) ?? ""
            if items.contains(where: { $0.id == id }) { error("request id \"\(id)\" is used twice", at: node.mark) }
            if let r = requestSpec(f.take("request"), at: node.mark) { items.append(.init(id: id, request: r)) }
            unknownKeys(f, allowed: ["id", "request"])
        }
        if items.isEmpty { error("a predict lab needs `requests:`", at: mark) }
        return PredictSpec(policyText: policyText, policy: policy, ask: ask, requests: items)
    }

    // MARK: - Expectations

    private mutating func expectations(_ node: Node?) -> [Expectation] {
        var out: [Expectation] = []
        for item in sequence(node, "expect") {
            guard let map = item.mapping else { error("each expectation is a mapping (name, match or request, level, ...)", at: item.mark); continue }
            var f = Fields(map)
            let name = string(f.take("name"), "name", required: true, at: item.mark) ?? ""
            let target: Expectation.Target
            let matchNode = f.take("match"), requestNode = f.take("request"), budgetNode = f.take("budget")
            switch (matchNode, requestNode, budgetNode) {
            case let (m?, nil, nil): target = .match(selector(m))
            case let (nil, r?, nil):
                guard let spec = requestSpec(r, at: item.mark) else { continue }
                target = .request(spec)
            case let (nil, nil, b?): target = .budget(budget(b))
            default:
                error("expectation \"\(name)\" needs exactly one of match, request or budget", at: item.mark)
                continue
            }
            let e = Expectation(name: name, target: target, level: level(f.take("level")), atLeast: level(f.take("at_least")),
                                atMost: level(f.take("at_most")), stages: f.node("stages") == nil ? nil : stages(f.take("stages")),
                                omits: stages(f.take("omits")))
            if case .budget = target {} else if e.level == nil && e.atLeast == nil && e.atMost == nil && e.stages == nil
                && e.omits.isEmpty {
                error("expectation \"\(name)\" states nothing (level, at_least, at_most, stages or omits)", at: item.mark)
            }
            unknownKeys(f, allowed: ["name", "match", "request", "budget", "level", "at_least", "at_most", "stages", "omits"])
            out.append(e)
        }
        return out
    }

    private mutating func selector(_ node: Node) -> RequestSelector {
        var s = RequestSelector()
        guard let map = node.mapping else { error("match: is a mapping (verb, resource, user, ...)", at: node.mark); return s }
        var f = Fields(map)
        s.verb = strings(f.take("verb"), "verb")
        s.resource = strings(f.take("resource"), "resource")
        s.group = strings(f.take("group"), "group")
        s.namespace = strings(f.take("namespace"), "namespace")
        s.user = strings(f.take("user"), "user")
        s.path = strings(f.take("path"), "path")
        s.status = ints(f.take("status"), "status")
        s.incident = strings(f.take("incident"), "incident")
        unknownKeys(f, allowed: ["verb", "resource", "group", "namespace", "user", "path", "status", "incident"])
        return s
    }

    private mutating func requestSpec(_ node: Node?, at mark: Mark?) -> RequestSpec? {
        guard let node, let map = node.mapping else {
            error("request: needs method and url (and user, groups)", at: node?.mark ?? mark)
            return nil
        }
        var f = Fields(map)
        let method = string(f.take("method"), "method", required: true, at: node.mark) ?? ""
        let url = string(f.take("url"), "url", required: true, at: node.mark) ?? ""
        let spec = RequestSpec(method: method, url: url, user: string(f.take("user"), "user"),
                               groups: strings(f.take("groups"), "groups"))
        unknownKeys(f, allowed: ["method", "url", "user", "groups"])
        if !method.isEmpty, !url.isEmpty {
            do { _ = try spec.info() } catch { self.error("request \(spec.summary): \(error)", at: node.mark) }
        }
        return spec
    }

    private mutating func budget(_ node: Node) -> Expectation.Budget {
        var b = Expectation.Budget()
        guard let map = node.mapping else { error("budget: is a mapping (events_per_second, bytes_per_day)", at: node.mark); return b }
        var f = Fields(map)
        if let n = f.take("events_per_second") {
            b.eventsPerSecond = n.float ?? n.int.map(Double.init)
            if b.eventsPerSecond == nil { error("events_per_second must be a number", at: n.mark) }
        }
        if let n = f.take("bytes_per_day") {
            b.bytesPerDay = n.string.flatMap(ByteSize.parse)
            if b.bytesPerDay == nil { error("bytes_per_day must be a size like 500MB or 2GB", at: n.mark) }
        }
        if b.eventsPerSecond == nil && b.bytesPerDay == nil { error("a budget needs events_per_second or bytes_per_day", at: node.mark) }
        unknownKeys(f, allowed: ["events_per_second", "bytes_per_day"])
        return b
    }

    private mutating func level(_ node: Node?) -> AuditLevel? {
        guard let node else { return nil }
        guard let s = node.string, let l = AuditLevel(rawValue: s) else {
            error("\"\(node.string ?? "")\" is not an audit level (None, Metadata, Request, RequestResponse)", at: node.mark)
            return nil
        }
        return l
    }

    private mutating func stages(_ node: Node?) -> [AuditStage] {
        strings(node, "stages").compactMap { s in
            if let stage = AuditStage(rawValue: s) { return stage }
            error("\"\(s)\" is not a stage (RequestReceived, ResponseStarted, ResponseComplete, Panic)", at: node?.mark)
            return nil
        }
    }

    // MARK: - Scalars

    private mutating func string(_ node: Node?, _ key: String, required: Bool = false, at mark: Mark? = nil) -> String? {
        guard let node else {
            if required { error("missing `\(key):`", at: mark) }
            return nil
        }
        guard let s = node.scalar?.string else { error("`\(key):` must be text", at: node.mark); return nil }
        return s
    }

    private mutating func int(_ node: Node?, _ key: String, required: Bool = false) -> Int? {
        guard let node else {
            if required { error("missing `\(key):`", at: nil) }
            return nil
        }
        guard let i = node.int else { error("`\(key):` must be a whole number", at: node.mark); return nil }
        return i
    }

    private mutating func bool(_ node: Node?, _ key: String) -> Bool? {
        guard let node else { return nil }
        guard let b = node.bool else { error("`\(key):` must be true or false", at: node.mark); return nil }
        return b
    }

    private mutating func sequence(_ node: Node?, _ key: String) -> [Node] {
        guard let node else { return [] }
        guard let seq = node.sequence else { error("`\(key):` must be a list", at: node.mark); return [] }
        return Array(seq)
    }

    /// One text or a list of texts.
    private mutating func strings(_ node: Node?, _ key: String) -> [String] {
        guard let node else { return [] }
        if let s = node.scalar?.string { return [s] }
        return sequence(node, key).compactMap { n in
            if let s = n.scalar?.string { return s }
            error("`\(key):` must hold text" + (n.mapping != nil
                ? ", but this entry reads as a mapping (a `: ` in plain text starts one): quote it or write it as a `|` block"
                : ""), at: n.mark)
            return nil
        }
    }

    private mutating func ints(_ node: Node?, _ key: String) -> [Int] {
        guard let node else { return [] }
        if let i = node.int { return [i] }
        return sequence(node, key).compactMap { n in
            if let i = n.int { return i }
            error("`\(key):` must hold whole numbers", at: n.mark)
            return nil
        }
    }

    private mutating func unknownKeys(_ f: Fields, allowed: [String], context: String = "") {
        for (key, node) in f.rest {
            let guess = DidYouMean.suggest(key, among: allowed).map { "; did you mean \($0)?" } ?? ""
            error("unknown key \"\(key)\"\(context)\(guess)", at: node.mark)
        }
    }

    private mutating func error(_ message: String, at mark: Mark?) {
        let span = mark.map { Span.at(source.offset(line: $0.line, column: $0.column)) }
        diagnostics.append(.error(message, at: span))
    }

    static func isKebab(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
            && !s.hasPrefix("-") && !s.hasSuffix("-")
    }

    private static func mark(of e: YamlError) -> Mark? {
        switch e {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): mark
        default: nil
        }
    }

    private static func describe(_ e: YamlError) -> String {
        switch e {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): problem
        default: "\(e)"
        }
    }
}

/// A mapping's entries by key, taken one at a time so the leftovers are the unknown keys.
private struct Fields {
    private var entries: [(String, Node)]

    init(_ map: Node.Mapping) {
        entries = map.map { ($0.key.string ?? "", $0.value) }
    }

    func node(_ key: String) -> Node? { entries.first { $0.0 == key }?.1 }

    mutating func take(_ key: String) -> Node? {
        guard let i = entries.firstIndex(where: { $0.0 == key }) else { return nil }
        return entries.remove(at: i).1
    }

    var rest: [(String, Node)] { entries }
}
