import ContentFormat
import Diagnostics

/// The outcome of loading a policy file as kube-apiserver's `LoadPolicyFromBytes` would,
/// plus everything a learner should be told about it.
public struct PolicyLoadResult: Sendable {
    public var source: SourceFile
    /// The policy as decoded (leniently, as the apiserver keeps it); nil when decoding failed.
    public var policy: AuditPolicy?
    /// Errors, warnings and notes, each with a span into `source`.
    public var diagnostics: [Diagnostic]
    /// The error kube-apiserver would refuse to start with (the text of
    /// `LoadPolicyFromBytes`'s error), or nil when it would load the policy.
    public var apiserverError: String?
    /// Field errors from validation, in the apiserver's order.
    public var fieldErrors: [FieldError]

    /// True when kube-apiserver would accept the policy.
    public var isValid: Bool { apiserverError == nil }

    /// The evaluator for an accepted policy.
    public func evaluator() -> PolicyEvaluator? {
        guard isValid, let policy else { return nil }
        return try? PolicyEvaluator(policy)
    }
}

/// Loads `audit.k8s.io/v1` Policy files (YAML or JSON).
public enum PolicyLoader {
    /// Largest policy file read (kube-apiserver has no limit; a real policy is a few KB).
    public static let maxBytes = 4 << 20

    public static func load(_ source: SourceFile) -> PolicyLoadResult {
        var result = PolicyLoadResult(source: source, policy: nil, diagnostics: [], apiserverError: nil, fieldErrors: [])
        func fail(_ apiserver: String, _ d: Diagnostic) -> PolicyLoadResult {
            result.apiserverError = apiserver
            result.diagnostics.append(d)
            return result
        }
        if source.bytes.count > maxBytes {
            return fail("policy file too large",
                        .error("the policy file is \(source.bytes.count) bytes; kcsa reads policies up to \(maxBytes) bytes",
                               code: "too-large"))
        }
        let root: YAMLNode?
        do {
            // A duplicate key is a warning, the last value kept, as in kube-apiserver.
            let read = try PolicyDuplicateKeys.read(source)
            root = read.root
            result.diagnostics += read.warnings
        } catch {
            return fail("failed decoding: error converting YAML to JSON: yaml: \(error.message)",
                        .error(error.message, at: error.span, help: error.help, code: "yaml-syntax"))
        }

        // TypeMeta: apiVersion and kind, defaulted as the codec does from the target type.
        var pairs: [YAMLPair] = []
        switch root {
        case .mapping(let p, _)?: pairs = p
        case nil: break
        case let node? where node.isNull: break
        case let node?:
            return fail("failed decoding: couldn't get version/kind; json parse error: json: cannot unmarshal "
                        + "\(node.jsonKind) into Go value of type struct { APIVersion string; Kind string }",
                        .error("a policy must be a YAML mapping (apiVersion, kind, rules), not \(describe(node))",
                               at: node.span, label: "this is \(describe(node))", code: "not-a-mapping"))
        }
        var apiVersion: String?, kind: String?
        for p in pairs where p.key == "apiVersion" || p.key == "kind" {
            guard case .scalar(let s) = p.value, s.kind == .string || s.kind == .null else {
                return fail("failed decoding: couldn't get version/kind; json parse error: json: cannot unmarshal "
                            + "\(p.value.jsonKind) into Go struct field .\(p.key) of type string",
                            .error("`\(p.key)` must be a string", at: p.value.span, code: "type"))
            }
            if p.key == "apiVersion" { apiVersion = s.kind == .null ? nil : s.text } else { kind = s.kind == .null ? nil : s.text }
        }
        if let problem = checkGroupVersionKind(apiVersion: apiVersion ?? "", kind: kind ?? "", pairs: pairs, source: source) {
            return fail(problem.0, problem.1)
        }

        var decoder = PolicyDecoder()
        let policy = decoder.decodePolicy(pairs, apiVersion: apiVersion, kind: kind)
        result.policy = policy
        for u in decoder.unknownFields {
            var help: String?
            if let guess = DidYouMean.suggest(u.key, among: u.known) {
                help = "did you mean `\(guess)`?"
            } else if let owner = owner(of: u.key, at: u.path) {
                help = owner
            } else {
                help = "known fields here: " + u.known.joined(separator: ", ")
            }
            result.diagnostics.append(Diagnostic(
                .warning, "unknown field \"\(u.key)\"" + (u.path.contains(".") ? " in \(parentPath(u.path))" : ""),
                at: u.span, label: "kube-apiserver silently drops this",
                notes: ["kube-apiserver logs \"Audit policy contains errors, falling back to lenient decoding\" and ignores the field, so the rule is wider than it looks"],
                help: help, code: "unknown-field"))
        }
        if let first = decoder.typeErrors.first {
            result.apiserverError = "failed decoding: " + first.message
            for t in decoder.typeErrors {
                result.diagnostics.append(.error(t.message, at: t.span, help: t.help, code: "type"))
            }
            result.policy = nil
            return result
        }

        let fieldErrors = PolicyValidator.validate(policy)
        result.fieldErrors = fieldErrors
        if !fieldErrors.isEmpty {
            result.apiserverError = fieldErrors.aggregateMessage
            for e in fieldErrors {
                result.diagnostics.append(ValidationHelp.diagnostic(for: e, in: policy))
            }
        } else if policy.rules.isEmpty {
            result.apiserverError = "loaded illegal policy with 0 rules"
            result.diagnostics.append(.error("loaded illegal policy with 0 rules",
                                             at: policy.spans.span(for: "rules") ?? .at(0),
                                             help: "kube-apiserver refuses to start with a policy that has no rules; add at least one, e.g. `- level: Metadata`",
                                             code: "no-rules"))
        } else {
            result.diagnostics += PolicyLints.lint(policy)
        }
        result.diagnostics.sort { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
        return result
    }

    /// The message kube-apiserver prints when it refuses the file at `path`.
    public static func apiserverStartupError(_ message: String, path: String) -> String {
        "loading audit policy file: \(message): from file \(path)"
    }

    private static func checkGroupVersionKind(apiVersion: String, kind: String, pairs: [YAMLPair],
                                              source: SourceFile) -> (String, Diagnostic)? {
        let span = pairs.first { $0.key == "apiVersion" }?.value.span
        var group = "", version = apiVersion
        if let slash = apiVersion.firstIndex(of: "/") {
            group = String(apiVersion[..<slash])
            version = String(apiVersion[apiVersion.index(after: slash)...])
        }
        let effectiveKind = kind.isEmpty ? "Policy" : kind
        if group.isEmpty && version.isEmpty {
            // Defaulted from the decode target: the internal version, which the loader rejects.
            let gvk = "audit.k8s.io/__internal, Kind=\(effectiveKind)"
            return ("unknown group version field \(gvk) in policy",
                    .error("the policy has no apiVersion", at: pairs.first?.keySpan ?? .at(0),
                           help: "start the file with `apiVersion: audit.k8s.io/v1` and `kind: Policy`",
                           code: "no-api-version"))
        }
        if group == "audit.k8s.io" && version == "v1" && effectiveKind == "Policy" { return nil }
        let message = "failed decoding: no kind \"\(effectiveKind)\" is registered for version \"\(apiVersion)\" in scheme \"pkg/audit/scheme.go:29\""
        var help = "use `apiVersion: audit.k8s.io/v1` and `kind: Policy`"
        if group == "audit.k8s.io" && (version == "v1beta1" || version == "v1alpha1") {
            help = "audit.k8s.io/\(version) was removed in Kubernetes 1.24; only audit.k8s.io/v1 is served"
        }
        let kindSpan = pairs.first { $0.key == "kind" }?.value.span
        let at = (group == "audit.k8s.io" && version == "v1") ? (kindSpan ?? span) : span
        return (message, .error("no kind \"\(effectiveKind)\" is registered for version \"\(apiVersion)\"",
                                at: at ?? .at(0), help: help, code: "unknown-kind"))
    }

    private static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .scalar(let s): s.kind == .string ? "a string" : "a \(s.kind.jsonKind)"
        }
    }

    private static func parentPath(_ path: String) -> String {
        guard let dot = path.lastIndex(of: ".") else { return path }
        return String(path[..<dot])
    }

    /// For a key dropped at the wrong depth, where it belongs ("`verbs` is a field of a rule").
    private static func owner(of key: String, at path: String) -> String? {
        if PolicyDecoder.ruleKeys.contains(key) && path.contains(".resources[") {
            return "`\(key)` is a field of the rule, not of a resources entry: indent it to line up with `resources:`"
        }
        if PolicyDecoder.groupResourceKeys.contains(key) && !path.contains(".resources[") {
            return "`\(key)` belongs inside a `resources:` entry (`- group: ...`)"
        }
        if PolicyDecoder.ruleKeys.contains(key) && !path.hasPrefix("rules[") {
            return "`\(key)` is a field of a rule: put it under an entry of `rules:`"
        }
        return nil
    }
}
