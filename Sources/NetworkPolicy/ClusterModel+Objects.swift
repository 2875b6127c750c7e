import Diagnostics

extension ClusterModel {
    /// Where pods made from workload templates get their IPs (the first free addresses).
    public static let templatePodCIDR = "10.244.0.0/16"

    /// Builds the model from decoded objects: Pods must carry `status.podIP`; pods made from
    /// workload templates are given the first free IPs of `templatePodCIDR` (see `assignedIPs`).
    public init(objects: ObjectSet) throws(ClusterError) {
        var problems: [Problem] = []
        for ns in objects.namespaces where ns.name.isEmpty {
            problems.append(Problem(file: ns.origin?.file, .error("metadata.name: Required value: name or generateName is required",
                                                                  at: ns.origin?.span, code: "invalid")))
        }
        var used: [IPAddress: String] = [:]
        var parsed: [IPAddress?] = []
        for draft in objects.pods {
            guard draft.template == nil else { parsed.append(nil); continue }
            guard let text = draft.ipText, !text.isEmpty else {
                problems.append(Problem(file: draft.origin.file, .error(
                    "status.podIP: Required value: pod \(draft.id) has no IP address", at: draft.origin.span(of: "status.podIP"),
                    help: "ipBlock rules match pods by IP: set status.podIP (e.g. `status: {podIP: 10.0.1.10}`), "
                        + "or give a Deployment and kcsa assigns one", code: "pod-ip")))
                parsed.append(nil)
                continue
            }
            guard let ip = IPAddress(text) else {
                problems.append(Problem(FieldError.invalid("status.podIP", .string(text),
                                                           "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
                                        in: draft.origin, code: "pod-ip"))
                parsed.append(nil)
                continue
            }
            if let other = used[ip] {
                problems.append(Problem(file: draft.origin.file, .error(
                    "status.podIP: Duplicate value: \(GoQuote.quote(text)): pod \(other) has the same IP",
                    at: draft.origin.span(of: "status.podIP"), code: "pod-ip")))
            }
            used[ip] = draft.id
            parsed.append(ip)
        }
        if !problems.isEmpty { throw ClusterError(problems) }
        var next = CIDR(Self.templatePodCIDR)!.network.low + 1
        var pods: [Pod] = []
        for (draft, ip) in zip(objects.pods, parsed) {
            var address = ip
            if address == nil {
                while used[IPAddress(v4: UInt32(truncatingIfNeeded: next))] != nil { next += 1 }
                address = IPAddress(v4: UInt32(truncatingIfNeeded: next))
                used[address!] = draft.id
                next += 1
            }
            pods.append(Pod(namespace: draft.namespace, name: draft.name, labels: draft.labels, ip: address!,
                            ports: draft.ports, template: draft.template, ipAssigned: ip == nil, origin: draft.origin))
        }
        try self.init(namespaces: objects.namespaces, pods: pods, policies: objects.policies)
    }

    /// Pods made from templates, whose IPs kcsa chose.
    public var assignedIPs: [Pod] { pods.filter(\.ipAssigned) }

    /// Every (port, protocol) some pod declares, by port then TCP, UDP, SCTP: the default probes.
    public var declaredPorts: [(port: Int, protocol: PortProtocol)] {
        var set: Set<ContainerPort> = []
        for pod in pods { for p in pod.ports { set.insert(ContainerPort(port: p.port, protocol: p.protocol)) } }
        return set.sorted { ($0.port, $0.protocol) < ($1.port, $1.protocol) }.map { ($0.port, $0.protocol) }
    }
}

extension ClusterModel {
    /// Decodes and builds in one step, for callers with files in memory (labs, the simulator):
    /// the decoding problems of every file (or, when they decode, every problem of the objects), or the model.
    public static func load(_ sources: [SourceFile]) throws(ClusterError) -> ClusterModel {
        var objects = ObjectSet()
        var problems: [Problem] = []
        for source in sources {
            let (o, p) = ObjectDecoder.decode(source)
            objects.append(o)
            problems += p
        }
        if problems.hasErrors { throw ClusterError(problems) }
        return try ClusterModel(objects: objects)
    }
}

extension ClusterModel {
    /// The same namespaces and pods under other policies (a learner's answer): only the
    /// policies are validated and compiled again.
    public func with(policies: [NetworkPolicy]) throws(ClusterError) -> ClusterModel {
        try ClusterModel(namespaces: namespaces, pods: pods, policies: policies)
    }
}
