import ContentFormat
import Diagnostics

/// The objects read from one file, the problems found, and how many non-RBAC objects
/// (a ServiceAccount, a Deployment beside the roles) were passed over.
public struct RBACLoadResult: Sendable {
    public var objects: [RBACObject]
    public var diagnostics: [Diagnostic]
    public var skipped: Int

    public init(objects: [RBACObject] = [], diagnostics: [Diagnostic] = [], skipped: Int = 0) {
        self.objects = objects
        self.diagnostics = diagnostics
        self.skipped = skipped
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Reads Roles, ClusterRoles, RoleBindings and ClusterRoleBindings from YAML or JSON
/// (multi-document, `List` kinds) the way `kubectl apply` plus the API server would take
/// them: a bad object is reported at its position and left out; the others still load.
public enum RBACObjectDecoder {
    /// More objects than this in one file are refused (the rest of the file is not read).
    public static let maxObjectsPerFile = 100_000
    /// `List` items nested deeper than this are refused.
    public static let maxListDepth = 4

    public static let rbacGroup = "rbac.authorization.k8s.io"
    public static let rbacVersion = "rbac.authorization.k8s.io/v1"
    static let kinds = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]
    static let listKinds = ["List", "RoleList", "ClusterRoleList", "RoleBindingList", "ClusterRoleBindingList"]

    /// How strictly to read.
    public struct Options: Sendable {
        /// The namespace of a Role or RoleBinding that names none (kubectl's `-n`).
        public var defaultNamespace: String
        /// Whether a missing `metadata.name` is warned about (the API server requires one;
        /// upstream's test tables leave binding names out).
        public var requireName: Bool

        public init(defaultNamespace: String = "default", requireName: Bool = true) {
            self.defaultNamespace = defaultNamespace
            self.requireName = requireName
        }
    }

    /// Every RBAC object of a file, in document order.
    public static func decode(_ source: SourceFile, options: Options = Options()) -> RBACLoadResult {
        var result = RBACLoadResult()
        let (documents, error) = YAMLReader.readDocuments(source)
        for doc in documents where !doc.isNull {
            decodeDocument(doc, source: source.name, options: options, depth: 0, into: &result)
            if result.objects.count > maxObjectsPerFile {
                result.objects.removeLast(result.objects.count - maxObjectsPerFile)
                result.diagnostics.append(.error("more than \(maxObjectsPerFile) objects in one file; the rest is not read",
                                                 at: doc.span))
                break
            }
        }
        if let error {
            result.diagnostics.append(Diagnostic.error(error.message, at: error.span, help: error.help, code: "yaml"))
        }
        return result
    }

    static func decodeDocument(_ doc: YAMLNode, source: String, options: Options, depth: Int,
                               into result: inout RBACLoadResult) {
        guard case .mapping(let pairs, let span) = doc else {
            result.diagnostics.append(.error("expected a Kubernetes object (a mapping with apiVersion and kind), got \(doc.jsonKind)",
                                             at: doc.span, code: "not-an-object"))
            return
        }
        let apiVersion = (try? FieldReader.string(pairs.last { $0.key == "apiVersion" }?.value ?? .null, path: "apiVersion")) ?? ""
        let kind = (try? FieldReader.string(pairs.last { $0.key == "kind" }?.value ?? .null, path: "kind")) ?? ""
        let kindSpan = pairs.last { $0.key == "kind" }?.value.span ?? span
        if listKinds.contains(kind) && (apiVersion == "v1" || apiVersion == rbacVersion) {
            decodeList(pairs, span: span, source: source, options: options, depth: depth, into: &result)
            return
        }
        if kind.isEmpty {
            result.diagnostics.append(.error("kind not set", at: span, label: "this object has no kind", code: "no-kind"))
            return
        }
        let group = apiVersion.split(separator: "/").count == 2 ? String(apiVersion.split(separator: "/")[0]) : ""
        if group != rbacGroup {
            if kinds.contains(kind) && !apiVersion.isEmpty {
                result.diagnostics.append(.error("no matches for kind \(GoQuote.quote(kind)) in version \(GoQuote.quote(apiVersion))",
                                                 at: pairs.last { $0.key == "apiVersion" }?.value.span ?? span,
                                                 help: "use `apiVersion: \(rbacVersion)`", code: "unknown-version"))
            } else if apiVersion.isEmpty {
                result.diagnostics.append(.error("apiVersion not set", at: span,
                                                 help: kinds.contains(kind) ? "use `apiVersion: \(rbacVersion)`" : nil,
                                                 code: "no-api-version"))
            } else {
                result.skipped += 1
            }
            return
        }
        guard kinds.contains(kind) else {
            result.diagnostics.append(.error("no matches for kind \(GoQuote.quote(kind)) in group \(GoQuote.quote(rbacGroup))",
                                             at: kindSpan, label: "unknown kind",
                                             help: DidYouMean.suggest(kind, among: kinds).map { "did you mean `\($0)`?" },
                                             code: "unknown-kind"))
            return
        }
        guard apiVersion == rbacVersion else {
            result.diagnostics.append(.error("no matches for kind \(GoQuote.quote(kind)) in version \(GoQuote.quote(apiVersion))",
                                             at: pairs.last { $0.key == "apiVersion" }?.value.span ?? span,
                                             help: "RBAC's beta versions were removed in Kubernetes 1.22; use `apiVersion: \(rbacVersion)`",
                                             code: "unknown-version"))
            return
        }
        do {
            let (object, warnings) = try decodeObject(doc, kind: kind, source: source, options: options)
            result.objects.append(object)
            result.diagnostics += warnings
        } catch {
            result.diagnostics.append(error)
        }
    }

    static func decodeList(_ pairs: [YAMLPair], span: Span, source: String, options: Options, depth: Int,
                           into result: inout RBACLoadResult) {
        guard depth < maxListDepth else {
            result.diagnostics.append(.error("List nested more than \(maxListDepth) deep", at: span, code: "list-depth"))
            return
        }
        do {
            let r = try FieldReader(.mapping(pairs, span), path: "", known: ["apiVersion", "kind", "metadata", "items"])
            for item in try r.list("items") where !item.isNull {
                decodeDocument(item, source: source, options: options, depth: depth + 1, into: &result)
            }
        } catch {
            result.diagnostics.append(error)
        }
    }

    /// One object of a known RBAC kind, with warnings for what the API server's
    /// validation would refuse but the authorizer can still evaluate.
    public static func decodeObject(_ node: YAMLNode, kind: String, source: String,
                                    options: Options = Options()) throws(Diagnostic) -> (RBACObject, [Diagnostic]) {
        let isRole = kind == "Role" || kind == "ClusterRole"
        let known = ["apiVersion", "kind", "metadata"] + (isRole ? ["rules"] : ["roleRef", "subjects"])
            + (kind == "ClusterRole" ? ["aggregationRule"] : [])
        let r = try FieldReader(node, path: "", known: known)
        let origin = ObjectOrigin(file: source, span: r.span)
        let meta = try Metadata(r.field("metadata") ?? .null)
        var warnings: [Diagnostic] = []
        if options.requireName && meta.name.isEmpty {
            // Upstream's test tables leave binding names out; the reasons then print "".
            warnings.append(.warning("metadata.name: Required value: name or generateName is required",
                                     at: r.keySpan("metadata") ?? r.span,
                                     help: "the API server would refuse this object; kcsa evaluates it with an empty name",
                                     code: "no-name"))
        }
        let namespaced = kind == "Role" || kind == "RoleBinding"
        let namespace = namespaced ? (meta.namespace.isEmpty ? options.defaultNamespace : meta.namespace) : ""
        if isRole {
            let rules = try rules(r.field("rules"), path: "rules")
            if kind == "Role" { try rejectNonResourceURLs(rules, r.field("rules"), name: meta.name) }
            let aggregation = kind == "ClusterRole" ? try r.field("aggregationRule").flatMap { (n) throws(Diagnostic) in
                try aggregationRule(n, path: "aggregationRule") } : nil
            let role = RoleObject(kind: kind == "Role" ? .role : .clusterRole, name: meta.name, namespace: namespace,
                                  labels: Dictionary(meta.labels, uniquingKeysWith: { _, b in b }), rules: rules,
                                  aggregationRule: aggregation, origin: origin)
            return (.role(role), warnings)
        }
        guard let refNode = r.field("roleRef"), !refNode.isNull else {
            throw Diagnostic.error("roleRef: Required value: a \(kind) must name the role it grants",
                                   at: r.span, label: "no roleRef", code: "no-role-ref")
        }
        let ref = try roleRef(refNode, path: "roleRef")
        var subjects: [Subject] = []
        for (i, s) in try r.list("subjects").enumerated() { subjects.append(try subject(s, path: "subjects[\(i)]")) }
        let binding = BindingObject(kind: kind == "RoleBinding" ? .roleBinding : .clusterRoleBinding, name: meta.name,
                                    namespace: namespace, roleRef: ref, subjects: subjects, origin: origin)
        return (.binding(binding), warnings + (try validateBinding(binding, refNode: refNode, reader: r)))
    }

    /// `ValidatePolicyRule` for a namespaced Role: a rule with nonResourceURLs is invalid
    /// (`rules[i].nonResourceURLs: Invalid value: []string{...}: namespaced rules cannot apply
    /// to non-resource URLs`), so the API server refuses the whole Role, and so does kcsa.
    static func rejectNonResourceURLs(_ rules: [PolicyRule], _ node: YAMLNode?, name: String) throws(Diagnostic) {
        guard let i = rules.firstIndex(where: { !$0.nonResourceURLs.isEmpty }) else { return }
        var span = node?.span
        if case .sequence(let items, _)? = node, i < items.count, case .mapping(let pairs, let itemSpan) = items[i] {
            span = pairs.last { $0.key == "nonResourceURLs" }?.value.span ?? itemSpan
        }
        let value = "[]string{" + rules[i].nonResourceURLs.map(GoQuote.quote).joined(separator: ", ") + "}"
        throw Diagnostic.error("Role.rbac.authorization.k8s.io \(GoQuote.quote(name)) is invalid: rules[\(i)].nonResourceURLs: "
                               + "Invalid value: \(value): namespaced rules cannot apply to non-resource URLs",
                               at: span, label: "a Role is namespaced; non-resource URLs are not",
                               help: "grant non-resource URLs with a ClusterRole and a ClusterRoleBinding", code: "invalid-rule")
    }

    /// What kube-apiserver's validation would reject in a binding that kcsa still loads.
    static func validateBinding(_ b: BindingObject, refNode: YAMLNode, reader: FieldReader) throws(Diagnostic) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        if b.roleRef.name.isEmpty {
            throw Diagnostic.error("roleRef.name: Required value", at: refNode.span, code: "no-role-ref")
        }
        let allowed = b.kind == .roleBinding ? ["Role", "ClusterRole"] : ["ClusterRole"]
        if !allowed.contains(b.roleRef.kind) {
            warnings.append(.warning("roleRef.kind: Unsupported value: \(GoQuote.quote(b.roleRef.kind)): supported values: "
                                     + allowed.map(GoQuote.quote).joined(separator: ", "),
                                     at: refNode.span, help: "the API server would refuse this binding", code: "role-ref-kind"))
        }
        if b.roleRef.apiGroup != rbacGroup {
            warnings.append(.warning("roleRef.apiGroup: Unsupported value: \(GoQuote.quote(b.roleRef.apiGroup)): supported values: \"\(rbacGroup)\"",
                                     at: refNode.span, help: "the API server would refuse this binding", code: "role-ref-group"))
        }
        let subjectNodes = (try? reader.list("subjects")) ?? []
        for (i, s) in b.subjects.enumerated() where !["User", "Group", "ServiceAccount"].contains(s.kind) {
            let at = i < subjectNodes.count ? subjectNodes[i].span : refNode.span
            warnings.append(.warning("subjects[\(i)].kind: Unsupported value: \(GoQuote.quote(s.kind)): supported values: \"ServiceAccount\", \"User\", \"Group\"",
                                     at: at, help: DidYouMean.suggest(s.kind, among: ["User", "Group", "ServiceAccount"]).map { "did you mean `\($0)`?" },
                                     code: "subject-kind"))
        }
        return warnings
    }
}

/// The parts of `metadata` RBAC reads; the other ObjectMeta fields are accepted and ignored.
struct Metadata {
    static let fields = ["name", "namespace", "labels", "annotations", "uid", "resourceVersion", "generation",
                         "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generateName",
                         "selfLink", "ownerReferences", "finalizers", "managedFields"]
    var name: String
    var namespace: String
    var labels: [(key: String, value: String)]

    init(_ node: YAMLNode) throws(Diagnostic) {
        let r = try FieldReader(node, path: "metadata", known: Metadata.fields)
        name = try r.string("name")
        namespace = try r.string("namespace")
        labels = try r.stringMap("labels")
    }
}

extension YAMLNode {
    /// A null scalar with no position, for a field that is absent.
    static var null: YAMLNode { .scalar(YAMLScalar(text: "", kind: .null, span: .at(0))) }
}
