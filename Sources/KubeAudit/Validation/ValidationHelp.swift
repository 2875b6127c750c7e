import Diagnostics

/// Turns apiserver field errors into diagnostics that point at the spot and say how to fix it.
enum ValidationHelp {
    static func diagnostic(for e: FieldError, in policy: AuditPolicy) -> Diagnostic {
        let span = policy.spans.span(for: e.locator)
        var help: String?
        var label: String?
        if e.field.hasSuffix(".level") {
            if e.kind == .required {
                label = "this rule has no level"
                help = "every rule needs `level:` (None, Metadata, Request or RequestResponse)"
            } else if case .jsonString(let v) = e.badValue {
                label = "not a level"
                if let guess = DidYouMean.suggest(v, among: AuditLevel.names) {
                    help = "did you mean `\(guess)`? Levels are case-sensitive"
                } else {
                    help = "one of None, Metadata, Request, RequestResponse"
                }
            }
        } else if e.field.contains("omitStages") {
            label = "not a stage"
            if case .goString(let v) = e.badValue, let guess = DidYouMean.suggest(v, among: AuditStage.names) {
                help = "did you mean `\(guess)`? Stages are case-sensitive"
            }
        } else if e.detail.contains("both regular resources") {
            label = "non-resource URLs here"
            help = "a rule selects either resources/namespaces or nonResourceURLs: split it into two rules"
        } else if e.detail.contains("must begin with a '/'") {
            help = "write the path from the root, e.g. `/healthz`"
        } else if e.detail.contains("must be the final character") {
            help = "`*` is only a prefix wildcard at the end, e.g. `/logs/*`"
        } else if e.field.hasSuffix(".group") {
            label = "not an API group name"
            if case .goString(let g) = e.badValue, let slash = g.firstIndex(of: "/") {
                help = "write the group without its version: `\(g[..<slash])`"
            } else {
                help = "a group is a lowercase DNS name such as `apps` or `rbac.authorization.k8s.io`; \"\" is the core group and \"*\" every group"
            }
        } else if e.detail.contains("resourceNames requires") {
            help = "add `resources:` to this entry, e.g. `resources: [\"configmaps\"]`"
        }
        return Diagnostic(.error, e.description, at: span, label: label, help: help, code: "validation")
    }
}
