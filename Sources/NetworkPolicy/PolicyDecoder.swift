import ContentFormat
import Diagnostics

/// Decodes a `networking.k8s.io/v1` NetworkPolicy, keeping the difference between a
/// missing field and an empty one, and rejecting unknown spec fields as kubectl's strict
/// field validation does (a misindented `namespaceSelector` silently changes a policy).
enum PolicyDecoder {
    static func decode(_ r: inout NodeReader, _ pairs: [YAMLPair], node: YAMLNode) -> NetworkPolicy {
        if let v = r.string(pairs["apiVersion"], "apiVersion"), v != "networking.k8s.io/v1" {
            r.error("apiVersion: NetworkPolicy is served as networking.k8s.io/v1, not \(v)",
                    at: r.spans["apiVersion"] ?? node.span, code: "api-version")
        }
        r.rejectUnknown(pairs, "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
        let meta = ObjectDecoder.Metadata(&r, pairs["metadata"])
        var policy = NetworkPolicy(namespace: meta.namespace, name: meta.name)
        if let spec = r.mapping(pairs["spec"], "spec") {
            r.rejectUnknown(spec, "spec", known: ["podSelector", "ingress", "egress", "policyTypes"])
            policy.podSelector = selector(&r, spec["podSelector"], "spec.podSelector") ?? LabelSelector()
            policy.ingress = rules(&r, spec["ingress"], "spec.ingress", peers: "from")
            policy.egress = rules(&r, spec["egress"], "spec.egress", peers: "to")
            policy.declaredPolicyTypes = r.strings(spec["policyTypes"], "spec.policyTypes") ?? []
        }
        policy.origin = ObjectOrigin(file: r.file, span: node.span, fieldSpans: r.spans)
        return policy
    }

    static func rules(_ r: inout NodeReader, _ node: YAMLNode?, _ path: String, peers key: String) -> [PolicyRule] {
        var out: [PolicyRule] = []
        for (i, item) in (r.sequence(node, path) ?? []).enumerated() {
            let rpath = "\(path)[\(i)]"
            let pairs = r.mapping(item, rpath) ?? []
            r.rejectUnknown(pairs, rpath, known: [key, "ports"])
            var rule = PolicyRule()
            for (j, p) in (r.sequence(pairs[key], "\(rpath).\(key)") ?? []).enumerated() {
                rule.peers.append(peer(&r, p, "\(rpath).\(key)[\(j)]"))
            }
            for (j, p) in (r.sequence(pairs["ports"], "\(rpath).ports") ?? []).enumerated() {
                rule.ports.append(port(&r, p, "\(rpath).ports[\(j)]"))
            }
            out.append(rule)
        }
        return out
    }

    static func peer(_ r: inout NodeReader, _ node: YAMLNode, _ path: String) -> Peer {
        let pairs = r.mapping(node, path) ?? []
        r.rejectUnknown(pairs, path, known: ["podSelector", "namespaceSelector", "ipBlock"])
        var peer = Peer()
        peer.podSelector = selector(&r, pairs["podSelector"], path + ".podSelector")
        peer.namespaceSelector = selector(&r, pairs["namespaceSelector"], path + ".namespaceSelector")
        if let block = r.mapping(pairs["ipBlock"], path + ".ipBlock") {
            r.rejectUnknown(block, path + ".ipBlock", known: ["cidr", "except"])
            peer.ipBlock = IPBlock(cidr: r.string(block["cidr"], path + ".ipBlock.cidr") ?? "",
                                   except: r.strings(block["except"], path + ".ipBlock.except") ?? [])
        }
        return peer
    }

    static func port(_ r: inout NodeReader, _ node: YAMLNode, _ path: String) -> PolicyPort {
        let pairs = r.mapping(node, path) ?? []
        r.rejectUnknown(pairs, path, known: ["protocol", "port", "endPort"])
        var port = PolicyPort()
        port.protocolText = r.string(pairs["protocol"], path + ".protocol")
        if let p = pairs["port"], !p.isNull {
            // IntOrString: a YAML integer is a number, anything quoted a name.
            if case .scalar(let s) = p, s.kind == .int || s.kind == .float {
                port.port = r.int(p, path + ".port").map(PolicyPort.Port.number)
            } else {
                port.port = r.string(p, path + ".port").map(PolicyPort.Port.name)
            }
        }
        port.endPort = r.int(pairs["endPort"], path + ".endPort")
        return port
    }

    /// A LabelSelector; nil when the field is missing or null.
    static func selector(_ r: inout NodeReader, _ node: YAMLNode?, _ path: String) -> LabelSelector? {
        guard let pairs = r.mapping(node, path) else { return nil }
        r.rejectUnknown(pairs, path, known: ["matchLabels", "matchExpressions"])
        let labels = r.stringMap(pairs["matchLabels"], path + ".matchLabels") ?? [:]
        var exprs: [LabelSelectorRequirement] = []
        for (i, e) in (r.sequence(pairs["matchExpressions"], path + ".matchExpressions") ?? []).enumerated() {
            let epath = "\(path).matchExpressions[\(i)]"
            let ep = r.mapping(e, epath) ?? []
            r.rejectUnknown(ep, epath, known: ["key", "operator", "values"])
            exprs.append(LabelSelectorRequirement(key: r.string(ep["key"], epath + ".key") ?? "",
                                                  operator: r.string(ep["operator"], epath + ".operator") ?? "",
                                                  values: r.strings(ep["values"], epath + ".values") ?? []))
        }
        return LabelSelector(matchLabels: labels, matchExpressions: exprs)
    }
}
