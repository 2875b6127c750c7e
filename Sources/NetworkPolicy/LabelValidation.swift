import Diagnostics

/// apimachinery's label and name checks (`content.IsLabelKey`, `content.IsLabelValue`,
/// `IsDNS1123Subdomain`/`Label`) and `ValidateLabelSelector` with default options,
/// with upstream's field paths, error types and wording.
public enum LabelValidation {
    static let labelKeyFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let labelKeyErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let labelValueFmt = "(" + labelKeyFmt + ")?"
    static let labelValueErrMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123LabelErrMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
    static let dns1123SubdomainFmt = dns1123LabelFmt + "(\\." + dns1123LabelFmt + ")*"
    static let dns1123SubdomainErrMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
    /// content.LabelValueMaxLength and the name part of a key.
    public static let labelMaxLength = 63
    public static let dns1123SubdomainMaxLength = 253
    public static let dns1123LabelMaxLength = 63

    /// `ValidateLabelSelector(ps, LabelSelectorValidationOptions{}, path)`.
    public static func validate(_ selector: LabelSelector?, path: String) -> [FieldError] {
        guard let selector else { return [] }
        var errors: [FieldError] = []
        let labelsPath = path + ".matchLabels"
        for (k, v) in selector.matchLabels {
            for msg in labelKeyProblems(k) { errors.append(.invalid(labelsPath, .string(k), msg)) }
            for msg in labelValueProblems(v) { errors.append(.invalid(labelsPath, .string(v), msg)) }
        }
        for (i, expr) in selector.matchExpressions.enumerated() {
            errors += validate(expr, path: "\(path).matchExpressions[\(i)]")
        }
        return errors
    }

    /// `ValidateLabelSelectorRequirement` with default options.
    static func validate(_ r: LabelSelectorRequirement, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        switch r.operator {
        case "In", "NotIn":
            if r.values.isEmpty {
                errors.append(.required(path + ".values", "must be specified when `operator` is 'In' or 'NotIn'"))
            }
        case "Exists", "DoesNotExist":
            if !r.values.isEmpty {
                errors.append(.forbidden(path + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
            }
        default:
            errors.append(.invalid(path + ".operator", .json(GoQuote.json(r.operator)), "not a valid selector operator"))
        }
        for msg in labelKeyProblems(r.key) { errors.append(.invalid(path + ".key", .string(r.key), msg)) }
        for (i, v) in r.values.enumerated() {
            for msg in labelValueProblems(v) { errors.append(.invalid("\(path).values[\(i)]", .string(v), msg)) }
        }
        return errors
    }

    /// `content.IsLabelKey` (alias `IsQualifiedName`).
    public static func labelKeyProblems(_ value: String) -> [String] {
        var errs: [String] = []
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name: String
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errs.append("prefix part must be non-empty")
            } else {
                errs += dns1123SubdomainProblems(prefix).map { "prefix part " + $0 }
            }
        default:
            return ["a valid label key " + regexError(labelKeyErrMsg, labelKeyFmt, ["MyName", "my.name", "123-abc"])
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errs.append("name part must be non-empty")
        } else if name.utf8.count > labelMaxLength {
            errs.append("name part must be no more than \(labelMaxLength) bytes")
        }
        if !isLabelKeyName(name) {
            errs.append("name part " + regexError(labelKeyErrMsg, labelKeyFmt, ["MyName", "my.name", "123-abc"]))
        }
        return errs
    }

    /// `content.IsLabelValue`.
    public static func labelValueProblems(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > labelMaxLength { errs.append("must be no more than \(labelMaxLength) bytes") }
        if !value.isEmpty && !isLabelKeyName(value) {
            errs.append(regexError(labelValueErrMsg, labelValueFmt, ["MyValue", "my_value", "12345"]))
        }
        return errs
    }

    /// `content.IsDNS1123Subdomain`.
    public static func dns1123SubdomainProblems(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > dns1123SubdomainMaxLength {
            errs.append("must be no more than \(dns1123SubdomainMaxLength) bytes")
        }
        if !isDNS1123Subdomain(value) {
            errs.append(regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, ["example.com"]))
        }
        return errs
    }

    /// `content.IsDNS1123Label` (namespace names).
    public static func dns1123LabelProblems(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > dns1123LabelMaxLength { errs.append("must be no more than \(dns1123LabelMaxLength) bytes") }
        if !isDNS1123Label(value) {
            if isDNS1123Subdomain(value) {
                errs.append("must not contain dots")
            } else {
                errs.append(regexError(dns1123LabelErrMsg, dns1123LabelFmt, ["my-name", "123-abc"]))
            }
        }
        return errs
    }

    /// `RegexError`.
    static func regexError(_ msg: String, _ fmt: String, _ examples: [String]) -> String {
        if examples.isEmpty { return msg + " (regex used for validation is '" + fmt + "')" }
        return msg + " (e.g. " + examples.map { "'\($0)', " }.joined(separator: " or ")
            + "regex used for validation is '" + fmt + "')"
    }

    // MARK: character classes, written out instead of regular expressions

    private static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }

    private static func isLowerAlnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 97 && b <= 122) }

    /// `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`
    static func isLabelKeyName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let first = u.first, let last = u.last, isAlnum(first), isAlnum(last) else { return false }
        return u.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`
    static func isDNS1123Label(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let first = u.first, let last = u.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
        return u.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    static func isDNS1123Subdomain(_ s: String) -> Bool {
        !s.isEmpty && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNS1123Label(String($0)) }
    }
}
