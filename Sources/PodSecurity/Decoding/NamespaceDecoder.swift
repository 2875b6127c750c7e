import ContentFormat
import Diagnostics

/// A namespace as admission sees it: its name and labels.
public struct NamespaceObject: Sendable, Equatable {
    public var name: String
    public var labels: [String: String]
    public var span: Span

    public init(name: String, labels: [String: String], span: Span = .at(0)) {
        self.name = name
        self.labels = labels
        self.span = span
    }
}

/// What a `--namespace` file holds: Namespace documents (the first is the namespace; a
/// second one with the same name is its new state, for a label change) and optionally the
/// plugin's PodSecurityConfiguration (alone or inside an AdmissionConfiguration).
public struct NamespaceFile: Sendable {
    public var namespaces: [NamespaceObject] = []
    public var configuration: PodSecurityConfiguration?
    public var diagnostics: [Diagnostic] = []

    public static func read(_ source: SourceFile) -> NamespaceFile {
        var file = NamespaceFile()
        let chunks = ManifestReader.documentStarts(source.bytes)
        for (n, start) in chunks.enumerated() {
            let end = n + 1 < chunks.count ? chunks[n + 1] : source.bytes.count
            let chunk = SourceFile(name: source.name, bytes: Array(source.bytes[start..<end]))
            do {
                guard let node = try YAMLReader.read(chunk) else { continue }
                var part = NamespaceFile()
                part.document(node)
                file.namespaces += part.namespaces.map { NamespaceObject(name: $0.name, labels: $0.labels, span: shift($0.span, start)) }
                if let c = part.configuration { file.configuration = c }
                file.diagnostics += part.diagnostics.map { d in
                    var d = d
                    d.span = d.span.map { shift($0, start) }
                    return d
                }
            } catch {
                file.diagnostics.append(.error(error.message, at: shift(error.span, start), help: error.help, code: "yaml-syntax"))
            }
        }
        if file.namespaces.isEmpty && file.diagnostics.isEmpty {
            file.diagnostics.append(.error("no Namespace object in the namespace file", at: .at(0),
                                           help: "write `apiVersion: v1`, `kind: Namespace`, `metadata: {name: ..., labels: {...}}`",
                                           code: "no-namespace"))
        }
        return file
    }

    private static func shift(_ s: Span, _ by: Int) -> Span { Span(start: s.start + by, end: s.end + by) }

    private mutating func document(_ node: YAMLNode) {
        guard case .mapping(let pairs, _) = node else {
            diagnostics.append(.error("not a Kubernetes object: the document is not a mapping", at: node.span, code: "not-an-object"))
            return
        }
        let kind = pairs.first { $0.key == "kind" }.flatMap { p -> String? in
            if case .scalar(let s) = p.value { return s.text }
            return nil
        }
        switch kind {
        case "Namespace": namespace(node, pairs)
        case "PodSecurityConfiguration": configuration(pairs, path: "")
        case "AdmissionConfiguration": admissionConfiguration(pairs)
        default:
            diagnostics.append(.error("expected a Namespace (or a PodSecurityConfiguration), found \(kind.map { "kind \($0)" } ?? "no kind")",
                                      at: pairs.first { $0.key == "kind" }?.value.span ?? node.span, code: "not-a-namespace"))
        }
    }

    private mutating func namespace(_ node: YAMLNode, _ pairs: [YAMLPair]) {
        var reader = FieldReader(context: "Namespace in version \"v1\" cannot be handled as a Namespace")
        var m = ObjectDecoder.Metadata()
        if let meta = pairs.first(where: { $0.key == "metadata" }) { m = ObjectDecoder.metadata(meta.value, path: "metadata", &reader) }
        diagnostics += reader.errors
        if reader.errors.isEmpty { namespaces.append(NamespaceObject(name: m.name, labels: m.labels, span: node.span)) }
    }

    private mutating func admissionConfiguration(_ pairs: [YAMLPair]) {
        guard case .sequence(let plugins, _)? = pairs.first(where: { $0.key == "plugins" })?.value else { return }
        for case .mapping(let plugin, _) in plugins {
            guard case .scalar(let name)? = plugin.first(where: { $0.key == "name" })?.value, name.text == "PodSecurity",
                  case .mapping(let config, _)? = plugin.first(where: { $0.key == "configuration" })?.value else { continue }
            configuration(config, path: "plugins[PodSecurity].configuration.")
        }
    }

    private mutating func configuration(_ pairs: [YAMLPair], path: String) {
        var reader = FieldReader(context: "PodSecurityConfiguration cannot be decoded")
        var defaults: [String: String] = [:]
        var exemptions = PodSecurityConfiguration.Exemptions()
        for p in pairs {
            if p.key == "defaults" {
                defaults = reader.stringMap(p.value, path: path + "defaults", goStruct: "PodSecurityConfiguration")
            } else if p.key == "exemptions",
                      let ex = reader.object(p.value, path: path + "exemptions", goStruct: "PodSecurityConfiguration",
                                             goType: "v1.PodSecurityExemptions", known: ["usernames", "namespaces", "runtimeClasses"]) {
                for q in ex {
                    let list = reader.strings(q.value, path: path + "exemptions." + q.key, goStruct: "PodSecurityExemptions")
                    switch q.key {
                    case "usernames": exemptions.usernames = list
                    case "namespaces": exemptions.namespaces = list
                    case "runtimeClasses": exemptions.runtimeClasses = list
                    default: break
                    }
                }
            }
        }
        let (policy, errors) = PodSecurityConfiguration.defaultsPolicy(defaults)
        let span = pairs.first { $0.key == "defaults" }?.value.span
        diagnostics += reader.errors + errors.map { .error("invalid PodSecurity configuration: defaults.\($0)", at: span, code: "bad-config") }
        configuration = PodSecurityConfiguration(defaults: policy, exemptions: exemptions)
    }
}
