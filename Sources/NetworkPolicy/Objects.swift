import Diagnostics

/// Where an object came from: the file's name and the span of the object's document,
/// plus the spans of its fields by path (`spec.ingress[0].ports[0].endPort`), so that an
/// error can point at the field it names.
public struct ObjectOrigin: Sendable, Equatable {
    public var file: String
    public var span: Span
    public var fieldSpans: [String: Span]

    public init(file: String, span: Span, fieldSpans: [String: Span] = [:]) {
        self.file = file
        self.span = span
        self.fieldSpans = fieldSpans
    }

    /// The span of the field, or of its nearest recorded parent (`a.b[0].c` -> `a.b[0]` -> `a.b` -> `a`).
    public func span(of path: String) -> Span {
        var p = Substring(path)
        while !p.isEmpty {
            if let s = fieldSpans[String(p)] { return s }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            p = p[..<cut]
        }
        return span
    }
}

/// A transport protocol a NetworkPolicy port can name.
public enum PortProtocol: String, Sendable, Hashable, CaseIterable, Comparable {
    case tcp = "TCP", udp = "UDP", sctp = "SCTP"

    private var rank: Int { self == .tcp ? 0 : self == .udp ? 1 : 2 }
    public static func < (a: PortProtocol, b: PortProtocol) -> Bool { a.rank < b.rank }
}

/// A namespace and its labels (`kubernetes.io/metadata.name` is always added, as kube-apiserver does).
public struct Namespace: Sendable, Equatable {
    public var name: String
    public var labels: Labels
    public var origin: ObjectOrigin?

    public init(name: String, labels: Labels = [:], origin: ObjectOrigin? = nil) {
        self.name = name
        var l = labels
        l["kubernetes.io/metadata.name"] = name
        self.labels = l
        self.origin = origin
    }
}

/// A container port as a Pod declares it; `name` is what named policy ports refer to.
public struct ContainerPort: Sendable, Equatable, Hashable {
    public var name: String?
    public var port: Int
    public var `protocol`: PortProtocol

    public init(name: String? = nil, port: Int, protocol proto: PortProtocol = .tcp) {
        self.name = name
        self.port = port
        self.protocol = proto
    }
}

/// A pod: labels, IP and container ports. Pods made from a workload's template say so in
/// `template` (e.g. `Deployment prod/web`) and have `ipAssigned` set.
public struct Pod: Sendable, Equatable {
    public var namespace: String
    public var name: String
    public var labels: Labels
    public var ip: IPAddress
    public var ports: [ContainerPort]
    public var template: String?
    public var ipAssigned: Bool
    public var origin: ObjectOrigin?

    public init(namespace: String, name: String, labels: Labels = [:], ip: IPAddress, ports: [ContainerPort] = [],
                template: String? = nil, ipAssigned: Bool = false, origin: ObjectOrigin? = nil) {
        self.namespace = namespace
        self.name = name
        self.labels = labels
        self.ip = ip
        self.ports = ports
        self.template = template
        self.ipAssigned = ipAssigned
        self.origin = origin
    }

    /// `ns/name`, the form used in truth tables.
    public var id: String { "\(namespace)/\(name)" }
}

/// `networking.k8s.io/v1` PolicyType.
public enum PolicyType: String, Sendable, Equatable {
    case ingress = "Ingress", egress = "Egress"
}

/// A port or port range of a rule; `port` nil means every port of the protocol.
public struct PolicyPort: Sendable, Equatable {
    public enum Port: Sendable, Equatable, CustomStringConvertible {
        case number(Int)
        case name(String)
        public var description: String {
            switch self {
            case .number(let n): "\(n)"
            case .name(let s): s
            }
        }
    }

    /// As written; nil is defaulted to TCP (`SetDefaults_NetworkPolicyPort`).
    public var protocolText: String?
    public var port: Port?
    public var endPort: Int?

    public init(protocol proto: String? = nil, port: Port? = nil, endPort: Int? = nil) {
        self.protocolText = proto
        self.port = port
        self.endPort = endPort
    }

    /// The protocol after defaulting; nil only for an invalid one (rejected by validation).
    public var `protocol`: PortProtocol? { protocolText.map { PortProtocol(rawValue: $0) } ?? .tcp }

    /// `80/TCP`, `8000-8080/TCP`, `http/TCP`, `all ports/UDP`.
    public var text: String {
        let proto = protocolText ?? "TCP"
        guard let port else { return "any port/\(proto)" }
        if let endPort { return "\(port)-\(endPort)/\(proto)" }
        return "\(port)/\(proto)"
    }
}

/// `IPBlock`: a CIDR minus its `except` CIDRs, as written.
public struct IPBlock: Sendable, Equatable {
    public var cidr: String
    public var except: [String]

    public init(cidr: String, except: [String] = []) {
        self.cidr = cidr
        self.except = except
    }
}

/// `NetworkPolicyPeer`. A missing selector is nil; `{}` is an empty `LabelSelector`.
public struct Peer: Sendable, Equatable {
    public var podSelector: LabelSelector?
    public var namespaceSelector: LabelSelector?
    public var ipBlock: IPBlock?

    public init(podSelector: LabelSelector? = nil, namespaceSelector: LabelSelector? = nil, ipBlock: IPBlock? = nil) {
        self.podSelector = podSelector
        self.namespaceSelector = namespaceSelector
        self.ipBlock = ipBlock
    }
}

/// One ingress or egress rule. Empty (or missing) `peers` means every peer, empty `ports` every port.
public struct PolicyRule: Sendable, Equatable {
    public var peers: [Peer]
    public var ports: [PolicyPort]

    public init(peers: [Peer] = [], ports: [PolicyPort] = []) {
        self.peers = peers
        self.ports = ports
    }
}

/// A `networking.k8s.io/v1` NetworkPolicy as written (before defaulting).
public struct NetworkPolicy: Sendable, Equatable {
    public var namespace: String
    public var name: String
    public var podSelector: LabelSelector
    public var ingress: [PolicyRule]
    public var egress: [PolicyRule]
    /// As written; empty when absent.
    public var declaredPolicyTypes: [String]
    public var origin: ObjectOrigin?

    public init(namespace: String, name: String, podSelector: LabelSelector = LabelSelector(),
                ingress: [PolicyRule] = [], egress: [PolicyRule] = [], policyTypes: [String] = [],
                origin: ObjectOrigin? = nil) {
        self.namespace = namespace
        self.name = name
        self.podSelector = podSelector
        self.ingress = ingress
        self.egress = egress
        self.declaredPolicyTypes = policyTypes
        self.origin = origin
    }

    public var id: String { "\(namespace)/\(name)" }

    /// `SetDefaults_NetworkPolicy`: without policyTypes, Ingress, plus Egress when there are egress rules.
    public var policyTypes: [PolicyType] {
        if declaredPolicyTypes.isEmpty { return egress.isEmpty ? [.ingress] : [.ingress, .egress] }
        return declaredPolicyTypes.compactMap(PolicyType.init(rawValue:))
    }

    public var affectsIngress: Bool { policyTypes.contains(.ingress) }
    public var affectsEgress: Bool { policyTypes.contains(.egress) }
}
