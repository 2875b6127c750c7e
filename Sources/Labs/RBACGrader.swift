import Diagnostics
import RBAC

/// Checks an `rbac` lab's answer: the answer's objects are added to the cluster's (and the
/// default roles), then every required access is authorized as the lab's identity. With a
/// writer, kube-apiserver's escalation checks must first let the writer create each object.
struct RBACGrader {
    let lab: Lab
    let spec: RBACLabSpec

    func grade(_ answer: SourceFile) throws(LabCheckError) -> LabReport {
        let cluster = try RBACGrading.clusterObjects(spec.cluster, lab: lab)
        let loaded = RBACObjectDecoder.decode(answer, options: .init(defaultNamespace: spec.namespace))
        if loaded.hasErrors || loaded.objects.isEmpty {
            var diagnostics = loaded.diagnostics
            if loaded.objects.isEmpty && !loaded.hasErrors {
                diagnostics.append(.error("the answer holds no Role, ClusterRole, RoleBinding or ClusterRoleBinding"))
            }
            return LabReport(labID: lab.id, checks: [.init(name: "the answer loads as RBAC objects", passed: false)],
                             diagnostics: diagnostics, answer: answer)
        }
        var checks: [LabReport.Check] = []
        // Objects the API server would refuse are never stored, so they grant nothing.
        var stored = loaded.objects
        if let writer = spec.writtenBy {
            let written = writeChecks(loaded.objects, writer: writer, cluster: cluster, answer: answer)
            checks += written.checks
            stored = written.stored
        }
        let authorizer = RBACAuthorizer(objects: BootstrapPolicy.objects + cluster + stored)
        let user = spec.identity.userInfo
        for (access, expected) in spec.mustAllow.map({ ($0, true) }) + spec.mustDeny.map({ ($0, false) }) {
            let decision = authorizer.authorize(access.request, as: user)
            let name = (expected ? "allows " : "denies ") + access.summary
            if decision.allowed == expected {
                checks.append(.init(name: name, passed: true))
                continue
            }
            var f = Finding(.rbacAccessWrong, subject: .item(access.summary), expected: expected ? "yes" : "no",
                            actual: decision.allowed ? "yes" : "no", message: decision.reason)
            f.rbac = RBACGrading.evidence(decision, access.request, user, authorizer, answer: answer)
            checks.append(.init(name: name, passed: false, findings: [f]))
        }
        return LabReport(labID: lab.id, checks: checks, diagnostics: loaded.diagnostics, answer: answer)
    }

    /// One check per answer object, in order (as `kubectl apply` creates them): may the writer
    /// create it (the request's own authorization, then the escalation checks of
    /// `pkg/registry/rbac/*/policybased`) on the cluster plus the objects created before it?
    private func writeChecks(_ objects: [RBACObject], writer: RBACIdentity, cluster: [RBACObject],
                             answer: SourceFile) -> (checks: [LabReport.Check], stored: [RBACObject]) {
        var stored = BootstrapPolicy.objects + cluster
        var accepted: [RBACObject] = []
        var authorizer = RBACAuthorizer(objects: stored)
        let user = writer.userInfo
        var stale = false
        let checks = objects.map { object -> LabReport.Check in
            // Rebuilt only when a stored object is followed by another to check.
            if stale {
                authorizer = RBACAuthorizer(objects: stored)
                stale = false
            }
            let what = "\(object.kindName) " + (object.namespace.isEmpty ? object.name : "\(object.namespace)/\(object.name)")
            let name = "\(writer.user) may create \(what)"
            let line = RBACGrading.line(of: object.origin, in: answer)
            if let refusal = RBACGrading.createForbidden(object, user, authorizer) {
                var f = Finding(.rbacWriteRefused, subject: .item(what), message: refusal)
                f.rbac = RBACEvidence(line: line)
                return .init(name: name, passed: false, findings: [f])
            }
            let outcome = EscalationCheck.check(object, by: user, using: authorizer, operation: .create)
            guard !outcome.allowed else {
                stored.append(object)
                accepted.append(object)
                stale = true
                return .init(name: name, passed: true)
            }
            var f = Finding(.rbacWriteRefused, subject: .item(what), message: outcome.error)
            f.rbac = RBACEvidence(line: line, missing: outcome.missing.map(\.compactString))
            return .init(name: name, passed: false, findings: [f])
        }
        return (checks, accepted)
    }
}

/// What the RBAC graders share: the cluster's objects and the evidence of a decision.
enum RBACGrading {
    static func clusterObjects(_ text: String, lab: Lab) throws(LabCheckError) -> [RBACObject] {
        let loaded = RBACObjectDecoder.decode(SourceFile(name: lab.id + " cluster", text: text))
        if loaded.hasErrors { throw .content("the cluster objects of \(lab.id) do not load") }
        return loaded.objects
    }

    /// The API server's 403 for a create the authorizer denies (`responsewriters.ForbiddenStatusError`:
    /// `rolebindings.rbac.authorization.k8s.io is forbidden: User "jane" cannot create resource
    /// "rolebindings" in API group "rbac.authorization.k8s.io" in the namespace "shop"`); nil when allowed.
    static func createForbidden(_ object: RBACObject, _ user: UserInfo, _ authorizer: RBACAuthorizer) -> String? {
        let resource = object.kindName.lowercased() + "s"
        let group = RBACObjectDecoder.rbacGroup
        let request = AuthorizationRequest(verb: "create", apiGroup: group, resource: resource, namespace: object.namespace)
        let decision = authorizer.authorize(request, as: user)
        if decision.allowed { return nil }
        var message = "User \"\(user.name)\" cannot create resource \"\(resource)\" in API group \"\(group)\" "
            + (object.namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(object.namespace)\"")
        if !decision.reason.isEmpty { message += ": " + decision.reason }
        return "\(resource).\(group) is forbidden: " + message
    }

    /// The line in `answer` where an object starts, if it is the answer's.
    static func line(of origin: ObjectOrigin?, in answer: SourceFile?) -> Int? {
        guard let origin, let answer, origin.file == answer.name else { return nil }
        return answer.location(ofByte: origin.span.start).line
    }

    static func roleName(_ role: RoleObject) -> String {
        role.kind == .role ? "Role \(role.namespace)/\(role.name)" : "ClusterRole \(role.name)"
    }

    /// The granting binding and rule of an allowed request; the closest rule and what it
    /// lacks for a denied one.
    static func evidence(_ decision: AuthorizationDecision, _ request: AuthorizationRequest, _ user: UserInfo,
                         _ authorizer: RBACAuthorizer, answer: SourceFile?) -> RBACEvidence {
        if let g = decision.grant {
            var e = RBACEvidence(binding: g.description, role: roleName(g.role), ruleIndex: g.ruleIndex,
                                 rule: g.rule.compactString, line: line(of: g.role.origin, in: answer), granted: true)
            e.bindingLine = line(of: g.binding.origin, in: answer)
            return e
        }
        let why = DenialExplanation.explain(request, as: user, in: authorizer)
        guard let c = why.closest else { return RBACEvidence(granted: false) }
        var e = RBACEvidence(binding: c.description, role: roleName(c.role), ruleIndex: c.ruleIndex,
                             rule: c.rule.compactString, line: line(of: c.role.origin, in: answer), lacks: why.lacks)
        e.bindingLine = line(of: c.binding.origin, in: answer)
        return e
    }
}
