import ContentFormat
import Diagnostics

/// Decodes a YAML/JSON document into an `AuditPolicy` the way kube-apiserver's codec
/// does: JSON types must fit the fields (a type mismatch fails decoding), `null` leaves
/// a field empty, unknown fields are dropped (a strict-decoding error the loader only
/// warns about). Every problem is recorded with its span.
struct PolicyDecoder {
    /// A decode failure: the apiserver text (Go's `json:` wording) and where.
    struct TypeError {
        var message: String
        var span: Span
        var help: String?
    }

    /// A field the apiserver silently drops (strict decoding error, lenient fallback).
    struct UnknownField {
        var path: String
        var key: String
        var span: Span
        var known: [String]
    }

    private(set) var typeErrors: [TypeError] = []
    private(set) var unknownFields: [UnknownField] = []
    private(set) var spans = PolicySpans()

    static let policyKeys = ["apiVersion", "kind", "metadata", "rules", "omitStages", "omitManagedFields"]
    static let ruleKeys = ["level", "users", "userGroups", "verbs", "resources", "namespaces", "nonResourceURLs",
                           "omitStages", "omitManagedFields"]
    static let groupResourceKeys = ["group", "resources", "resourceNames"]

    /// Decodes the policy body (the caller checked apiVersion and kind).
    mutating func decodePolicy(_ pairs: [YAMLPair], apiVersion: String?, kind: String?) -> AuditPolicy {
        var policy = AuditPolicy(apiVersion: apiVersion, kind: kind)
        for p in pairs {
            spans.keys[p.key] = p.keySpan
            spans.values[p.key] = p.value.span
            switch p.key {
            case "apiVersion", "kind", "metadata": break
            case "rules":
                switch p.value {
                case .sequence(let items, _):
                    policy.rules = items.enumerated().map { decodeRule($1, index: $0) }
                case let v where v.isNull: break
                default:
                    typeMismatch(p.value, goPath: "Policy.rules", goType: "[]v1.PolicyRule")
                }
            case "omitStages":
                policy.omitStages = strings(p.value, path: "omitStages", goPath: "Policy.omitStages", goType: "v1.Stage")
            case "omitManagedFields":
                policy.omitManagedFields = bool(p.value, goPath: "Policy.omitManagedFields") ?? false
            default:
                unknown(p, path: "", known: Self.policyKeys)
            }
        }
        policy.spans = spans
        return policy
    }

    private mutating func decodeRule(_ node: YAMLNode, index: Int) -> PolicyRule {
        let path = "rules[\(index)]"
        var rule = PolicyRule(level: "")
        spans.values[path] = node.span
        guard case .mapping(let pairs, _) = node else {
            if !node.isNull { typeMismatch(node, goPath: "Policy.rules", goType: "v1.PolicyRule") }
            return rule
        }
        for p in pairs {
            let fp = "\(path).\(p.key)"
            spans.keys[fp] = p.keySpan
            spans.values[fp] = p.value.span
            switch p.key {
            case "level": rule.level = string(p.value, goPath: "PolicyRule.rules.level", goType: "v1.Level") ?? ""
            case "users": rule.users = strings(p.value, path: fp, goPath: "PolicyRule.rules.users", goType: "string")
            case "userGroups":
                rule.userGroups = strings(p.value, path: fp, goPath: "PolicyRule.rules.userGroups", goType: "string")
            case "verbs": rule.verbs = strings(p.value, path: fp, goPath: "PolicyRule.rules.verbs", goType: "string")
            case "namespaces":
                rule.namespaces = strings(p.value, path: fp, goPath: "PolicyRule.rules.namespaces", goType: "string")
            case "nonResourceURLs":
                rule.nonResourceURLs = strings(p.value, path: fp, goPath: "PolicyRule.rules.nonResourceURLs",
                                               goType: "string")
            case "omitStages":
                rule.omitStages = strings(p.value, path: fp, goPath: "PolicyRule.rules.omitStages", goType: "v1.Stage")
            case "omitManagedFields":
                rule.omitManagedFields = bool(p.value, goPath: "PolicyRule.rules.omitManagedFields")
            case "resources":
                switch p.value {
                case .sequence(let items, _):
                    rule.resources = items.enumerated().map { decodeGroupResources($1, path: "\(fp)[\($0)]") }
                case let v where v.isNull: break
                default: typeMismatch(p.value, goPath: "PolicyRule.rules.resources", goType: "[]v1.GroupResources")
                }
            default:
                unknown(p, path: path, known: Self.ruleKeys)
            }
        }
        return rule
    }

    private mutating func decodeGroupResources(_ node: YAMLNode, path: String) -> GroupResources {
        var gr = GroupResources()
        spans.values[path] = node.span
        guard case .mapping(let pairs, _) = node else {
            if !node.isNull { typeMismatch(node, goPath: "PolicyRule.rules.resources", goType: "v1.GroupResources") }
            return gr
        }
        for p in pairs {
            let fp = "\(path).\(p.key)"
            spans.keys[fp] = p.keySpan
            spans.values[fp] = p.value.span
            switch p.key {
            case "group": gr.group = string(p.value, goPath: "GroupResources.rules.resources.group", goType: "string") ?? ""
            case "resources":
                gr.resources = strings(p.value, path: fp, goPath: "GroupResources.rules.resources.resources",
                                       goType: "string")
            case "resourceNames":
                gr.resourceNames = strings(p.value, path: fp, goPath: "GroupResources.rules.resources.resourceNames",
                                           goType: "string")
            default:
                unknown(p, path: path, known: Self.groupResourceKeys)
            }
        }
        return gr
    }

    // MARK: - Scalars

    private mutating func string(_ node: YAMLNode, goPath: String, goType: String) -> String? {
        guard case .scalar(let s) = node else {
            typeMismatch(node, goPath: goPath, goType: goType)
            return nil
        }
        switch s.kind {
        case .string: return s.text
        case .null: return nil
        default:
            typeMismatch(node, goPath: goPath, goType: goType)
            return nil
        }
    }

    private mutating func strings(_ node: YAMLNode, path: String, goPath: String, goType: String) -> [String] {
        switch node {
        case .sequence(let items, _):
            var out: [String] = []
            for (i, item) in items.enumerated() {
                spans.values["\(path)[\(i)]"] = item.span
                // A null element decodes to the zero value, "".
                out.append(string(item, goPath: goPath, goType: goType) ?? "")
            }
            return out
        case let v where v.isNull:
            return []
        default:
            typeMismatch(node, goPath: goPath, goType: "[]" + goType)
            return []
        }
    }

    private mutating func bool(_ node: YAMLNode, goPath: String) -> Bool? {
        if case .scalar(let s) = node {
            if case .bool(let b) = s.kind { return b }
            if s.kind == .null { return nil }
        }
        typeMismatch(node, goPath: goPath, goType: "bool")
        return nil
    }

    // MARK: - Problems

    private mutating func typeMismatch(_ node: YAMLNode, goPath: String, goType: String) {
        let got = node.jsonKind
        var help: String?
        if case .scalar(let s) = node, goType.hasSuffix("string") || goType.hasSuffix("Level") || goType.hasSuffix("Stage") {
            switch s.kind {
            case .bool:
                help = "YAML 1.1 reads `\(s.text)` as a boolean; quote it (\"\(s.text)\") to mean the string"
            case .int, .float:
                help = "`\(s.text)` is read as a number; quote it (\"\(s.text)\") to mean the string"
            default: break
            }
        } else if goType.hasPrefix("[]"), case .scalar = node {
            help = "this field takes a list: write `[\(node.scalarText ?? "...")]` or one `- item` per line"
        }
        typeErrors.append(TypeError(
            message: "json: cannot unmarshal \(got) into Go struct field \(goPath) of type \(goType)",
            span: node.span, help: help))
    }

    private mutating func unknown(_ p: YAMLPair, path: String, known: [String]) {
        unknownFields.append(UnknownField(path: path.isEmpty ? p.key : "\(path).\(p.key)", key: p.key,
                                          span: p.keySpan, known: known))
    }
}

extension YAMLNode {
    var scalarText: String? {
        if case .scalar(let s) = self { return s.text }
        return nil
    }
}
