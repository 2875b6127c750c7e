/// One end of a connection: a pod of the model, or an address outside the cluster.
public enum Endpoint: Sendable, Equatable, CustomStringConvertible {
    case pod(Int)
    case external(IPAddress)

    public var description: String {
        switch self {
        case .pod(let i): "pod #\(i)"
        case .external(let ip): ip.description
        }
    }
}

/// A rule of a policy, and which peer and port of it matched (nil: the rule has none, so any).
public struct RuleRef: Sendable, Equatable {
    public var policy: String
    public var direction: PolicyType
    public var rule: Int
    public var peer: Int?
    public var port: Int?

    public init(policy: String, direction: PolicyType, rule: Int, peer: Int? = nil, port: Int? = nil) {
        self.policy = policy
        self.direction = direction
        self.rule = rule
        self.peer = peer
        self.port = port
    }

    /// `spec.ingress[0]`.
    public var path: String { "spec.\(direction == .ingress ? "ingress" : "egress")[\(rule)]" }
}

/// The rule that came closest to allowing a blocked connection, and what it lacks.
public struct NearMiss: Sendable, Equatable {
    public var rule: RuleRef
    public var lacks: [String]
}

/// The verdict of one direction (egress at the source, ingress at the destination).
public struct DirectionReport: Sendable, Equatable {
    public var direction: PolicyType
    /// `ns/name` of the pod whose policies apply.
    public var pod: String
    /// Policies of this direction selecting the pod, in the order given; none means not isolated.
    public var selectingPolicies: [String]
    public var allowed: Bool
    /// The first rule that allows the connection.
    public var allowedBy: RuleRef?
    /// When blocked: the closest rule (nil when the selecting policies have no rules at all).
    public var nearest: NearMiss?

    public var isolated: Bool { !selectingPolicies.isEmpty }
}

/// The verdict for one connection with its explanation. Traffic needs egress allowed at the
/// source and ingress allowed at the destination; a pod can always reach itself.
public struct Connection: Sendable, Equatable {
    public var from: String
    public var to: String
    public var port: Int
    public var `protocol`: PortProtocol
    public var allowed: Bool
    public var loopback: Bool
    /// nil when the source is outside the cluster (no egress policy applies to it).
    public var egress: DirectionReport?
    /// nil when the destination is outside the cluster.
    public var ingress: DirectionReport?
}

extension ClusterModel {
    /// `ns/name` of a pod, or an IP address (which stands for a peer outside the cluster).
    public func endpoint(_ text: String) -> Endpoint? {
        if let i = podIndex[text] { return .pod(i) }
        if let ip = IPAddress(text) { return .external(ip) }
        return nil
    }

    public func name(of e: Endpoint) -> String {
        switch e {
        case .pod(let i): pods[i].id
        case .external(let ip): ip.description
        }
    }

    /// Whether `from` may open a connection to `to` on `port`/`proto` (the verdict of
    /// `connection(...)` without building its explanation).
    public func allows(from: Endpoint, to: Endpoint, port: Int, protocol proto: PortProtocol) -> Bool {
        if from == to, case .pod = from { return true }
        let destination: Pod? = if case .pod(let d) = to { pods[d] } else { nil }
        if case .pod(let s) = from, !directionAllows(.egress, pod: s, peer: to, port, proto, destination) { return false }
        if case .pod(let d) = to, !directionAllows(.ingress, pod: d, peer: from, port, proto, destination) { return false }
        return true
    }

    /// Not isolated in this direction, or some rule of a selecting policy matches peer and port.
    func directionAllows(_ direction: PolicyType, pod: Int, peer: Endpoint, _ port: Int, _ proto: PortProtocol,
                         _ destination: Pod?) -> Bool {
        var isolated = false
        for policy in compiled where policy.selected[pod] {
            guard let rules = direction == .ingress ? policy.ingress : policy.egress else { continue }
            isolated = true
            for rule in rules where rule.portMatches(port, proto, destination: destination) {
                switch peer {
                case .pod(let i): if rule.peerPods[i] { return true }
                case .external(let ip): if rule.anyPeer || rule.peers.contains(where: { $0.matches(ip: ip) }) { return true }
                }
            }
        }
        return !isolated
    }

    /// The verdict and its reasons: the policies selecting each end, the rule that allowed
    /// each direction or, when blocked, the nearest rule and what it lacks.
    public func connection(from: Endpoint, to: Endpoint, port: Int, protocol proto: PortProtocol) -> Connection {
        var c = Connection(from: name(of: from), to: name(of: to), port: port, protocol: proto,
                           allowed: true, loopback: false, egress: nil, ingress: nil)
        if from == to, case .pod = from {
            c.loopback = true
            return c
        }
        if case .pod(let s) = from {
            c.egress = report(.egress, pod: s, peer: to, port: port, proto: proto, destination: to)
        }
        if case .pod(let d) = to {
            c.ingress = report(.ingress, pod: d, peer: from, port: port, proto: proto, destination: to)
        }
        c.allowed = (c.egress?.allowed ?? true) && (c.ingress?.allowed ?? true)
        return c
    }

    func report(_ direction: PolicyType, pod: Int, peer: Endpoint, port: Int, proto: PortProtocol,
                destination: Endpoint) -> DirectionReport {
        var r = DirectionReport(direction: direction, pod: pods[pod].id, selectingPolicies: [], allowed: true)
        let destPod: Pod? = if case .pod(let d) = destination { pods[d] } else { nil }
        var candidates: [(RuleRef, CompiledRule, NetworkPolicy)] = []
        // Rule order: policies in the order given, rules in the order written.
        for (pi, policy) in compiled.enumerated() where policy.selected[pod] {
            guard let rules = direction == .ingress ? policy.ingress : policy.egress else { continue }
            r.selectingPolicies.append(policies[pi].id)
            for (ri, rule) in rules.enumerated() {
                let ref = RuleRef(policy: policies[pi].id, direction: direction, rule: ri)
                candidates.append((ref, rule, policies[pi]))
            }
        }
        guard r.isolated else { return r }
        for (ref, rule, _) in candidates {
            guard let peerIndex = matchingPeer(rule, peer), let portIndex = matchingPort(rule, port, proto, destPod) else { continue }
            r.allowedBy = RuleRef(policy: ref.policy, direction: direction, rule: ref.rule,
                                  peer: peerIndex < 0 ? nil : peerIndex, port: portIndex < 0 ? nil : portIndex)
            return r
        }
        r.allowed = false
        var best: NearMiss?
        for (ref, rule, policy) in candidates {
            let raw = (direction == .ingress ? policy.ingress : policy.egress)[ref.rule]
            let lacks = Explainer(model: self).lacks(raw, rule, ref: ref, policy: policy, peer: peer, port: port,
                                                      proto: proto, destination: destPod)
            if best == nil || lacks.count < best!.lacks.count { best = NearMiss(rule: ref, lacks: lacks) }
        }
        r.nearest = best
        return r
    }

    /// The first matching peer; -1 when the rule has no peers (so every peer matches); nil for none.
    func matchingPeer(_ rule: CompiledRule, _ peer: Endpoint) -> Int? {
        if rule.anyPeer { return -1 }
        switch peer {
        case .pod(let i):
            guard rule.peerPods[i] else { return nil }
            let pod = pods[i]
            let nsLabels = namespaceLabels(pod.namespace)
            return rule.peers.firstIndex { $0.matches(pod: pod, namespaceMatches: $0.matchesNamespace(pod.namespace, labels: nsLabels)) }
        case .external(let ip):
            return rule.peers.firstIndex { $0.matches(ip: ip) }
        }
    }

    /// The first matching port; -1 when the rule has no ports; nil for none.
    func matchingPort(_ rule: CompiledRule, _ port: Int, _ proto: PortProtocol, _ destination: Pod?) -> Int? {
        if rule.anyPort { return -1 }
        return rule.ports.firstIndex { $0.matches(port, proto, destination: destination) }
    }
}
