import ContentFormat
import Diagnostics
import Foundation

/// Reads a scenario file (`docs/SCENARIO_FORMAT.md`) with the content field reader, so
/// each problem names its line and column: wrong types, missing and unknown keys, ids
/// that are not kebab-case, a `start` that is not an ISO 8601 time, periods and
/// incident times that are not durations.
struct ScenarioDecoder {
    static let keys = "format_version, id, title, start, nodes, namespaces, namespace_labels, objects, actors, incidents"

    /// The scenario, or nil when any error was found; the diagnostics either way.
    static func decode(_ source: SourceFile) -> (Scenario?, [Diagnostic]) {
        var r = FieldReader(source: source)
        guard var root = r.document("a scenario", keys: keys) else { return (nil, r.diagnostics) }
        let version = r.formatVersion(&root)
        let id = r.id(&root, matchingFileName: true)
        let base = r.id(&root, "base", required: false)
        let title = r.string(&root, "title", required: true)
        let start = r.string(&root, "start", required: true)
        if let start, Duration.epochMicros(start) == nil {
            r.error("start \"\(start)\" is not an ISO 8601 UTC time", at: root.valueSpan("start"),
                    help: "write it like \"2026-03-02T09:00:00Z\" (quoted)")
        }
        let nodes = r.int(&root, "nodes", required: true)
        if let nodes, nodes > Scenario.maxNodes || nodes < 0 {
            r.error("nodes: \(nodes) is outside 0...\(Scenario.maxNodes), the cluster sizes kcsa simulates",
                    at: root.valueSpan("nodes"))
        }
        let namespaces = r.strings(&root, "namespaces", required: true)
        if let namespaces, namespaces.isEmpty, base == nil {
            // `{ns}` draws from this list; a scenario with a base may leave it empty to keep the base's.
            r.error("namespaces: the list is empty; a scenario without a base needs at least one namespace",
                    at: root.valueSpan("namespaces"), help: "write one, e.g. `namespaces: [default]`")
        }
        let namespaceLabels = labels(&root, &r)
        let objects = r.strings(&root, "objects")
        let actors = (r.sequence(&root, "actors", required: true) ?? []).compactMap { actor($0, &r) }
        let incidents = (r.sequence(&root, "incidents", required: true) ?? []).compactMap { incident($0, &r) }
        r.finish(root)
        guard !r.hasErrors, let version, let id, let title, let start, let nodes, let namespaces else {
            return (nil, r.diagnostics)
        }
        var scenario = Scenario(format_version: version, id: id, base: base, title: title, start: start, nodes: nodes,
                                namespaces: namespaces, namespace_labels: namespaceLabels, actors: actors,
                                incidents: incidents)
        scenario.objects = objects
        return (scenario, r.diagnostics)
    }

    /// `namespace_labels`: namespace name -> a mapping of label keys to string values.
    private static func labels(_ root: inout YAMLFields, _ r: inout FieldReader) -> [String: [String: String]]? {
        guard let all = r.mapping(&root, "namespace_labels") else { return nil }
        var out: [String: [String: String]] = [:]
        for pair in all.pairs {
            let path = all.fieldPath(pair.key)
            guard let labels = r.mapping(pair.value, path: path) else { continue }
            var values: [String: String] = [:]
            for label in labels.pairs {
                if let v = r.string(label.value, path: labels.fieldPath(label.key)) { values[label.key] = v }
            }
            out[pair.key] = values
        }
        return out
    }

    private static func actor(_ item: YAMLItem, _ r: inout FieldReader) -> Scenario.Actor? {
        guard var f = r.mapping(item.node, path: item.path) else { return nil }
        let name = r.string(&f, "name", required: true)
        let perNode = r.bool(&f, "per_node")
        let user = r.string(&f, "user")
        let groups = r.strings(&f, "groups")
        let agent = r.string(&f, "user_agent", required: true)
        let ip = r.string(&f, "source_ip", required: true)
        let requests = (r.sequence(&f, "requests", required: true) ?? []).compactMap { request($0, periodic: true, &r) }
        r.finish(f)
        guard let name, let agent, let ip else { return nil }
        return Scenario.Actor(name: name, per_node: perNode, user: user, groups: groups, user_agent: agent,
                              source_ip: ip, requests: requests)
    }

    private static func incident(_ item: YAMLItem, _ r: inout FieldReader) -> Scenario.Incident? {
        guard var f = r.mapping(item.node, path: item.path) else { return nil }
        let id = r.id(&f)
        let description = r.string(&f, "description", required: true)
        let at = r.string(&f, "at", required: true)
        if let at, case .failure(let problem) = Duration.parse(at) {
            r.error("`\(f.fieldPath("at"))`: \"\(at)\" " + describe(problem, "a duration (like 30s, 5m, 1h)"), at: f.valueSpan("at"))
        }
        let user = r.string(&f, "user")
        let groups = r.strings(&f, "groups")
        let agent = r.string(&f, "user_agent", required: true)
        let ip = r.string(&f, "source_ip", required: true)
        let requests = (r.sequence(&f, "requests", required: true) ?? []).compactMap { request($0, periodic: false, &r) }
        r.finish(f)
        guard let id, let description, let at, let agent, let ip else { return nil }
        return Scenario.Incident(id: id, description: description, at: at, user: user, groups: groups, user_agent: agent,
                                 source_ip: ip, requests: requests)
    }

    /// A request template; an actor's (`periodic`) needs a positive `every:` period.
    private static func request(_ item: YAMLItem, periodic: Bool, _ r: inout FieldReader) -> Scenario.RequestTemplate? {
        guard var f = r.mapping(item.node, path: item.path) else { return nil }
        let every = r.string(&f, "every", required: periodic)
        if let every, (Duration.microseconds(every) ?? 0) <= 0 {
            let problem = Duration.parse(every) == .failure(.tooLong) ? Duration.Problem.tooLong : .notADuration
            r.error("`\(f.fieldPath("every"))`: \"\(every)\" " + describe(problem, "a period (like 10s, 5m, 1h)"),
                    at: f.valueSpan("every"))
        }
        let method = r.string(&f, "method", required: true)
        let url = r.string(&f, "url", required: true)
        let status = r.int(&f, "status")
        if status == 403 {
            r.error("`\(f.fieldPath("status"))`: 403 is decided by the authorizer (the scenario's RBAC objects) and Pod Security admission",
                    at: f.valueSpan("status"), help: "remove `status:`; a request the authorizer refuses ends with 403")
        }
        let body = r.string(&f, "body")
        let impersonate = r.string(&f, "impersonate")
        r.finish(f)
        guard let method, let url else { return nil }
        return Scenario.RequestTemplate(every: every, method: method, url: url, status: status, body: body,
                                        impersonate: impersonate)
    }

    /// The end of a message about a duration that was not read: "is not ..." or "is longer than ...".
    private static func describe(_ problem: Duration.Problem, _ what: String) -> String {
        problem == .tooLong ? "is longer than the longest duration kcsa reads (\(Duration.maximumText))" : "is not " + what
    }
}
