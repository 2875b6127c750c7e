import Diagnostics

/// `ValidatePolicy` of kube-apiserver: every check, in the same order, with the same
/// field paths and texts. All errors are collected.
public enum PolicyValidator {
    static let stagesDetail = "allowed stages are " + AuditStage.names.joined(separator: ",")
    static let levelsDetail = "supported values: " + AuditLevel.names.map(GoQuote.quote).joined(separator: ", ")

    public static func validate(_ policy: AuditPolicy) -> [FieldError] {
        var errors = validateOmitStages(policy.omitStages, path: "omitStages")
        for (i, rule) in policy.rules.enumerated() {
            errors += validate(rule, path: "rules[\(i)]")
        }
        return errors
    }

    static func validate(_ rule: PolicyRule, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        // level
        if rule.level.isEmpty {
            errors.append(FieldError(kind: .required, field: "\(path).level", badValue: .none, detail: ""))
        } else if AuditLevel(rawValue: rule.level) == nil {
            // audit.Level is a named string type, so apimachinery prints it through encoding/json.
            errors.append(FieldError(kind: .notSupported, field: "\(path).level",
                                     badValue: .jsonString(rule.level), detail: levelsDetail))
        }
        // nonResourceURLs
        for (j, url) in rule.nonResourceURLs.enumerated() where url != "*" {
            let p = "\(path).nonResourceURLs[\(j)]"
            if !url.hasPrefix("/") {
                errors.append(FieldError(kind: .invalid, field: p, badValue: .goString(url),
                                         detail: "non-resource URL rules must begin with a '/' character"))
            }
            if !url.isEmpty, url.utf8.dropLast().contains(UInt8(ascii: "*")) {
                errors.append(FieldError(kind: .invalid, field: p, badValue: .goString(url),
                                         detail: "non-resource URL wildcards '*' must be the final character of the rule"))
            }
        }
        // resources: the apiserver's path has no index for the entry.
        for (j, gr) in rule.resources.enumerated() {
            if !gr.group.isEmpty && gr.group != "*" {
                let msgs = DNSNames.subdomainErrors(gr.group)
                if !msgs.isEmpty {
                    errors.append(FieldError(kind: .invalid, field: "\(path).resources.group", badValue: .goString(gr.group),
                                             detail: msgs.joined(separator: ","), locator: "\(path).resources[\(j)].group"))
                }
            }
            if !gr.resourceNames.isEmpty && gr.resources.isEmpty {
                errors.append(FieldError(kind: .invalid, field: "\(path).resources.resourceNames",
                                         badValue: .jsonStrings(gr.resourceNames),
                                         detail: "using resourceNames requires at least one resource",
                                         locator: "\(path).resources[\(j)].resourceNames"))
            }
        }
        errors += validateOmitStages(rule.omitStages, path: "\(path).omitStages")
        if !rule.nonResourceURLs.isEmpty && (!rule.resources.isEmpty || !rule.namespaces.isEmpty) {
            errors.append(FieldError(kind: .invalid, field: "\(path).nonResourceURLs",
                                     badValue: .jsonStrings(rule.nonResourceURLs),
                                     detail: "rules cannot apply to both regular resources and non-resource URLs"))
        }
        return errors
    }

    static func validateOmitStages(_ stages: [String], path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (i, s) in stages.enumerated() where AuditStage(rawValue: s) == nil {
            errors.append(FieldError(kind: .invalid, field: "\(path)[\(i)]", badValue: .goString(s), detail: stagesDetail))
        }
        return errors
    }
}

/// RFC 1123 subdomain checks as apimachinery words them.
enum DNSNames {
    static let subdomainPattern = #"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"#

    static func subdomainErrors(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > 253 {
            errs.append("must be no more than 253 characters")
        }
        if !isSubdomain(value) {
            errs.append("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                        + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
                        + "validation is '\(subdomainPattern)')")
        }
        return errs
    }

    /// Matches `subdomainPattern` anchored at both ends: labels of [a-z0-9-] that start and
    /// end alphanumeric, separated by single dots.
    static func isSubdomain(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard !bytes.isEmpty else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }
        var labelStart = true
        var prev: UInt8 = 0
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if labelStart || !alnum(prev) { return false }
                labelStart = true
            } else if alnum(b) {
                labelStart = false
            } else if b == UInt8(ascii: "-") {
                if labelStart { return false }
            } else {
                return false
            }
            prev = b
        }
        return !labelStart && alnum(prev)
    }
}
