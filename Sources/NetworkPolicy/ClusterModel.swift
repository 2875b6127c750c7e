import Diagnostics

/// Why a set of objects cannot be evaluated: every problem found, each with its place.
public struct ClusterError: Error, Sendable, Equatable {
    public var problems: [Problem]
    public init(_ problems: [Problem]) { self.problems = problems }
}

/// Namespaces, pods and NetworkPolicies, checked and compiled once: each policy's selected
/// pods and each rule's peers are bitsets over the pods, so a whole truth table is a few
/// word-wide ORs per selected pod. Build it once, then ask `connection(...)` or `truthTable(...)`.
public struct ClusterModel: Sendable {
    public let namespaces: [Namespace]
    /// Pods in the order given: truth tables use this order for rows and columns.
    public let pods: [Pod]
    public let policies: [NetworkPolicy]
    let namespaceIndex: [String: Int]
    let podIndex: [String: Int]
    let compiled: [CompiledPolicy]
    /// For each distinct port name, the pods declaring it: (pod, containerPort, protocol).
    let namedPorts: [String: [(pod: Int, port: Int, proto: PortProtocol)]]

    /// Checks the objects (validation with kube-apiserver's wording, namespaces that exist,
    /// unique names) and compiles the policies.
    public init(namespaces: [Namespace], pods: [Pod], policies: [NetworkPolicy]) throws(ClusterError) {
        let (nsIndex, pIndex, problems) = Self.check(namespaces, pods, policies)
        if !problems.isEmpty { throw ClusterError(problems) }
        self.namespaces = namespaces
        self.pods = pods
        self.policies = policies
        namespaceIndex = nsIndex
        podIndex = pIndex
        var named: [String: [(pod: Int, port: Int, proto: PortProtocol)]] = [:]
        for (i, pod) in pods.enumerated() {
            for p in pod.ports { if let n = p.name { named[n, default: []].append((i, p.port, p.protocol)) } }
        }
        namedPorts = named
        var compiled: [CompiledPolicy] = []
        var selectorProblems: [Problem] = []
        for policy in policies {
            do {
                compiled.append(try CompiledPolicy(policy, in: namespaces, pods: pods, namespaceIndex: nsIndex))
            } catch {
                // Validation rejects what LabelSelectorAsSelector would; kept for callers that skip it.
                selectorProblems.append(Problem(file: policy.origin?.file, .error(error.message, at: policy.origin?.span, code: "selector")))
            }
        }
        if !selectorProblems.isEmpty { throw ClusterError(selectorProblems) }
        self.compiled = compiled
    }

    /// Indices by name, and every problem: duplicates, missing namespaces, invalid policies.
    static func check(_ namespaces: [Namespace], _ pods: [Pod], _ policies: [NetworkPolicy])
        -> (namespaces: [String: Int], pods: [String: Int], problems: [Problem]) {
        var problems: [Problem] = []
        func duplicate(_ what: String, _ origin: ObjectOrigin?) {
            problems.append(Problem(file: origin?.file, .error("\(what) is defined twice", at: origin?.span(of: "metadata.name"),
                                                               code: "duplicate")))
        }
        var nsIndex: [String: Int] = [:]
        for (i, ns) in namespaces.enumerated() {
            if nsIndex[ns.name] != nil { duplicate("Namespace \(ns.name)", ns.origin) } else { nsIndex[ns.name] = i }
        }
        var pIndex: [String: Int] = [:]
        for (i, pod) in pods.enumerated() {
            if nsIndex[pod.namespace] == nil {
                problems.append(missingNamespace(pod.namespace, origin: pod.origin, what: "pod \(pod.id)"))
            }
            if pIndex[pod.id] != nil { duplicate("pod \(pod.id)", pod.origin) } else { pIndex[pod.id] = i }
        }
        var seenPolicies: Set<String> = []
        for policy in policies {
            problems += PolicyValidation.validate(policy).map { Problem($0, in: policy.origin) }
            if nsIndex[policy.namespace] == nil {
                problems.append(missingNamespace(policy.namespace, origin: policy.origin, what: "NetworkPolicy \(policy.id)"))
            }
            if !seenPolicies.insert(policy.id).inserted { duplicate("NetworkPolicy \(policy.id)", policy.origin) }
        }
        return (nsIndex, pIndex, problems)
    }

    /// `namespaces "prod" not found`, as kube-apiserver refuses an object in a missing namespace.
    static func missingNamespace(_ ns: String, origin: ObjectOrigin?, what: String) -> Problem {
        Problem(file: origin?.file, .error("namespaces \"\(ns)\" not found", at: origin?.span(of: "metadata.namespace"),
                                           label: "\(what) is in this namespace",
                                           help: "add a Namespace object named \(ns) to --objects", code: "namespace-not-found"))
    }

    /// The index of a pod given as `ns/name`.
    public func podIndex(_ id: String) -> Int? { podIndex[id] }

    /// The order of truth tables: `ns/name` of every pod.
    public var order: [String] { pods.map(\.id) }

    func namespaceLabels(_ name: String) -> Labels {
        namespaceIndex[name].map { namespaces[$0].labels } ?? [:]
    }
}

/// A policy compiled against the cluster: which pods it selects, and per rule which pods its
/// peers match (nil rules for a direction the policy does not affect).
struct CompiledPolicy: Sendable {
    let selected: Bitset
    let ingress: [CompiledRule]?
    let egress: [CompiledRule]?

    init(_ policy: NetworkPolicy, in namespaces: [Namespace], pods: [Pod], namespaceIndex: [String: Int]) throws(SelectorError) {
        let podSelector = try policy.podSelector.compiled()
        var selected = Bitset(count: pods.count)
        for (i, pod) in pods.enumerated() where pod.namespace == policy.namespace && podSelector.matches(pod.labels) {
            selected[i] = true
        }
        self.selected = selected
        func rules(_ rs: [PolicyRule]) throws(SelectorError) -> [CompiledRule] {
            var out: [CompiledRule] = []
            for r in rs { out.append(try CompiledRule(r, policyNamespace: policy.namespace, namespaces: namespaces, pods: pods)) }
            return out
        }
        ingress = policy.affectsIngress ? try rules(policy.ingress) : nil
        egress = policy.affectsEgress ? try rules(policy.egress) : nil
    }
}

/// A rule with its peers as a pod bitset (plus IP blocks for peers outside the cluster).
struct CompiledRule: Sendable {
    let anyPeer: Bool
    let peerPods: Bitset
    let peers: [CompiledPeer]
    let ports: [CompiledPort]

    var anyPort: Bool { ports.isEmpty }
    var hasNamedPort: Bool { ports.contains { if case .named = $0.kind { true } else { false } } }

    init(_ rule: PolicyRule, policyNamespace: String, namespaces: [Namespace], pods: [Pod]) throws(SelectorError) {
        anyPeer = rule.peers.isEmpty
        var union = Bitset(count: pods.count)
        var peers: [CompiledPeer] = []
        for p in rule.peers {
            let peer = try CompiledPeer(p, policyNamespace: policyNamespace)
            var nsMatch: [String: Bool] = [:]
            for ns in namespaces { nsMatch[ns.name] = peer.matchesNamespace(ns.name, labels: ns.labels) }
            for (i, pod) in pods.enumerated() where !union[i] {
                if peer.matches(pod: pod, namespaceMatches: nsMatch[pod.namespace] ?? false) { union[i] = true }
            }
            peers.append(peer)
        }
        peerPods = anyPeer ? Bitset(count: pods.count, all: true) : union
        self.peers = peers
        ports = rule.ports.map(CompiledPort.init)
    }

    /// Whether some port of the rule admits `port`/`proto` on `destination` (named ports
    /// resolve on the destination pod; outside the cluster they resolve to nothing).
    func portMatches(_ port: Int, _ proto: PortProtocol, destination: Pod?) -> Bool {
        anyPort || ports.contains { $0.matches(port, proto, destination: destination) }
    }
}

/// A peer ready to match: selectors compiled, CIDRs parsed.
struct CompiledPeer: Sendable {
    enum Kind: Sendable {
        /// Pods in namespaces matching `namespaces` (nil: the policy's own namespace) whose labels match `pods`.
        case selectors(pods: Selector, namespaces: Selector?)
        case ipBlock(CIDR, except: [CIDR])
    }

    let kind: Kind
    let policyNamespace: String

    init(_ peer: Peer, policyNamespace: String) throws(SelectorError) {
        self.policyNamespace = policyNamespace
        if let block = peer.ipBlock, let cidr = CIDR(block.cidr) {
            kind = .ipBlock(cidr, except: block.except.compactMap(CIDR.init))
        } else {
            // A missing podSelector beside a namespaceSelector means every pod there.
            let pods: Selector = peer.podSelector == nil ? .everything : try peer.podSelector.compiled()
            kind = .selectors(pods: pods, namespaces: peer.namespaceSelector == nil ? nil : try peer.namespaceSelector.compiled())
        }
    }

    func matchesNamespace(_ name: String, labels: Labels) -> Bool {
        guard case .selectors(_, let nsSelector) = kind else { return true }
        guard let nsSelector else { return name == policyNamespace }
        return nsSelector.matches(labels)
    }

    func matches(pod: Pod, namespaceMatches: Bool) -> Bool {
        switch kind {
        case .selectors(let podSelector, _): namespaceMatches && podSelector.matches(pod.labels)
        case .ipBlock: matches(ip: pod.ip)
        }
    }

    /// An address outside the cluster matches only IP blocks.
    func matches(ip: IPAddress) -> Bool {
        guard case .ipBlock(let cidr, let except) = kind else { return false }
        return cidr.contains(ip) && !except.contains { $0.contains(ip) }
    }
}

/// A rule's port after defaulting: a protocol and every port, a range, or a name.
struct CompiledPort: Sendable {
    enum Kind: Sendable {
        case all
        case range(Int, Int)
        case named(String)
    }

    let proto: PortProtocol
    let kind: Kind

    init(_ p: PolicyPort) {
        proto = p.protocol ?? .tcp
        switch p.port {
        case nil: kind = .all
        case .number(let n)?: kind = .range(n, p.endPort ?? n)
        case .name(let s)?: kind = .named(s)
        }
    }

    func matches(_ port: Int, _ proto: PortProtocol, destination: Pod?) -> Bool {
        guard proto == self.proto else { return false }
        switch kind {
        case .all: return true
        case .range(let lo, let hi): return lo <= port && port <= hi
        case .named(let name):
            return destination?.ports.contains { $0.name == name && $0.protocol == proto && $0.port == port } ?? false
        }
    }
}
