import ContentFormat
import Diagnostics

/// Typed field readers over a YAML mapping, with Kubernetes' strict decoding: a value
/// of the wrong JSON type or an unknown field is an error at its position.
struct FieldReader {
    let pairs: [YAMLPair]
    let span: Span
    let path: String

    /// A reader for `node`, which must be a mapping (null reads as an empty one).
    init(_ node: YAMLNode, path: String, known: [String]) throws(Diagnostic) {
        switch node {
        case .mapping(let pairs, let span):
            self.pairs = pairs
            self.span = span
            self.path = path
        case .scalar(let s) where s.kind == .null:
            self.pairs = []
            self.span = s.span
            self.path = path
        default:
            throw FieldReader.typeError(node, path: path, expected: "object")
        }
        for pair in pairs where !known.contains(pair.key) {
            let field = path.isEmpty ? pair.key : path + "." + pair.key
            throw Diagnostic.error("strict decoding error: unknown field " + GoQuote.quote(field), at: pair.keySpan,
                                   label: "not a field here",
                                   help: DidYouMean.suggest(pair.key, among: known).map { "did you mean `\($0)`?" },
                                   code: "unknown-field")
        }
    }

    func field(_ key: String) -> YAMLNode? {
        pairs.last { $0.key == key }?.value
    }

    func keySpan(_ key: String) -> Span? {
        pairs.last { $0.key == key }?.keySpan
    }

    func sub(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// A string field; missing and null read as "".
    func string(_ key: String) throws(Diagnostic) -> String {
        guard let node = field(key) else { return "" }
        return try FieldReader.string(node, path: sub(key))
    }

    /// A list of strings; missing, null and [] read as [] (an element that is null reads as "").
    func strings(_ key: String) throws(Diagnostic) -> [String] {
        guard let node = field(key) else { return [] }
        switch node {
        case .scalar(let s) where s.kind == .null:
            return []
        case .sequence(let items, _):
            var out: [String] = []
            for (i, item) in items.enumerated() {
                out.append(try FieldReader.string(item, path: sub(key) + "[\(i)]"))
            }
            return out
        default:
            throw FieldReader.typeError(node, path: sub(key), expected: "array of strings")
        }
    }

    /// A map of strings (labels); missing and null read as empty.
    func stringMap(_ key: String) throws(Diagnostic) -> [(key: String, value: String)] {
        guard let node = field(key) else { return [] }
        switch node {
        case .scalar(let s) where s.kind == .null:
            return []
        case .mapping(let pairs, _):
            var out: [(key: String, value: String)] = []
            for pair in pairs {
                out.append((pair.key, try FieldReader.string(pair.value, path: sub(key) + "." + pair.key)))
            }
            return out
        default:
            throw FieldReader.typeError(node, path: sub(key), expected: "object of strings")
        }
    }

    /// The items of a list field; missing and null read as none.
    func list(_ key: String) throws(Diagnostic) -> [YAMLNode] {
        guard let node = field(key) else { return [] }
        switch node {
        case .scalar(let s) where s.kind == .null: return []
        case .sequence(let items, _): return items
        default: throw FieldReader.typeError(node, path: sub(key), expected: "array")
        }
    }

    static func string(_ node: YAMLNode, path: String) throws(Diagnostic) -> String {
        switch node {
        case .scalar(let s):
            switch s.kind {
            case .string: return s.text
            case .null: return ""
            default: throw typeError(node, path: path, expected: "string")
            }
        default:
            throw typeError(node, path: path, expected: "string")
        }
    }

    /// Go's `json: cannot unmarshal number into Go value of type string`, with the field path.
    static func typeError(_ node: YAMLNode, path: String, expected: String) -> Diagnostic {
        var shown = node.jsonKind
        if case .scalar(let s) = node { shown += " " + GoQuote.quote(s.text) }
        return Diagnostic.error("\(path): expected \(expected), got \(shown)", at: node.span,
                                label: "expected \(expected)", code: "wrong-type")
    }
}

extension RBACObjectDecoder {
    static let ruleFields = ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"]

    /// One PolicyRule.
    public static func rule(_ node: YAMLNode, path: String = "rule") throws(Diagnostic) -> PolicyRule {
        let r = try FieldReader(node, path: path, known: ruleFields)
        return PolicyRule(verbs: try r.strings("verbs"), apiGroups: try r.strings("apiGroups"),
                          resources: try r.strings("resources"), resourceNames: try r.strings("resourceNames"),
                          nonResourceURLs: try r.strings("nonResourceURLs"))
    }

    /// A list of PolicyRules.
    public static func rules(_ node: YAMLNode?, path: String) throws(Diagnostic) -> [PolicyRule] {
        guard let node else { return [] }
        switch node {
        case .scalar(let s) where s.kind == .null: return []
        case .sequence(let items, _):
            var out: [PolicyRule] = []
            for (i, item) in items.enumerated() { out.append(try rule(item, path: path + "[\(i)]")) }
            return out
        default:
            throw FieldReader.typeError(node, path: path, expected: "array")
        }
    }

    /// One subject of a binding.
    public static func subject(_ node: YAMLNode, path: String = "subject") throws(Diagnostic) -> Subject {
        let r = try FieldReader(node, path: path, known: ["kind", "apiGroup", "name", "namespace"])
        return Subject(kind: try r.string("kind"), apiGroup: try r.string("apiGroup"), name: try r.string("name"),
                       namespace: try r.string("namespace"))
    }

    static func roleRef(_ node: YAMLNode, path: String) throws(Diagnostic) -> RoleRef {
        let r = try FieldReader(node, path: path, known: ["apiGroup", "kind", "name"])
        return RoleRef(apiGroup: try r.string("apiGroup"), kind: try r.string("kind"), name: try r.string("name"))
    }

    static func aggregationRule(_ node: YAMLNode, path: String) throws(Diagnostic) -> AggregationRule? {
        if node.isNull { return nil }
        let r = try FieldReader(node, path: path, known: ["clusterRoleSelectors"])
        var selectors: [LabelSelector] = []
        for (i, item) in try r.list("clusterRoleSelectors").enumerated() {
            let sp = path + ".clusterRoleSelectors[\(i)]"
            let s = try FieldReader(item, path: sp, known: ["matchLabels", "matchExpressions"])
            var expressions: [LabelSelector.Requirement] = []
            for (j, e) in try s.list("matchExpressions").enumerated() {
                let er = try FieldReader(e, path: sp + ".matchExpressions[\(j)]", known: ["key", "operator", "values"])
                expressions.append(.init(key: try er.string("key"), operator: try er.string("operator"),
                                         values: try er.strings("values")))
            }
            selectors.append(LabelSelector(matchLabels: try s.stringMap("matchLabels"), matchExpressions: expressions))
        }
        return AggregationRule(clusterRoleSelectors: selectors)
    }

    /// The user of a request line or vector: `{"name": ..., "groups": [...], "extra": {...}}`.
    public static func user(_ node: YAMLNode, path: String = "user") throws(Diagnostic) -> UserInfo {
        let r = try FieldReader(node, path: path, known: ["name", "groups", "extra", "uid"])
        return UserInfo(name: try r.string("name"), groups: try r.strings("groups"))
    }

    /// Request attributes in the shape of the conformance vectors. A missing
    /// `resourceRequest` means true unless `path` is set.
    public static func request(_ node: YAMLNode, path: String = "request") throws(Diagnostic) -> AuthorizationRequest {
        let known = ["verb", "apiGroup", "resource", "subresource", "name", "namespace", "path", "resourceRequest"]
        let r = try FieldReader(node, path: path, known: known)
        let urlPath = try r.string("path")
        var isResource = urlPath.isEmpty
        if let flag = r.field("resourceRequest"), !flag.isNull {
            guard case .scalar(let s) = flag, case .bool(let b) = s.kind else {
                throw FieldReader.typeError(flag, path: path + ".resourceRequest", expected: "bool")
            }
            isResource = b
        }
        return AuthorizationRequest(verb: try r.string("verb"), apiGroup: try r.string("apiGroup"),
                                    resource: try r.string("resource"), subresource: try r.string("subresource"),
                                    name: try r.string("name"), namespace: try r.string("namespace"),
                                    path: urlPath, isResourceRequest: isResource)
    }
}
