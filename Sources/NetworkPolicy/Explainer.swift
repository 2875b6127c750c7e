/// Says what a rule lacks to allow a connection: which part of its closest peer fails
/// (the namespace, the pod's labels, the IP block) and why its ports do not admit the port.
struct Explainer {
    let model: ClusterModel

    func lacks(_ raw: PolicyRule, _ rule: CompiledRule, ref: RuleRef, policy: NetworkPolicy, peer: Endpoint,
               port: Int, proto: PortProtocol, destination: Pod?) -> [String] {
        var out: [String] = []
        let peersKey = ref.direction == .ingress ? "from" : "to"
        if model.matchingPeer(rule, peer) == nil {
            var best: (index: Int, reasons: [String])?
            for (j, p) in raw.peers.enumerated() {
                let reasons = peerReasons(p, policy: policy, peer: peer)
                if best == nil || reasons.count < best!.reasons.count { best = (j, reasons) }
            }
            if let best {
                let what = raw.peers.count == 1 ? "its only peer" : "none of its \(raw.peers.count) peers matches; the closest"
                out += best.reasons.map { "\(what) (\(ref.path).\(peersKey)[\(best.index)]): \($0)" }
            }
        }
        if model.matchingPort(rule, port, proto, destination) == nil {
            out.append("port \(port)/\(proto.rawValue) is not among its ports: "
                       + raw.ports.map(\.text).joined(separator: ", ") + namedPortNotes(raw.ports, port, proto, destination))
        }
        return out
    }

    func peerReasons(_ p: Peer, policy: NetworkPolicy, peer: Endpoint) -> [String] {
        let who = model.name(of: peer)
        if let block = p.ipBlock {
            let ip: IPAddress
            switch peer {
            case .pod(let i): ip = model.pods[i].ip
            case .external(let a): ip = a
            }
            guard let cidr = CIDR(block.cidr) else { return ["ipBlock \(block.cidr) is not a CIDR"] }
            if !cidr.contains(ip) {
                return ["\(who)\(ip.description == who ? "" : " (\(ip))") is not in ipBlock \(block.cidr)"]
            }
            if let e = block.except.first(where: { CIDR($0)?.contains(ip) ?? false }) {
                return ["\(who) is in ipBlock \(block.cidr) but also in its except \(e)"]
            }
            return []
        }
        guard case .pod(let i) = peer else {
            return ["\(who) is outside the cluster; podSelector and namespaceSelector select only pods (an ipBlock is needed)"]
        }
        let pod = model.pods[i]
        var reasons: [String] = []
        if let nsSelector = p.namespaceSelector {
            let labels = model.namespaceLabels(pod.namespace)
            if let compiled = try? nsSelector.compiled(), !compiled.matches(labels) {
                let need = compiled.firstMismatch(labels).map { " (needs \($0))" } ?? ""
                reasons.append("namespace \(pod.namespace) does not match namespaceSelector \(nsSelector.text)\(need)")
            }
        } else if pod.namespace != policy.namespace {
            reasons.append("without a namespaceSelector the peer selects pods in the policy's namespace \(policy.namespace) only; "
                           + "\(pod.id) is in \(pod.namespace)")
        }
        if let podSelector = p.podSelector, let compiled = try? podSelector.compiled(), !compiled.matches(pod.labels) {
            let need = compiled.firstMismatch(pod.labels).map { " (needs \($0))" } ?? ""
            reasons.append("pod \(pod.id) does not match podSelector \(podSelector.text)\(need)")
        }
        return reasons
    }

    /// For named ports of the right protocol: what the name resolves to on the destination.
    func namedPortNotes(_ ports: [PolicyPort], _ port: Int, _ proto: PortProtocol, _ destination: Pod?) -> String {
        var notes: [String] = []
        for p in ports {
            guard case .name(let name)? = p.port, p.protocol == proto else { continue }
            guard let destination else {
                notes.append("named port \(name) cannot resolve outside the cluster")
                continue
            }
            if let cp = destination.ports.first(where: { $0.name == name && $0.protocol == proto }) {
                notes.append("named port \(name) is \(cp.port)/\(cp.protocol.rawValue) on \(destination.id)")
            } else {
                notes.append("\(destination.id) has no \(proto.rawValue) container port named \(name)")
            }
        }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
    }
}
