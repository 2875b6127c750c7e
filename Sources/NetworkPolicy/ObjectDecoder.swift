import ContentFormat
import Diagnostics

/// A pod as read from a file, before its IP is checked (Pods) or assigned (templates).
public struct PodDraft: Sendable, Equatable {
    public var namespace: String
    public var name: String
    public var labels: Labels
    public var ipText: String?
    public var ports: [ContainerPort]
    /// `Deployment prod/web` for a pod made from a workload's template.
    public var template: String?
    public var origin: ObjectOrigin

    public var id: String { "\(namespace)/\(name)" }
}

/// Namespaces, pods and NetworkPolicies read from any number of files, in the order given.
public struct ObjectSet: Sendable, Equatable {
    public var namespaces: [Namespace] = []
    public var pods: [PodDraft] = []
    public var policies: [NetworkPolicy] = []
    /// Documents of other kinds (Services, ConfigMaps, ...), which do not affect reachability.
    public var ignored: [String] = []

    public init() {}

    public mutating func append(_ other: ObjectSet) {
        namespaces += other.namespaces
        pods += other.pods
        policies += other.policies
        ignored += other.ignored
    }
}

/// Turns YAML/JSON documents (multi-document streams, `List`s) into an `ObjectSet`.
/// Type errors and unknown NetworkPolicy fields are problems with spans; nothing is validated here.
public enum ObjectDecoder {
    /// At most this many objects per file (a `List` counts its items).
    public static let maxObjectsPerFile = 100_000
    /// Kinds whose `spec.template` is a pod template; CronJob's sits one level deeper.
    public static let workloadKinds: Set<String> = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job",
                                                    "ReplicationController", "CronJob"]

    /// Reads every document of `source`.
    public static func decode(_ source: SourceFile) -> (objects: ObjectSet, problems: [Problem]) {
        let (documents, parseError) = YAMLReader.readDocuments(source)
        var set = ObjectSet()
        var problems: [Problem] = []
        var count = 0
        for doc in documents {
            decodeObject(doc, file: source.name, into: &set, problems: &problems, count: &count)
        }
        if let e = parseError {
            problems.append(Problem(file: source.name, .error(e.message, at: e.span, help: e.help, code: "yaml")))
        }
        return (set, problems)
    }

    static func decodeObject(_ node: YAMLNode, file: String, into set: inout ObjectSet, problems: inout [Problem],
                             count: inout Int) {
        count += 1
        if count > maxObjectsPerFile {
            if count == maxObjectsPerFile + 1 {
                problems.append(Problem(file: file, .error("more than \(maxObjectsPerFile) objects in one file", at: node.span)))
            }
            return
        }
        var r = NodeReader(file: file)
        guard let pairs = r.mapping(node, "") else {
            if !node.isNull { problems += r.problems }
            return
        }
        let kind = r.string(pairs["kind"], "kind") ?? ""
        switch kind {
        case "List", "NamespaceList", "PodList", "NetworkPolicyList":
            for item in r.sequence(pairs["items"], "items") ?? [] {
                decodeObject(item, file: file, into: &set, problems: &problems, count: &count)
            }
        case "Namespace":
            let meta = Metadata(&r, pairs["metadata"])
            set.namespaces.append(Namespace(name: meta.name, labels: meta.labels,
                                            origin: ObjectOrigin(file: file, span: node.span, fieldSpans: r.spans)))
        case "Pod":
            if var pod = decodePod(&r, pairs, template: nil, node: node) {
                pod.origin.fieldSpans = r.spans
                set.pods.append(pod)
            }
        case "NetworkPolicy":
            set.policies.append(PolicyDecoder.decode(&r, pairs, node: node))
        case _ where workloadKinds.contains(kind):
            if var pod = decodeWorkload(&r, pairs, kind: kind, node: node) {
                pod.origin.fieldSpans = r.spans
                set.pods.append(pod)
            }
        case "":
            r.error("the object has no kind", at: node.span, help: "add `kind: Namespace`, `kind: Pod` or `kind: NetworkPolicy`")
        default:
            set.ignored.append(kind)
        }
        problems += r.problems
    }

    /// `metadata`: name, namespace (default `default`, as kubectl applies it) and labels.
    struct Metadata {
        var name = ""
        var namespace = "default"
        var labels: Labels = [:]

        init(_ r: inout NodeReader, _ node: YAMLNode?, path: String = "metadata") {
            guard let pairs = r.mapping(node, path) else { return }
            name = r.string(pairs["name"], path + ".name") ?? ""
            if let ns = r.string(pairs["namespace"], path + ".namespace"), !ns.isEmpty { namespace = ns }
            labels = r.stringMap(pairs["labels"], path + ".labels") ?? [:]
        }
    }

    static func decodePod(_ r: inout NodeReader, _ pairs: [YAMLPair], template: String?, node: YAMLNode) -> PodDraft? {
        let meta = Metadata(&r, pairs["metadata"])
        if meta.name.isEmpty {
            r.error("metadata.name: Required value: name or generateName is required", at: node.span)
            return nil
        }
        let spec = r.mapping(pairs["spec"], "spec") ?? []
        let ports = containerPorts(&r, spec, path: "spec")
        var ip: String?
        if let status = r.mapping(pairs["status"], "status") {
            ip = r.string(status["podIP"], "status.podIP")
            if ip == nil, let first = r.sequence(status["podIPs"], "status.podIPs")?.first,
               let p = r.mapping(first, "status.podIPs[0]") {
                ip = r.string(p["ip"], "status.podIPs[0].ip")
            }
        }
        return PodDraft(namespace: meta.namespace, name: meta.name, labels: meta.labels, ipText: ip, ports: ports,
                        template: template, origin: ObjectOrigin(file: r.file, span: node.span))
    }

    /// One pod for a workload's template: the workload's name and namespace, the template's labels.
    static func decodeWorkload(_ r: inout NodeReader, _ pairs: [YAMLPair], kind: String, node: YAMLNode) -> PodDraft? {
        let meta = Metadata(&r, pairs["metadata"])
        guard !meta.name.isEmpty else {
            r.error("metadata.name: Required value: name or generateName is required", at: node.span)
            return nil
        }
        var spec = r.mapping(pairs["spec"], "spec") ?? []
        var path = "spec"
        if kind == "CronJob" {
            let job = r.mapping(spec["jobTemplate"], "spec.jobTemplate") ?? []
            spec = r.mapping(job["spec"], "spec.jobTemplate.spec") ?? []
            path = "spec.jobTemplate.spec"
        }
        guard let template = r.mapping(spec["template"], path + ".template") else {
            r.error("\(path).template: Required value: a \(kind) needs a pod template", at: node.span)
            return nil
        }
        let tmeta = Metadata(&r, template["metadata"], path: path + ".template.metadata")
        let tspec = r.mapping(template["spec"], path + ".template.spec") ?? []
        let ports = containerPorts(&r, tspec, path: path + ".template.spec")
        return PodDraft(namespace: meta.namespace, name: meta.name, labels: tmeta.labels, ipText: nil, ports: ports,
                        template: "\(kind) \(meta.namespace)/\(meta.name)", origin: ObjectOrigin(file: r.file, span: node.span))
    }

    /// The ports of `containers` and `initContainers` (restartable sidecars serve too).
    static func containerPorts(_ r: inout NodeReader, _ spec: [YAMLPair], path: String) -> [ContainerPort] {
        var out: [ContainerPort] = []
        for list in ["containers", "initContainers"] {
            for (i, c) in (r.sequence(spec[list], "\(path).\(list)") ?? []).enumerated() {
                let cpath = "\(path).\(list)[\(i)]"
                guard let container = r.mapping(c, cpath) else { continue }
                for (j, p) in (r.sequence(container["ports"], cpath + ".ports") ?? []).enumerated() {
                    let ppath = "\(cpath).ports[\(j)]"
                    guard let port = r.mapping(p, ppath) else { continue }
                    let name = r.string(port["name"], ppath + ".name")
                    guard let number = r.int(port["containerPort"], ppath + ".containerPort") else {
                        if port["containerPort"] == nil {
                            r.error("\(ppath).containerPort: Required value", at: p.span)
                        }
                        continue
                    }
                    let protoText = r.string(port["protocol"], ppath + ".protocol") ?? "TCP"
                    guard let proto = PortProtocol(rawValue: protoText) else {
                        r.error("\(ppath).protocol: Unsupported value: \(GoQuote.json(protoText)): supported values: \"SCTP\", \"TCP\", \"UDP\"",
                                at: r.spans[ppath + ".protocol"] ?? p.span)
                        continue
                    }
                    out.append(ContainerPort(name: name.flatMap { $0.isEmpty ? nil : $0 }, port: number, protocol: proto))
                }
            }
        }
        return out
    }
}
