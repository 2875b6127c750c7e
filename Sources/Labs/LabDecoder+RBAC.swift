import ContentFormat
import Diagnostics
import RBAC

/// The fields of the RBAC lab kinds (`rbac`, `rbac-predict`), read with positions.
extension LabDecoder {
    /// The top-level keys the RBAC kinds add.
    static let rbacRootKeys = ["cluster", "user", "groups", "namespace", "must_allow", "must_deny", "written_by",
                               "accesses"]

    static func rbacSpec(_ m: inout YAMLFields, _ r: inout FieldReader) -> RBACLabSpec {
        let cluster = rbacCluster(&m, &r)
        let identity = RBACIdentity(user: r.string(&m, "user", required: true) ?? "",
                                    groups: r.strings(&m, "groups", single: true) ?? [])
        var writer: RBACIdentity?
        if var w = r.mapping(&m, "written_by") {
            writer = RBACIdentity(user: r.string(&w, "user", required: true) ?? "",
                                  groups: r.strings(&w, "groups", single: true) ?? [])
            r.finish(w)
        }
        let allow = accesses(&m, "must_allow", &r)
        let deny = accesses(&m, "must_deny", &r)
        if allow.isEmpty && deny.isEmpty {
            r.error("an rbac lab needs `must_allow:` or `must_deny:` accesses", at: m.span)
        }
        return RBACLabSpec(cluster: cluster, identity: identity, namespace: r.string(&m, "namespace") ?? "default",
                           mustAllow: allow, mustDeny: deny, writtenBy: writer)
    }

    static func rbacPredictSpec(_ m: inout YAMLFields, _ r: inout FieldReader) -> RBACPredictSpec {
        let cluster = rbacCluster(&m, &r)
        var items: [RBACPredictSpec.Item] = []
        for item in r.sequence(&m, "accesses", required: true) ?? [] {
            guard var f = r.mapping(item.node, path: item.path) else { continue }
            let id = r.string(&f, "id", required: true) ?? ""
            if items.contains(where: { $0.id == id }) { r.error("access id \"\(id)\" is used twice", at: f.valueSpan("id")) }
            let identity = RBACIdentity(user: r.string(&f, "user", required: true) ?? "",
                                        groups: r.strings(&f, "groups", single: true) ?? [])
            if let access = access(&f, &r) { items.append(.init(id: id, identity: identity, access: access)) }
            r.finish(f)
        }
        if items.isEmpty { r.error("an rbac-predict lab needs `accesses:`", at: m.keySpan("accesses") ?? m.span) }
        return RBACPredictSpec(cluster: cluster, items: items)
    }

    /// The cluster's objects, which must load as kube-apiserver would read them.
    private static func rbacCluster(_ m: inout YAMLFields, _ r: inout FieldReader) -> String {
        let text = r.string(&m, "cluster") ?? ""
        let loaded = RBACObjectDecoder.decode(SourceFile(name: "cluster", text: text))
        if let first = loaded.diagnostics.first(where: { $0.severity == .error }) {
            r.error("the lab's `cluster:` objects do not load: \(first.message)", at: m.valueSpan("cluster"))
        }
        return text
    }

    private static func accesses(_ m: inout YAMLFields, _ key: String, _ r: inout FieldReader) -> [RBACAccess] {
        var out: [RBACAccess] = []
        for item in r.sequence(&m, key) ?? [] {
            guard var f = r.mapping(item.node, path: item.path) else { continue }
            if let a = access(&f, &r) { out.append(a) }
            r.finish(f)
        }
        return out
    }

    /// `verb` and either `resource` (with `name`, `namespace`) or `url`.
    private static func access(_ f: inout YAMLFields, _ r: inout FieldReader) -> RBACAccess? {
        let verb = r.string(&f, "verb", required: true) ?? ""
        let resource = r.string(&f, "resource") ?? ""
        let url = r.string(&f, "url") ?? ""
        let a = RBACAccess(verb: verb, resource: resource, name: r.string(&f, "name") ?? "",
                           namespace: r.string(&f, "namespace") ?? "", url: url)
        if resource.isEmpty == url.isEmpty {
            r.error("an access needs exactly one of `resource:` (RESOURCE[.GROUP][/SUBRESOURCE]) or `url:`", at: f.span)
            return nil
        }
        if !url.isEmpty && (!a.name.isEmpty || !a.namespace.isEmpty) {
            r.error("a URL access has no name or namespace", at: f.span)
            return nil
        }
        return verb.isEmpty ? nil : a
    }
}
