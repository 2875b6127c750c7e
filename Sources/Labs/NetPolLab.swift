import NetworkPolicy

/// The cluster a NetworkPolicy lab is about: namespaces, pods (labels, IPs, named ports)
/// and the NetworkPolicies already in force, as Kubernetes YAML in lab files
/// (`Labs/netpol/<path>`) and/or inline.
public struct NetPolCluster: Sendable {
    /// Paths under `Labs/netpol/`, read in order.
    public var files: [String]
    /// Objects written in the lab file itself (`cluster_text:`).
    public var text: String?

    public init(files: [String], text: String?) {
        self.files = files
        self.text = text
    }
}

/// One connection a lab talks about: from a pod (`ns/name`) or an address outside the
/// cluster, to a pod or an address, on a port and protocol.
public struct ConnectionSpec: Sendable, Equatable {
    public var from: String
    public var to: String
    public var port: Int
    public var `protocol`: PortProtocol
    /// What the connection is for (`the storefront calls the API`); optional.
    public var name: String?

    public init(from: String, to: String, port: Int, protocol proto: PortProtocol = .tcp, name: String? = nil) {
        self.from = from
        self.to = to
        self.port = port
        self.protocol = proto
        self.name = name
    }

    /// `shop/web -> shop/api 8080/TCP`.
    public var summary: String { "\(from) -> \(to) \(port)/\(`protocol`.rawValue)" }
}

/// A `netpol` lab: the learner's NetworkPolicies are added to the cluster's; every
/// connection of `mustReach` must then be allowed and every one of `mustNotReach` blocked.
public struct NetPolLabSpec: Sendable {
    public var cluster: NetPolCluster
    public var mustReach: [ConnectionSpec]
    public var mustNotReach: [ConnectionSpec]
}

/// A `netpol-predict` lab: the learner states what the cluster's policies (after deleting
/// `deleted`, if any) allow, as a truth table for one port or as verdicts on connections.
public struct NetPolPredictSpec: Sendable {
    /// The rows and columns of a predicted truth table.
    public struct Table: Sendable {
        public var port: Int
        public var `protocol`: PortProtocol
        /// The pods of the table, in order (empty: every pod of the cluster, in file order).
        public var pods: [String]
    }

    /// A connection the learner gives a verdict on, by id.
    public struct Item: Sendable {
        public var id: String
        public var connection: ConnectionSpec
    }

    public enum Question: Sendable {
        case table(Table)
        case connections([Item])
    }

    public var cluster: NetPolCluster
    /// Policies (`ns/name`) of the cluster to delete before predicting. With a list of
    /// connections the verdicts are then `opened`, `closed` or `unchanged`.
    public var deleted: [String]
    public var question: Question
}

/// Why a connection is allowed or blocked, as the engine explains it, with the lines of
/// the rules it names: what a NetworkPolicy finding carries (Finding.traffic).
public struct TrafficEvidence: Sendable, Equatable {
    /// A rule of a policy, where it is written.
    public struct RuleAt: Sendable, Equatable {
        public var policy: String
        /// `spec.ingress[0]`.
        public var path: String
        /// `from[1]`, `to[0]`; nil when the rule has no peers (every peer).
        public var peer: String?
        /// `ports[0]`; nil when the rule has no ports (every port).
        public var port: String?
        /// The line of the rule in its file, and whether that file is the learner's answer.
        public var line: Int?
        public var inAnswer: Bool
        /// The lab file the rule is in, when it is not the answer.
        public var file: String?
    }

    /// One direction: egress at the source or ingress at the destination.
    public struct Side: Sendable, Equatable {
        /// `egress` or `ingress`.
        public var direction: String
        public var pod: String
        /// The policies of this direction selecting the pod (none: not isolated).
        public var policies: [String]
        public var allowed: Bool
        /// The first rule that allows, or when blocked the nearest rule.
        public var rule: RuleAt?
        /// What the nearest rule lacks, in the engine's words.
        public var lacks: [String]
    }

    public var from: String
    public var to: String
    public var allowed: Bool
    /// A pod reaching itself (never filtered).
    public var loopback: Bool
    /// nil when that end is outside the cluster.
    public var egress: Side?
    public var ingress: Side?
    /// The verdict before the lab's deletions (predict labs with `deleted:`), and why.
    public var before: [TrafficEvidence]
}
