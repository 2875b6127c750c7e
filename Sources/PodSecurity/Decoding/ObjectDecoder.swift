import ContentFormat
import Diagnostics

/// A decoded object whose pod (template) Pod Security Admission evaluates.
public struct PodSecurityObject: Sendable {
    public var kind: WorkloadKind
    public var name: String
    public var namespace: String?
    /// The pod's metadata, or the template's for a controller.
    public var podMetadata: PodMetadata
    /// Nil when a ReplicationController has no template: nothing to evaluate.
    public var podSpec: PodSpec?
    /// The whole object in the source.
    public var span: Span
    /// Unknown fields (kube-apiserver drops them; kubectl's strict validation rejects them).
    public var warnings: [Diagnostic]
    /// The uid of the owner reference marked `controller: true` (namespace checks
    /// evaluate one pod per controller first).
    public var controllerUID: String?

    public init(kind: WorkloadKind, name: String, namespace: String? = nil, podMetadata: PodMetadata = PodMetadata(),
                podSpec: PodSpec?, span: Span = .at(0), warnings: [Diagnostic] = []) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.podMetadata = podMetadata
        self.podSpec = podSpec
        self.span = span
        self.warnings = warnings
    }
}

/// What one document (or one item of a List) turned out to be.
public enum DecodedDocument: Sendable {
    case object(PodSecurityObject)
    /// A Kubernetes object without a pod template (a Service, a custom resource, ...).
    case skipped(kind: String, name: String, span: Span)
    /// Not something kube-apiserver would accept: the errors, positioned.
    case invalid([Diagnostic])
}

/// Turns YAML documents into the objects Pod Security Admission sees.
public enum ObjectDecoder {
    /// A List nested deeper than this is refused.
    public static let maxListDepth = 4

    /// The objects of one document: one, or the items of a `List`.
    public static func decode(_ node: YAMLNode) -> [DecodedDocument] {
        var out: [DecodedDocument] = []
        decode(node, into: &out, listDepth: 0, defaultKind: nil)
        return out
    }

    private static func decode(_ node: YAMLNode, into out: inout [DecodedDocument], listDepth: Int, defaultKind: String?) {
        guard case .mapping(let pairs, _) = node else {
            out.append(.invalid([.error("not a Kubernetes object: the document is \(article(node.jsonKind)), not a mapping",
                                        at: node.span, label: "expected apiVersion, kind, metadata, ...",
                                        code: "not-an-object")]))
            return
        }
        func field(_ key: String) -> YAMLPair? { pairs.first { $0.key == key } }
        var header = FieldReader(context: "the object")
        let kindText = field("kind").flatMap { header.string($0.value, path: "kind", goStruct: "TypeMeta") } ?? defaultKind
        let apiVersion = field("apiVersion").flatMap { header.string($0.value, path: "apiVersion", goStruct: "TypeMeta") }
            ?? defaultKind.flatMap { WorkloadKind(rawValue: $0)?.apiVersion }
        if !header.errors.isEmpty { out.append(.invalid(header.errors)); return }
        guard let kindText, !kindText.isEmpty else {
            out.append(.invalid([.error("not a Kubernetes object: kind not set", at: node.span, label: "no `kind:` here",
                                        help: "add `kind: Pod` (or Deployment, Job, ...)", code: "kind-not-set")]))
            return
        }
        guard let apiVersion, !apiVersion.isEmpty else {
            out.append(.invalid([.error("not a Kubernetes object: apiVersion not set", at: field("kind")?.keySpan ?? node.span,
                                        label: "no `apiVersion:` for this kind",
                                        help: WorkloadKind(rawValue: kindText).map { "add `apiVersion: \($0.apiVersion)`" },
                                        code: "apiversion-not-set")]))
            return
        }
        let kindSpan = field("kind")?.value.span ?? node.span
        if kindText == "List" || WorkloadKind(rawValue: String(kindText.dropLast(4))) != nil && kindText.hasSuffix("List") {
            guard listDepth < maxListDepth else {
                out.append(.invalid([.error("a List nested more than \(maxListDepth) levels deep", at: kindSpan,
                                            code: "list-too-deep")]))
                return
            }
            decodeList(pairs, kind: kindText, node: node, into: &out, listDepth: listDepth)
            return
        }
        guard let kind = WorkloadKind(rawValue: kindText) else {
            out.append(classify(kindText, apiVersion: apiVersion, pairs: pairs, node: node, kindSpan: kindSpan))
            return
        }
        guard apiVersion == kind.apiVersion else {
            out.append(.invalid([.error("no matches for kind \"\(kindText)\" in version \"\(apiVersion)\"",
                                        at: field("apiVersion")?.value.span ?? kindSpan, label: "not served",
                                        help: "kube-apiserver 1.36 serves \(kindText) as `apiVersion: \(kind.apiVersion)`",
                                        code: "no-kind-match")]))
            return
        }
        out.append(decodeWorkload(kind, apiVersion: apiVersion, pairs: pairs, node: node))
    }

    private static func decodeList(_ pairs: [YAMLPair], kind: String, node: YAMLNode, into out: inout [DecodedDocument],
                                   listDepth: Int) {
        var reader = FieldReader(context: "\(kind) cannot be decoded")
        let element = kind == "List" ? nil : String(kind.dropLast(4))
        guard let itemsPair = pairs.first(where: { $0.key == "items" }) else { return }
        guard let items = reader.list(itemsPair.value, path: "items", goStruct: kind, goType: "[]runtime.RawExtension") else {
            if !reader.errors.isEmpty { out.append(.invalid(reader.errors)) }
            return
        }
        for item in items {
            decode(item, into: &out, listDepth: listDepth + 1, defaultKind: element)
        }
    }

    /// A kind that is not a workload: a known built-in or custom resource is skipped; an
    /// unknown kind in a built-in API group is an error.
    private static func classify(_ kind: String, apiVersion: String, pairs: [YAMLPair], node: YAMLNode,
                                 kindSpan: Span) -> DecodedDocument {
        let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        if !BuiltinKinds.groups.contains(group) || BuiltinKinds.kinds.contains(kind) {
            return .skipped(kind: kind, name: metadataName(pairs) ?? "", span: node.span)
        }
        let guess = DidYouMean.suggest(kind, among: BuiltinKinds.allKinds)
        return .invalid([.error("no matches for kind \"\(kind)\" in version \"\(apiVersion)\"", at: kindSpan,
                                label: "unknown kind", help: guess.map { "did you mean \($0)?" }, code: "unknown-kind")])
    }

    private static func metadataName(_ pairs: [YAMLPair]) -> String? {
        guard case .mapping(let meta, _)? = pairs.first(where: { $0.key == "metadata" })?.value,
              case .scalar(let s)? = meta.first(where: { $0.key == "name" })?.value else { return nil }
        return s.text
    }

    private static func decodeWorkload(_ kind: WorkloadKind, apiVersion: String, pairs: [YAMLPair],
                                       node: YAMLNode) -> DecodedDocument {
        let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
        var reader = FieldReader(context: "\(kind.rawValue) in version \"\(version)\" cannot be handled as a \(kind.rawValue)")
        var object = PodSecurityObject(kind: kind, name: "", podSpec: nil, span: node.span)
        if let meta = pairs.first(where: { $0.key == "metadata" }) {
            let m = metadata(meta.value, path: "metadata", &reader)
            object.name = m.name
            object.namespace = m.namespace
            object.controllerUID = m.controllerUID
            if kind == .pod { object.podMetadata = PodMetadata(name: m.name, annotations: m.annotations) }
        }
        if kind == .pod {
            let specNode = pairs.first(where: { $0.key == "spec" })?.value
            var decoder = PodSpecDecoder(reader: reader)
            object.podSpec = specNode.map { decoder.podSpec($0, path: "spec") } ?? PodSpec()
            reader = decoder.reader
        } else {
            (object.podMetadata, object.podSpec) = template(kind, pairs: pairs, &reader)
        }
        if !reader.errors.isEmpty { return .invalid(reader.errors) }
        object.warnings = reader.warnings
        return .object(object)
    }

    /// Follows the kind's template path; a missing step gives an empty template (a value
    /// in Go), except ReplicationController's optional template.
    private static func template(_ kind: WorkloadKind, pairs: [YAMLPair], _ reader: inout FieldReader) -> (PodMetadata, PodSpec?) {
        var current: [YAMLPair]? = pairs
        var path = ""
        for step in kind.templatePath {
            path += path.isEmpty ? step.field : "." + step.field
            guard let node = current?.first(where: { $0.key == step.field })?.value else { current = nil; break }
            current = reader.object(node, path: path, goStruct: step.goStruct, goType: step.goType,
                                    known: step.field == "template" ? KnownFields.podTemplateSpec : nil)
        }
        guard let template = current else {
            return (PodMetadata(), kind.templateIsOptional ? nil : PodSpec())
        }
        var meta = PodMetadata()
        var spec = PodSpec()
        for p in template {
            if p.key == "metadata" {
                let m = metadata(p.value, path: path + ".metadata", &reader)
                meta = PodMetadata(name: m.name, annotations: m.annotations)
            } else if p.key == "spec" {
                var decoder = PodSpecDecoder(reader: reader)
                spec = decoder.podSpec(p.value, path: path + ".spec")
                reader = decoder.reader
            }
        }
        return (meta, spec)
    }

    struct Metadata {
        var name = ""
        var namespace: String?
        var labels: [String: String] = [:]
        var annotations: [String: String] = [:]
        var controllerUID: String?
    }

    static func metadata(_ node: YAMLNode, path: String, _ reader: inout FieldReader) -> Metadata {
        var m = Metadata()
        guard let pairs = reader.object(node, path: path, goStruct: "ObjectMeta", goType: "v1.ObjectMeta",
                                        known: KnownFields.objectMeta) else { return m }
        for p in pairs {
            let f = path + "." + p.key
            switch p.key {
            case "name": m.name = reader.string(p.value, path: f, goStruct: "ObjectMeta") ?? ""
            case "generateName":
                if let g = reader.string(p.value, path: f, goStruct: "ObjectMeta"), m.name.isEmpty { m.name = g }
            case "namespace": m.namespace = reader.string(p.value, path: f, goStruct: "ObjectMeta")
            case "labels": m.labels = reader.stringMap(p.value, path: f, goStruct: "ObjectMeta")
            case "annotations": m.annotations = reader.stringMap(p.value, path: f, goStruct: "ObjectMeta")
            case "ownerReferences": m.controllerUID = controllerUID(p.value, path: f, &reader)
            default: break
            }
        }
        return m
    }

    private static func controllerUID(_ node: YAMLNode, path: String, _ reader: inout FieldReader) -> String? {
        guard let refs = reader.list(node, path: path, goStruct: "ObjectMeta", goType: "[]v1.OwnerReference") else { return nil }
        for ref in refs {
            guard let pairs = reader.object(ref, path: path, goStruct: "ObjectMeta", goType: "v1.OwnerReference") else { continue }
            var uid: String?
            var controller = false
            for p in pairs {
                if p.key == "uid" { uid = reader.string(p.value, path: path + ".uid", goStruct: "OwnerReference", goType: "types.UID") }
                if p.key == "controller" { controller = reader.bool(p.value, path: path + ".controller", goStruct: "OwnerReference") ?? false }
            }
            if controller { return uid ?? "" }
        }
        return nil
    }

    private static func article(_ kind: String) -> String {
        switch kind {
        case "array", "object": "an \(kind)"
        case "null": "empty (null)"
        default: "a \(kind)"
        }
    }
}
