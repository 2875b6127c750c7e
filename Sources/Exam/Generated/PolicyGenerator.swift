import ClusterSim
import KubeAudit
import Seeded

/// Builds small, sensible audit policies around one request: each rule is aimed either at
/// the request or at a near miss (the wrong subresource, group, name or namespace), so the
/// first-match question is worth thinking about. Which rule really matches is left to the
/// evaluator; the aims only shape the draw.
struct PolicyGenerator {
    var rng: SeededGenerator
    let request: RequestAttributes

    init(rng: SeededGenerator, request: RequestAttributes) {
        self.rng = rng
        self.request = request
    }

    /// `count` rules, then maybe a policy-wide `omitStages`.
    mutating func policy(rules count: Int) -> AuditPolicy {
        var rules: [PolicyRule] = []
        let catchAll = count > 1 && rng.chance(40)
        for _ in 0..<(catchAll ? count - 1 : count) {
            rules.append(rule())
        }
        if catchAll {
            var last = PolicyRule(level: rng.pick(["Metadata", "Metadata", "None", "Request"]))
            if rng.chance(40) { last.omitStages = ["RequestReceived"] }
            rules.append(last)
        }
        var policy = AuditPolicy(rules: rules)
        if rng.chance(25) { policy.omitStages = ["RequestReceived"] }
        return policy
    }

    private enum Feature: CaseIterable { case users, userGroups, verbs, resources, namespaces, nonResourceURLs }

    mutating func rule() -> PolicyRule {
        var rule = PolicyRule(level: rng.pick(AuditLevel.names))
        let aimed = rng.chance(50)
        var features = rng.some(Feature.allCases, count: rng.int(in: 1...3))
        // Rules that cannot apply to this kind of request at all are kept rare: they teach one
        // thing (resource rules never match /healthz and the other way round), quickly.
        if request.resourceRequest, let i = features.firstIndex(of: .nonResourceURLs), rng.chance(70) {
            features[i] = .resources
        }
        if !request.resourceRequest, rng.chance(60) {
            features = features.map { $0 == .resources || $0 == .namespaces ? .nonResourceURLs : $0 }
        }
        features = features.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        if features.contains(.nonResourceURLs) {
            features.removeAll { $0 == .resources || $0 == .namespaces }
        }
        // In a near miss, one condition misses and the others match.
        let missing = aimed ? nil : rng.index(below: features.count)
        for (i, f) in features.enumerated() {
            let hit = i != missing
            switch f {
            case .users: rule.users = users(hit)
            case .userGroups: rule.userGroups = groups(hit)
            case .verbs: rule.verbs = verbs(hit)
            case .resources: rule.resources = [resources(hit)]
            case .namespaces: rule.namespaces = namespaces(hit)
            case .nonResourceURLs: rule.nonResourceURLs = urls(hit)
            }
        }
        if rng.chance(20) {
            rule.omitStages = rng.some(["RequestReceived", "ResponseStarted", "ResponseComplete"], count: rng.int(in: 1...2))
                .sorted { AuditStage.names.firstIndex(of: $0)! < AuditStage.names.firstIndex(of: $1)! }
        }
        return rule
    }

    private mutating func withOther(_ value: String, _ pool: [String]) -> [String] {
        guard rng.chance(40), let other = rng.some(pool, count: 1, where: { $0 != value }).first else { return [value] }
        return rng.chance(50) ? [value, other] : [other, value]
    }

    private mutating func users(_ hit: Bool) -> [String] {
        let name = request.user?.username ?? ""
        if hit, request.user != nil { return withOther(name, SampleCatalogue.usernames) }
        return rng.some(SampleCatalogue.usernames, count: rng.int(in: 1...2)) { $0 != name }
    }

    private mutating func groups(_ hit: Bool) -> [String] {
        let mine = request.user?.groups ?? []
        if hit, !mine.isEmpty { return withOther(rng.pick(mine), SampleCatalogue.groups) }
        return rng.some(SampleCatalogue.groups, count: rng.int(in: 1...2)) { !mine.contains($0) }
    }

    private mutating func verbs(_ hit: Bool) -> [String] {
        if hit { return withOther(request.verb, SampleCatalogue.verbs) }
        return rng.some(SampleCatalogue.verbs, count: rng.int(in: 1...3)) { $0 != self.request.verb }
    }

    private mutating func namespaces(_ hit: Bool) -> [String] {
        if hit, !request.namespace.isEmpty { return withOther(request.namespace, SampleCatalogue.namespaces) }
        return rng.some(SampleCatalogue.namespaces, count: rng.int(in: 1...2)) { $0 != self.request.namespace }
    }

    private mutating func resources(_ hit: Bool) -> GroupResources {
        let a = request
        guard a.resourceRequest else {
            let (g, r) = rng.pick(SampleCatalogue.resources)
            return GroupResources(group: g, resources: [r])
        }
        if hit {
            var names: [String] = []
            if !a.name.isEmpty && rng.chance(30) { names = [a.name] }
            let forms = a.subresource.isEmpty
                ? [a.resource, a.resource, a.resource + "/*"]
                : [a.resource + "/" + a.subresource, a.resource + "/*", "*/" + a.subresource]
            var list = [rng.pick(forms)]
            if rng.chance(30), let other = rng.some(SampleCatalogue.resources, count: 1, where: { $0.0 == a.apiGroup && $0.1 != a.resource }).first {
                list.append(other.1)
            }
            return GroupResources(group: a.apiGroup, resources: list, resourceNames: names)
        }
        switch rng.index(below: 4) {
        case 0 where !a.subresource.isEmpty:
            // The classic miss: `pods` does not cover `pods/exec`.
            return GroupResources(group: a.apiGroup, resources: [a.resource])
        case 1:
            // The right resource in the wrong group.
            let group = a.apiGroup.isEmpty ? rng.pick(["apps", "batch"]) : ""
            return GroupResources(group: group, resources: [a.combinedResource])
        case 2:
            // Only some names; list, watch and create requests carry no name at all.
            let names = rng.some(SampleCatalogue.resourceNames, count: 1) { $0 != a.name }
            return GroupResources(group: a.apiGroup, resources: [a.combinedResource], resourceNames: names)
        default:
            let others = rng.some(SampleCatalogue.resources, count: rng.int(in: 1...2)) { $0.1 != a.combinedResource }
            return GroupResources(group: others[0].0, resources: others.filter { $0.0 == others[0].0 }.map(\.1))
        }
    }

    private mutating func urls(_ hit: Bool) -> [String] {
        let path = request.path
        if hit, !request.resourceRequest {
            return [rng.chance(50) ? path : path + "*"]
        }
        return rng.some(SampleCatalogue.nonResourceURLs, count: rng.int(in: 1...2)) { u in
            u.hasSuffix("*") ? !path.hasPrefix(String(u.dropLast())) : u != path
        }
    }
}
