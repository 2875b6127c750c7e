import Diagnostics
import NetworkPolicy
import Yams

/// Reads the fields of the NetworkPolicy lab kinds (`netpol`, `netpol-predict`) from a lab
/// file, each problem a positioned diagnostic. LabDecoder hands it the lab's fields one key
/// at a time, so what is not taken here is reported there as an unknown key.
struct NetPolSpecDecoder {
    /// The top-level keys these kinds read.
    static let keys = ["cluster", "cluster_text", "must_reach", "must_not_reach", "deleted", "table", "connections"]

    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceFile) { self.source = source }

    mutating func decode(_ kind: Lab.Kind, take: (String) -> Node?, at mark: Mark?) -> LabSpec {
        let cluster = self.cluster(take("cluster"), take("cluster_text"), at: mark)
        if kind == .netpol {
            let reach = connections(take("must_reach"), "must_reach")
            let notReach = connections(take("must_not_reach"), "must_not_reach")
            if reach.isEmpty && notReach.isEmpty {
                error("a netpol lab needs `must_reach:` and/or `must_not_reach:` connections", at: mark)
            }
            return .netpol(NetPolLabSpec(cluster: cluster, mustReach: reach, mustNotReach: notReach))
        }
        let deleted = strings(take("deleted"), "deleted")
        for d in deleted where !d.contains("/") { error("deleted: \"\(d)\" must name a policy as namespace/name", at: mark) }
        let tableNode = take("table"), connectionsNode = take("connections")
        let question: NetPolPredictSpec.Question
        switch (tableNode, connectionsNode) {
        case let (t?, nil): question = .table(table(t))
        case let (nil, c?):
            var items: [NetPolPredictSpec.Item] = []
            for node in sequence(c, "connections") {
                let id = node.mapping?["id"]?.string ?? ""
                if id.isEmpty { error("each connection of a netpol-predict lab needs an `id:`", at: node.mark) }
                if items.contains(where: { $0.id == id }) { error("connection id \"\(id)\" is used twice", at: node.mark) }
                if let spec = connection(node, "connections", extra: ["id"]) { items.append(.init(id: id, connection: spec)) }
            }
            if items.isEmpty { error("`connections:` needs at least one connection", at: c.mark) }
            question = .connections(items)
        default:
            error("a netpol-predict lab needs exactly one of `table:` (a truth table) or `connections:` (verdicts)", at: mark)
            question = .connections([])
        }
        return .netpolPredict(NetPolPredictSpec(cluster: cluster, deleted: deleted, question: question))
    }

    private mutating func cluster(_ files: Node?, _ text: Node?, at mark: Mark?) -> NetPolCluster {
        let paths = strings(files, "cluster")
        for p in paths where p.hasPrefix("/") || p.split(separator: "/").contains("..") {
            error("cluster: \"\(p)\" must be a path under Labs/netpol/", at: files?.mark)
        }
        var inline: String?
        if let text {
            inline = text.scalar?.string
            if inline == nil { error("`cluster_text:` must be text (Kubernetes YAML)", at: text.mark) }
        }
        if paths.isEmpty && inline == nil {
            error("a NetworkPolicy lab needs its cluster: `cluster:` (files under Labs/netpol/) or `cluster_text:`", at: mark)
        }
        return NetPolCluster(files: paths, text: inline)
    }

    private mutating func table(_ node: Node) -> NetPolPredictSpec.Table {
        var t = NetPolPredictSpec.Table(port: 0, protocol: .tcp, pods: [])
        guard let map = node.mapping else { error("table: is a mapping (port, protocol, pods)", at: node.mark); return t }
        for (k, v) in map {
            switch k.string ?? "" {
            case "port": t.port = port(v) ?? 0
            case "protocol": t.protocol = proto(v) ?? .tcp
            case "pods": t.pods = strings(v, "pods")
            default: error("unknown key \"\(k.string ?? "")\" in table (port, protocol, pods)", at: k.mark)
            }
        }
        if map["port"] == nil { error("table: needs `port:`", at: node.mark) }
        return t
    }

    private mutating func connections(_ node: Node?, _ key: String) -> [ConnectionSpec] {
        sequence(node, key).compactMap { connection($0, key) }
    }

    private mutating func connection(_ node: Node, _ key: String, extra: [String] = []) -> ConnectionSpec? {
        guard let map = node.mapping else {
            error("each entry of `\(key):` is a mapping {from, to, port, protocol}", at: node.mark)
            return nil
        }
        for (k, _) in map where !(["from", "to", "port", "protocol", "name"] + extra).contains(k.string ?? "") {
            error("unknown key \"\(k.string ?? "")\" in a connection (from, to, port, protocol, name)", at: k.mark)
        }
        guard let from = endpoint(map["from"], "from", node), let to = endpoint(map["to"], "to", node) else { return nil }
        guard let portNode = map["port"] else { error("a connection needs `port:`", at: node.mark); return nil }
        guard let port = port(portNode) else { return nil }
        let proto = map["protocol"].map { self.proto($0) } ?? .tcp
        guard let proto else { return nil }
        return ConnectionSpec(from: from, to: to, port: port, protocol: proto, name: map["name"]?.string)
    }

    /// `ns/name` or an IP address.
    private mutating func endpoint(_ node: Node?, _ key: String, _ parent: Node) -> String? {
        guard let node else { error("a connection needs `\(key):` (namespace/pod or an IP address)", at: parent.mark); return nil }
        guard let s = node.string, s.contains("/") || IPAddress(s) != nil else {
            error("`\(key):` is a pod as namespace/name or an IP address, not \"\(node.string ?? "")\"", at: node.mark)
            return nil
        }
        return s
    }

    private mutating func port(_ node: Node) -> Int? {
        guard let n = node.int, (1...65535).contains(n) else {
            error("port must be a number from 1 to 65535 (a connection is made to a number, not a name)", at: node.mark)
            return nil
        }
        return n
    }

    private mutating func proto(_ node: Node) -> PortProtocol? {
        guard let p = node.string.flatMap(PortProtocol.init(rawValue:)) else {
            error("protocol must be TCP, UDP or SCTP", at: node.mark)
            return nil
        }
        return p
    }

    private mutating func sequence(_ node: Node?, _ key: String) -> [Node] {
        guard let node else { return [] }
        guard let seq = node.sequence else { error("`\(key):` must be a list", at: node.mark); return [] }
        return Array(seq)
    }

    private mutating func strings(_ node: Node?, _ key: String) -> [String] {
        guard let node else { return [] }
        if let s = node.scalar?.string { return [s] }
        return sequence(node, key).compactMap { n in
            if let s = n.scalar?.string { return s }
            error("`\(key):` must hold text", at: n.mark)
            return nil
        }
    }

    private mutating func error(_ message: String, at mark: Mark?) {
        let span = mark.map { Span.at(source.offset(line: $0.line, column: $0.column)) }
        diagnostics.append(.error(message, at: span))
    }
}
