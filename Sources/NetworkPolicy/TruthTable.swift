/// Every pod-to-pod verdict for one port and protocol, in upstream e2e's layout: rows are
/// sources, columns destinations, `.` allowed and `X` blocked, pods in the order given.
public struct TruthTable: Sendable, Equatable {
    public let order: [String]
    public let port: Int
    public let `protocol`: PortProtocol
    /// `rows[from][to]`: allowed.
    public let rows: [Bitset]

    public func allowed(from: Int, to: Int) -> Bool { rows[from][to] }

    /// The `expect` strings of e2e.json's probes.
    public var expect: [String] {
        rows.map { row in
            var bytes = [UInt8](repeating: UInt8(ascii: "X"), count: order.count)
            row.forEach { bytes[$0] = UInt8(ascii: ".") }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// One cell where two tables of the same pods disagree.
    public struct Difference: Sendable, Equatable {
        public var from: String
        public var to: String
        /// The verdict in `self`, and in the table compared with.
        public var allowed: Bool
        public var otherAllowed: Bool

        public init(from: String, to: String, allowed: Bool, otherAllowed: Bool) {
            self.from = from
            self.to = to
            self.allowed = allowed
            self.otherAllowed = otherAllowed
        }
    }

    /// The cells where `other` (same order) disagrees, row by row: what a lab shows first.
    public func differences(from other: TruthTable) -> [Difference] {
        precondition(order == other.order, "tables of different pods")
        var out: [Difference] = []
        for i in rows.indices where rows[i] != other.rows[i] {
            for j in order.indices where rows[i][j] != other.rows[i][j] {
                out.append(Difference(from: order[i], to: order[j], allowed: rows[i][j], otherAllowed: other.rows[i][j]))
            }
        }
        return out
    }

    /// `TruthTable.PrettyPrint("")` from upstream's truthtable.go: tab-separated, a `-` corner.
    public var prettyPrinted: String {
        var lines = [(["-"] + order).joined(separator: "\t")]
        for (i, row) in expect.enumerated() {
            lines.append(([order[i]] + row.map(String.init)).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n")
    }
}

extension ClusterModel {
    /// The truth table for `port`/`proto`: isolation and allowed peers are accumulated per
    /// direction as bitsets, then each cell is `egress allows && ingress allows` (loopback always allowed).
    public func truthTable(port: Int, protocol proto: PortProtocol) -> TruthTable {
        let n = pods.count
        let named = namedPortMatches(port, proto)
        var ingressIsolated = Bitset(count: n), egressIsolated = Bitset(count: n)
        var allowedIn = [Bitset](repeating: Bitset(count: n), count: n)
        var allowedOut = [Bitset](repeating: Bitset(count: n), count: n)
        for policy in compiled {
            if let rules = policy.ingress {
                ingressIsolated.formUnion(policy.selected)
                for rule in rules {
                    let targets = portMatchingDestinations(rule, port, proto, named, within: policy.selected)
                    targets.forEach { allowedIn[$0].formUnion(rule.peerPods) }
                }
            }
            if let rules = policy.egress {
                egressIsolated.formUnion(policy.selected)
                for rule in rules {
                    let destinations = portMatchingDestinations(rule, port, proto, named, within: rule.peerPods)
                    if destinations.isEmpty { continue }
                    policy.selected.forEach { allowedOut[$0].formUnion(destinations) }
                }
            }
        }
        var rows: [Bitset] = []
        rows.reserveCapacity(n)
        let everyone = Bitset(count: n, all: true)
        for from in 0..<n {
            var row = egressIsolated[from] ? allowedOut[from] : everyone
            for to in row.members where ingressIsolated[to] && !allowedIn[to][from] { row[to] = false }
            row[from] = true
            rows.append(row)
        }
        return TruthTable(order: order, port: port, protocol: proto, rows: rows)
    }

    /// For each port name, the pods that declare it with this number and protocol.
    func namedPortMatches(_ port: Int, _ proto: PortProtocol) -> [String: Bitset] {
        var out: [String: Bitset] = [:]
        for (name, entries) in namedPorts {
            var b = Bitset(count: pods.count)
            for e in entries where e.port == port && e.proto == proto { b[e.pod] = true }
            out[name] = b
        }
        return out
    }

    /// The pods of `within` on which some port of the rule admits `port`/`proto`.
    func portMatchingDestinations(_ rule: CompiledRule, _ port: Int, _ proto: PortProtocol,
                                  _ named: [String: Bitset], within: Bitset) -> Bitset {
        if rule.anyPort { return within }
        var numeric = false
        var byName = Bitset(count: pods.count)
        for p in rule.ports where p.proto == proto {
            switch p.kind {
            case .all: numeric = true
            case .range(let lo, let hi): if lo <= port && port <= hi { numeric = true }
            case .named(let name): if let b = named[name] { byName.formUnion(b) }
            }
            if numeric { return within }
        }
        return byName.intersection(within)
    }
}
