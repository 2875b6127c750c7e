import ContentFormat
import Diagnostics

/// The content check's authorization pass over a scenario file: a request that declares
/// a `status:` (other than 401) must be one the cluster allows, since a refused request
/// ends with the authorizer's 403 whatever the file says. Incidents are replayed in time
/// order, so a binding an earlier incident created counts for the later ones; actors'
/// requests are checked against the cluster as it starts, once per namespace for `{ns}`.
enum ScenarioAuthorizationCheck {
    /// One problem per contradicting request of the file's own actors and incidents.
    static func problems(_ s: Scenario, source: SourceFile) -> [ContentProblem] {
        guard let root = try? YAMLReader.read(source), let fields = YAMLFields(root, path: "") else { return [] }
        let ownActors = Self.items(fields.peek("actors"))
        let ownIncidents = Self.items(fields.peek("incidents"))
        var problems: [ContentProblem] = []
        let initial = ClusterState(s.cluster)
        guard let generator = try? TrafficGenerator(scenario: s, seed: 1, duration: Int64.max / 4) else { return [] }
        // Background actors: the file's own are the last ones (a base's come first).
        for (a, actor) in s.actors.suffix(ownActors.count).enumerated() {
            for (t, template) in actor.requests.enumerated() where template.status != nil {
                let namespaces = template.url.contains("{ns}") ? s.namespaces : [""]
                for ns in namespaces {
                    var filled = template
                    filled.url = template.url.replacingOccurrences(of: "{ns}", with: ns)
                    let r = generator.representative(filled, actor: actor, at: generator.start)
                    if let refusal = refusal(r, initial) {
                        problems.append(problem(source, ownActors[a], "actors[\(a)].requests[\(t)]", t, refusal))
                        break
                    }
                }
            }
        }
        // Incidents, replayed in time order against the changing cluster.
        var state = initial
        var requests = (try? generator.incidentRequests()) ?? []
        var position: [String: Int] = [:]
        var indexed: [(SimRequest, Int, Int)] = []
        for r in requests {
            guard let id = r.incident, let i = s.incidents.firstIndex(where: { $0.id == id }) else { continue }
            let j = position[id, default: 0]
            position[id] = j + 1
            indexed.append((r, i, j))
        }
        indexed.sort { $0.0.time < $1.0.time }
        requests = []
        for (r, i, j) in indexed {
            let declared = s.incidents[i].requests[j].status
            let (refused, change) = outcome(r, state)
            if let refused, declared != nil, i < ownIncidents.count {
                problems.append(problem(source, ownIncidents[i], "incidents[\(i)].requests[\(j)]", j, refused))
            }
            if refused == nil, let change, declared.map({ (200..<300).contains($0) }) ?? true { state.apply(change) }
        }
        return problems
    }

    private static func items(_ node: YAMLNode?) -> [YAMLNode] {
        if case .sequence(let items, _)? = node { return items }
        return []
    }

    private static func refusal(_ r: SimRequest, _ state: ClusterState) -> String? { outcome(r, state).0 }

    private static func outcome(_ r: SimRequest, _ state: ClusterState) -> (String?, ClusterState.StateChange?) {
        ClusterReplay.outcome(r, state)
    }

    private static func problem(_ source: SourceFile, _ owner: YAMLNode, _ path: String, _ index: Int,
                                _ message: String) -> ContentProblem {
        var span: Span?
        if let owner = YAMLFields(owner, path: ""), case .sequence(let templates, _)? = owner.peek("requests"),
           index < templates.count, let t = YAMLFields(templates[index], path: "") {
            span = t.valueSpan("status")
        }
        return ContentProblem(file: source, diagnostic: .error(
            "`\(path).status` says the request succeeds, but the cluster refuses it: \(message)", at: span,
            help: "grant the access in the scenario's RBAC objects (`objects:`), or remove `status:` to let the authorizer decide",
            code: "scenario-authorization"))
    }
}
