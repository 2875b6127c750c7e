import Diagnostics
import JSONValue
import RBAC
import Terminal
import Trainer

/// Text and JSON for the answers of `kcsa rbac`.
enum RBACRenderer {
    /// `yes`, `no` or `no - <reason>`, as `kubectl auth can-i` prints a check.
    static func answer(_ d: AuthorizationDecision) -> String {
        d.allowed ? "yes\n" : d.reason.isEmpty ? "no\n" : "no - \(d.reason)\n"
    }

    static func roleName(_ role: RoleObject) -> String {
        role.kind == .role ? "Role \(GoQuote.quote(role.name + "/" + role.namespace))"
            : "ClusterRole \(GoQuote.quote(role.name))"
    }

    static func bindingName(_ b: BindingObject) -> String {
        b.kind == .roleBinding ? "RoleBinding \(GoQuote.quote(b.name + "/" + b.namespace))"
            : "ClusterRoleBinding \(GoQuote.quote(b.name))"
    }

    static func at(_ origin: ObjectOrigin?, _ loaded: RBACLoaded) -> String {
        loaded.place(origin).map { " (\($0))" } ?? " (default policy)"
    }

    /// `--explain`: the reason, and the rule that granted; or the closest rule and what it lacks.
    static func explanation(_ d: AuthorizationDecision, _ request: AuthorizationRequest, _ user: UserInfo,
                            _ loaded: RBACLoaded) -> String {
        var out = "user: \(GoQuote.quote(user.name)) groups=\(GoFormat.quotedList(user.groups))\n"
        if let g = d.grant {
            out += "reason: \(d.reason)\n"
            out += "rule: \(roleName(g.role)) rules[\(g.ruleIndex)] \(g.rule.compactString)\(at(g.role.origin, loaded))\n"
            out += "binding: \(bindingName(g.binding)) subjects[\(g.subjectIndex)]\(at(g.binding.origin, loaded))\n"
            return out
        }
        if !d.reason.isEmpty { out += "reason: \(d.reason)\n" }
        let e = DenialExplanation.explain(request, as: user, in: loaded.authorizer)
        let scope = request.namespace.isEmpty ? "cluster-wide" : "in namespace \(GoQuote.quote(request.namespace))"
        if e.bindingsForUser == 0 {
            out += "no binding names this user or any of its groups \(scope)"
            out += request.namespace.isEmpty ? " (only ClusterRoleBindings count for a cluster-wide request)\n"
                : " (ClusterRoleBindings and the RoleBindings of \(GoQuote.quote(request.namespace)) were searched)\n"
        } else if let c = e.closest {
            out += "closest: \(roleName(c.role)) rules[\(c.ruleIndex)] \(c.rule.compactString)\(at(c.role.origin, loaded))\n"
            out += "  via \(bindingName(c.binding))\(at(c.binding.origin, loaded))\n"
            for lack in e.lacks { out += "  lacks: \(lack)\n" }
        } else {
            out += "no rule of the \(e.bindingsForUser) binding\(e.bindingsForUser == 1 ? "" : "s") for this user \(scope) "
                + (request.isResourceRequest ? "matches the verb, the API group or the resource\n" : "matches the verb or the path\n")
        }
        for g in e.elsewhere {
            out += "note: \(bindingName(g.binding)) would allow this in namespace \(GoQuote.quote(g.binding.namespace))\n"
        }
        return out
    }

    static func json(_ rule: PolicyRule) -> JSON {
        var o: JSONObject = [:]
        if !rule.verbs.isEmpty { o["verbs"] = .array(rule.verbs.map(JSON.string)) }
        if !rule.apiGroups.isEmpty { o["apiGroups"] = .array(rule.apiGroups.map(JSON.string)) }
        if !rule.resources.isEmpty { o["resources"] = .array(rule.resources.map(JSON.string)) }
        if !rule.resourceNames.isEmpty { o["resourceNames"] = .array(rule.resourceNames.map(JSON.string)) }
        if !rule.nonResourceURLs.isEmpty { o["nonResourceURLs"] = .array(rule.nonResourceURLs.map(JSON.string)) }
        return .object(o)
    }

    static func json(_ s: Subject) -> JSON {
        var o: JSONObject = ["kind": .string(s.kind), "name": .string(s.name)]
        if !s.namespace.isEmpty { o["namespace"] = .string(s.namespace) }
        return .object(o)
    }

    static func json(_ g: Grant, _ loaded: RBACLoaded) -> JSON {
        .object([
            "binding": .object(["kind": .string(g.binding.kind.rawValue), "name": .string(g.binding.name),
                                "namespace": .string(g.binding.namespace),
                                "at": loaded.place(g.binding.origin).map(JSON.string) ?? .null]),
            "subject": json(g.subject),
            "role": .object(["kind": .string(g.role.kind.rawValue), "name": .string(g.role.name),
                             "namespace": .string(g.role.namespace),
                             "at": loaded.place(g.role.origin).map(JSON.string) ?? .null]),
            "ruleIndex": .number(g.ruleIndex),
            "rule": json(g.rule),
        ])
    }

    static func json(_ r: AuthorizationRequest) -> JSON {
        if !r.isResourceRequest {
            return .object(["verb": .string(r.verb), "path": .string(r.path), "resourceRequest": .bool(false)])
        }
        return .object(["verb": .string(r.verb), "apiGroup": .string(r.apiGroup), "resource": .string(r.resource),
                        "subresource": .string(r.subresource), "name": .string(r.name),
                        "namespace": .string(r.namespace), "resourceRequest": .bool(true)])
    }

    /// `--list --json`: the SubjectRulesReviewStatus kubectl prints its table from.
    static func json(_ status: AccessList.Status) -> String {
        JSONPrinter.compact(.object([
            "resourceRules": .array(status.resourceRules.map(json)),
            "nonResourceRules": .array(status.nonResourceRules.map(json)),
            "incomplete": .bool(false),
            "evaluationError": status.evaluationError.isEmpty ? .null : .string(status.evaluationError),
        ])) + "\n"
    }

    /// `--json` of a single check.
    static func json(_ d: AuthorizationDecision, _ request: AuthorizationRequest, _ user: UserInfo,
                     _ loaded: RBACLoaded, explain: Bool) -> String {
        var o: JSONObject = [
            "allowed": .bool(d.allowed), "reason": .string(d.reason),
            "user": .object(["name": .string(user.name), "groups": .array(user.groups.map(JSON.string))]),
            "request": json(request),
            "grant": d.grant.map { json($0, loaded) } ?? .null,
        ]
        if explain && !d.allowed {
            let e = DenialExplanation.explain(request, as: user, in: loaded.authorizer)
            o["closest"] = e.closest.map { json($0, loaded) } ?? .null
            o["lacks"] = .array(e.lacks.map(JSON.string))
            o["elsewhere"] = .array(e.elsewhere.map { json($0, loaded) })
        }
        return JSONPrinter.compact(.object(o)) + "\n"
    }
}
