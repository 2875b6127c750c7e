/// One rule of a Role or ClusterRole (`rbac.authorization.k8s.io/v1` PolicyRule).
///
/// Go keeps nil and empty slices apart, but no RBAC code path tells them apart
/// (the aggregation controller compares with `equality.Semantic`, which treats them
/// as equal), so a missing field, `null` and `[]` are all the empty array here.
/// `[""]` stays one empty string.
public struct PolicyRule: Sendable, Hashable {
    public var verbs: [String]
    public var apiGroups: [String]
    public var resources: [String]
    public var resourceNames: [String]
    public var nonResourceURLs: [String]

    public init(verbs: [String] = [], apiGroups: [String] = [], resources: [String] = [],
                resourceNames: [String] = [], nonResourceURLs: [String] = []) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    /// `rbacv1helpers.CompactString`: the form escalation errors print,
    /// `{APIGroups:[""], Resources:["pods"], Verbs:["get"]}` (empty fields left out).
    public var compactString: String {
        var parts: [String] = []
        if !apiGroups.isEmpty { parts.append("APIGroups:" + GoFormat.quotedList(apiGroups)) }
        if !resources.isEmpty { parts.append("Resources:" + GoFormat.quotedList(resources)) }
        if !nonResourceURLs.isEmpty { parts.append("NonResourceURLs:" + GoFormat.quotedList(nonResourceURLs)) }
        if !resourceNames.isEmpty { parts.append("ResourceNames:" + GoFormat.quotedList(resourceNames)) }
        if !verbs.isEmpty { parts.append("Verbs:" + GoFormat.quotedList(verbs)) }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// The generated `(*PolicyRule).String()` of `k8s.io/api/rbac/v1`, which
    /// `kubectl auth can-i --list` sorts by:
    /// `&PolicyRule{Verbs:[get],APIGroups:[],Resources:[pods],ResourceNames:[],NonResourceURLs:[],}`.
    public var goString: String {
        "&PolicyRule{Verbs:" + GoFormat.valueList(verbs)
            + ",APIGroups:" + GoFormat.valueList(apiGroups)
            + ",Resources:" + GoFormat.valueList(resources)
            + ",ResourceNames:" + GoFormat.valueList(resourceNames)
            + ",NonResourceURLs:" + GoFormat.valueList(nonResourceURLs)
            + ",}"
    }

    /// True for a rule about API resources (it names at least one resource).
    public var isResourceRule: Bool { !resources.isEmpty }

    /// True for a rule about non-resource URLs.
    public var isNonResourceRule: Bool { !nonResourceURLs.isEmpty }
}

/// The few pieces of Go's `fmt` that RBAC messages are built from.
public enum GoFormat {
    /// `%q` of a `[]string`: `["a" "b"]`.
    public static func quotedList(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: " ") + "]"
    }

    /// `%v` of a `[]string`: `[a b]` (an empty string element prints as nothing).
    public static func valueList(_ items: [String]) -> String {
        "[" + items.joined(separator: " ") + "]"
    }

    /// `strconv.Quote`: double quotes, Go escapes for `"` `\` and control characters,
    /// `\u`/`\U` for other characters that are not printable.
    public static func quote(_ s: String) -> String {
        // Most names are printable ASCII without quotes or backslashes.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x80 {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value < 0x10000 {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        return out + "\""
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Go's string `<`: byte-wise on UTF-8, which `sort.Strings` and `sets.List` use.
    public static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
