import Diagnostics
import KubeAudit
import PodSecurity

/// kube-apiserver's rules for Pod Security admission in audit events, stated apart from
/// `PodAdmission`: which requests the plugin sees, where its annotations go, and what a
/// refusal looks like. The verdict itself comes from the PodSecurity engine.
extension EventRules {
    /// The annotation keys the plugin writes (its own, prefixed with `pod-security.kubernetes.io/`).
    static let podSecurityKeys: Set<String> = [PodSecurityAnnotations.enforcePolicy, PodSecurityAnnotations.auditViolations,
                                               PodSecurityAnnotations.exempt, PodSecurityAnnotations.error]

    /// The plugin's verdict for the request, or nil when kube-apiserver never asks it:
    /// unauthenticated or unauthorized requests, requests refused before validating
    /// admission, reads and deletes, and resources without a pod spec.
    static func podSecurityVerdict(_ r: SimRequest, _ a: RequestAttributes, name: String,
                                   labels: [String: String]) -> AdmissionResponse? {
        // Refused before validating admission: 401 (authentication), 403 (authorization),
        // 400/404/422/429 and the rest of 4xx (decoding, NamespaceLifecycle, validation,
        // filters); 409 comes from storage and 5xx from the handler, after admission.
        let before = r.status < 200 || (r.status >= 300 && r.status < 500 && r.status != 409)
        guard !before, a.resourceRequest, a.verb == "create" || a.verb == "update" || a.verb == "patch" else { return nil }
        let isPod = a.resource == "pods" && a.apiGroup.isEmpty
        let isController = ["podtemplates", "replicationcontrollers"].contains(a.resource) && a.apiGroup.isEmpty
            || ["replicasets", "deployments", "statefulsets", "daemonsets"].contains(a.resource) && a.apiGroup == "apps"
            || ["jobs", "cronjobs"].contains(a.resource) && a.apiGroup == "batch"
        guard isPod || isController, let kind = r.body, var object = PodAdmission.objects[kind] else { return nil }
        object.name = name
        let update = a.verb != "create"
        return PodSecurityAdmission().validate(AdmissionRequest(
            object: object, namespace: a.namespace, namespaceLabels: labels,
            userName: r.impersonate ?? r.user?.username ?? "", operation: update ? .update : .create,
            oldObject: update ? object : nil, subresource: a.subresource))
    }

    /// What is wrong with one event's Pod Security annotations and refusal.
    static func podSecurityViolations(_ e: AuditEvent, _ verdict: AdmissionResponse?, resource: String) -> [String] {
        var problems: [String] = []
        let found = e.annotations.filter { podSecurityKeys.contains($0.key) || $0.key.hasPrefix(PodSecurityLabels.prefix) }
        if e.stage == .requestReceived {
            if !found.isEmpty { problems.append("Pod Security annotations at RequestReceived (written before admission)") }
            return problems
        }
        var want: [String: String] = [:]
        for (key, value) in verdict?.auditAnnotations ?? [] { want[key] = value }
        // Exactly the plugin's audit annotations: its warnings are HTTP headers and never
        // appear (a warning's text can equal audit-violations when warn and audit agree).
        if found != want { problems.append("Pod Security annotations \(found), the plugin writes \(want)") }
        guard let verdict, !verdict.allowed else {
            if let s = e.responseStatus, s.code == 403, s.message.contains("violates PodSecurity") {
                problems.append("a PodSecurity refusal the enforce level does not make")
            }
            return problems
        }
        if resource != "pods" { problems.append("a pod controller refused: controllers are only warned and audited") }
        let name = e.objectRef?.name ?? ""
        let message = "pods \(GoQuote.quote(name)) is forbidden: \(verdict.message ?? "")"
        let details = #"{"name":\#(GoQuote.json(name)),"kind":"pods"}"#
        if e.stage != .panic, e.responseStatus != ResponseStatus(code: 403, status: "Failure", message: message,
                                                                  reason: "Forbidden", details: details) {
            problems.append("a refused pod's responseStatus is the Forbidden Status, not \(String(describing: e.responseStatus))")
        }
        if let body = e.responseObject {
            let status = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":\#(GoQuote.json(message)),"reason":"Forbidden","details":\#(details),"code":403}"#
            if body != status { problems.append("a refused pod's responseObject is the Forbidden Status") }
        }
        return problems
    }
}
