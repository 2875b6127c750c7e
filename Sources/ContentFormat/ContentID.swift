/// The one id rule for every content file: lab, question, scenario, incident and policy ids
/// are kebab-case, so they can be file names, URL parts and progress keys unchanged.
public enum ContentID {
    /// The rule as docs and messages state it.
    public static let rule = "kebab-case: lower-case letters and digits, in words joined by single hyphens"
    /// The rule as a pattern, for the format documents.
    public static let pattern = "[a-z0-9]+(-[a-z0-9]+)*"

    /// Whether `id` matches `[a-z0-9]+(-[a-z0-9]+)*`: no empty word, so no leading,
    /// trailing or doubled hyphen, and only ASCII.
    public static func isValid(_ id: String) -> Bool {
        var previousWasHyphen = true
        for b in id.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    /// A kebab-case spelling of an invalid id, offered as help ("Audit_Logging" -> "audit-logging"),
    /// or nil when nothing usable is left.
    public static func suggestion(for id: String) -> String? {
        var out = ""
        for c in id.lowercased().unicodeScalars {
            if c.isASCII && (("a"..."z").contains(c) || ("0"..."9").contains(c)) {
                out.unicodeScalars.append(c)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty || out == id ? nil : out
    }
}
