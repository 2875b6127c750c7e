import Diagnostics
import PodSecurity
import Yams

/// Reads the fields of the Pod Security lab kinds (`pss-manifest`, `pss-labels`,
/// `pss-predict`) for LabDecoder, with positioned errors. The manifests a lab holds are
/// decoded here, by the engine's reader, so a broken one fails at load.
struct PSSLabDecoder {
    let source: SourceFile
    let labID: String
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceFile, labID: String) {
        self.source = source
        self.labID = labID
    }

    /// The spec of a Pod Security kind; `take` removes a key from the lab's mapping.
    mutating func spec(_ kind: Lab.Kind, at mark: Mark?, take: (String) -> Node?) -> LabSpec? {
        switch kind {
        case .pssManifest: return .pssManifest(manifestSpec(at: mark, take: take))
        case .pssLabels: return .pssLabels(labelsSpec(at: mark, take: take))
        case .pssPredict: return .pssPredict(predictSpec(at: mark, take: take))
        default: return nil
        }
    }

    // MARK: - pss-manifest

    private mutating func manifestSpec(at mark: Mark?, take: (String) -> Node?) -> PSSManifestSpec {
        let lv = levelVersion(take("level"), at: mark)
        let namespace = text(take("namespace"), "namespace") ?? "default"
        var requires: [PSSRequirement] = []
        let node = take("requires")
        for item in list(node, "requires") {
            guard let map = item.mapping else { error("each requirement is a mapping (name, path, equals or absent)", item.mark); continue }
            var f = PSSFields(map)
            let name = text(f.take("name"), "name", required: true, at: item.mark) ?? ""
            let pathText = text(f.take("path"), "path", required: true, at: item.mark) ?? ""
            let path = PSSFieldPath(pathText)
            if path == nil && !pathText.isEmpty { error("\"\(pathText)\" is not a field path (like spec.containers[name=web].image)", item.mark) }
            let equals = f.take("equals").flatMap { $0.scalar?.string }
            let absent = f.take("absent")?.bool ?? false
            if absent && equals != nil { error("requirement \"\(name)\" has both `equals:` and `absent:`", item.mark) }
            unknown(f, allowed: ["name", "path", "equals", "absent"])
            if let path { requires.append(PSSRequirement(name: name, path: path, equals: equals, absent: absent)) }
        }
        if requires.isEmpty {
            error("a pss-manifest lab needs `requires:` (what the workload must keep), or deleting everything passes", mark)
        }
        return PSSManifestSpec(levelVersion: lv, namespace: namespace, requires: requires)
    }

    // MARK: - pss-labels

    private mutating func labelsSpec(at mark: Mark?, take: (String) -> Node?) -> PSSLabelsSpec {
        let namespace = text(take("namespace"), "namespace", required: true, at: mark) ?? ""
        let pinnedNode = take("pinned")
        let pinned = strings(pinnedNode, "pinned")
        for mode in pinned where !["enforce", "warn", "audit"].contains(mode) {
            error("pinned lists modes: enforce, warn, audit (not \"\(mode)\")", pinnedNode?.mark)
        }
        var labels: [String: String] = [:]
        if let node = take("labels") {
            if let map = node.mapping {
                for (k, v) in map { labels[k.string ?? ""] = v.scalar?.string ?? "" }
            } else {
                error("`labels:` is a mapping of label to value", node.mark)
            }
        }
        var probes: [PSSProbe] = []
        for item in list(take("probes"), "probes") {
            guard let map = item.mapping else { error("each probe needs id, manifest, allowed, warned, audited", item.mark); continue }
            var f = PSSFields(map)
            let id = text(f.take("id"), "id", required: true, at: item.mark) ?? ""
            if probes.contains(where: { $0.id == id }) { error("probe id \"\(id)\" is used twice", item.mark) }
            let manifest = text(f.take("manifest"), "manifest", required: true, at: item.mark) ?? ""
            let allowed = flag(f.take("allowed"), "allowed", at: item.mark)
            let warned = flag(f.take("warned"), "warned", at: item.mark)
            let audited = flag(f.take("audited"), "audited", at: item.mark)
            unknown(f, allowed: ["id", "manifest", "allowed", "warned", "audited"])
            let objects = self.objects(manifest, name: "probe \(id)", at: item.mark)
            guard objects.count == 1, let object = objects.first else {
                if !objects.isEmpty { error("probe \(id) must hold exactly one object", item.mark) }
                continue
            }
            probes.append(PSSProbe(id: id, object: object, text: manifest, allowed: allowed, warned: warned, audited: audited))
        }
        if probes.isEmpty { error("a pss-labels lab needs `probes:`", mark) }
        return PSSLabelsSpec(namespace: namespace, probes: probes, pinned: pinned, labels: labels)
    }

    // MARK: - pss-predict

    private mutating func predictSpec(at mark: Mark?, take: (String) -> Node?) -> PSSPredictSpec {
        var namespaces: [PSSPredictSpec.Namespace] = []
        for item in list(take("namespaces"), "namespaces") {
            guard let map = item.mapping else { error("each namespace needs name and labels", item.mark); continue }
            var f = PSSFields(map)
            let name = text(f.take("name"), "name", required: true, at: item.mark) ?? ""
            var labels: [(key: String, value: String)] = []
            if let l = f.take("labels") {
                if let lm = l.mapping {
                    labels = lm.map { (key: $0.key.string ?? "", value: $0.value.scalar?.string ?? "") }
                } else {
                    error("`labels:` is a mapping of label to value", l.mark)
                }
            }
            unknown(f, allowed: ["name", "labels"])
            if namespaces.contains(where: { $0.name == name }) { error("namespace \"\(name)\" is listed twice", item.mark) }
            namespaces.append(.init(name: name, labels: labels))
        }
        if namespaces.isEmpty { error("a pss-predict lab needs `namespaces:`", mark) }
        let askNode = take("ask")
        var ask: [PSSPredictSpec.Fact] = []
        for s in strings(askNode, "ask") {
            if let f = PSSPredictSpec.Fact(rawValue: s) { ask.append(f) } else {
                error("unknown fact \"\(s)\" in ask; expected outcome, checks or audit", askNode?.mark)
            }
        }
        if askNode == nil { ask = [.outcome, .checks] }
        let manifestsNode = take("manifests")
        let text = self.text(manifestsNode, "manifests", required: true, at: mark) ?? ""
        var items: [PSSPredictSpec.Item] = []
        for object in objects(text, name: "manifests", at: manifestsNode?.mark) {
            guard let ns = object.namespace, namespaces.contains(where: { $0.name == ns }) else {
                error("\(object.kind.rawValue)/\(object.name) needs metadata.namespace, one of the lab's namespaces", manifestsNode?.mark)
                continue
            }
            if items.contains(where: { $0.id == object.name }) {
                error("two objects are named \(object.name); names are the answer's keys", manifestsNode?.mark)
            }
            items.append(.init(id: object.name, namespace: ns, object: object))
        }
        if items.isEmpty && !text.isEmpty { error("`manifests:` holds no pod or workload", manifestsNode?.mark) }
        return PSSPredictSpec(namespaces: namespaces, ask: ask, items: items, text: text)
    }

    // MARK: - Values

    /// The objects of an embedded manifest; its problems are errors at `mark`.
    private mutating func objects(_ text: String, name: String, at mark: Mark?) -> [PodSecurityObject] {
        var out: [PodSecurityObject] = []
        for entry in ManifestReader.read(SourceFile(name: "\(labID) \(name)", text: text)) {
            switch entry.result {
            case .object(let o): out.append(o)
            case .skipped(let kind, let n, _): error("\(name): \(kind)/\(n) is not a pod or workload", mark)
            case .invalid(let ds):
                for d in ds where d.severity == .error { error("\(name) (document \(entry.documentIndex)): \(d.message)", mark) }
            }
        }
        return out
    }

    private mutating func levelVersion(_ node: Node?, at mark: Mark?) -> LevelVersion {
        guard let s = text(node, "level", required: true, at: mark) else { return LevelVersion(.restricted) }
        let parts = s.split(separator: ":", maxSplits: 1).map(String.init)
        let (level, levelError) = PodSecurityLevel.parse(parts.first ?? "")
        let (version, versionError) = PodSecurityVersion.parse(parts.count > 1 ? parts[1] : "latest")
        if levelError != nil || versionError != nil {
            error("level \"\(s)\" must be LEVEL or LEVEL:VERSION, like restricted:v1.35", node?.mark)
        }
        return LevelVersion(level, version)
    }

    private mutating func text(_ node: Node?, _ key: String, required: Bool = false, at mark: Mark? = nil) -> String? {
        guard let node else {
            if required { error("missing `\(key):`", mark) }
            return nil
        }
        guard let s = node.scalar?.string else { error("`\(key):` must be text", node.mark); return nil }
        return s
    }

    private mutating func flag(_ node: Node?, _ key: String, at mark: Mark?) -> Bool {
        guard let node else { error("missing `\(key):` (true or false)", mark); return false }
        guard let b = node.bool else { error("`\(key):` must be true or false", node.mark); return false }
        return b
    }

    private mutating func list(_ node: Node?, _ key: String) -> [Node] {
        guard let node else { return [] }
        guard let seq = node.sequence else { error("`\(key):` must be a list", node.mark); return [] }
        return Array(seq)
    }

    private mutating func strings(_ node: Node?, _ key: String) -> [String] {
        guard let node else { return [] }
        if let s = node.scalar?.string { return [s] }
        return list(node, key).compactMap { n in
            if let s = n.scalar?.string { return s }
            error("`\(key):` must hold text", n.mark)
            return nil
        }
    }

    private mutating func unknown(_ f: PSSFields, allowed: [String]) {
        for (key, node) in f.rest {
            let guess = DidYouMean.suggest(key, among: allowed).map { "; did you mean \($0)?" } ?? ""
            error("unknown key \"\(key)\"\(guess)", node.mark)
        }
    }

    private mutating func error(_ message: String, _ mark: Mark?) {
        let span = mark.map { Span.at(source.offset(line: $0.line, column: $0.column)) }
        diagnostics.append(.error(message, at: span))
    }
}

/// A mapping's entries by key, taken one at a time so the leftovers are the unknown keys.
private struct PSSFields {
    private var entries: [(String, Node)]

    init(_ map: Node.Mapping) { entries = map.map { ($0.key.string ?? "", $0.value) } }

    mutating func take(_ key: String) -> Node? {
        guard let i = entries.firstIndex(where: { $0.0 == key }) else { return nil }
        return entries.remove(at: i).1
    }

    var rest: [(String, Node)] { entries }
}
