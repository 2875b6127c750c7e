/// A URL query parsed as Go's `url.ParseQuery` does: `&`-separated pairs, `+` as
/// space, percent-decoding; pairs with a `;` or a bad escape are skipped.
struct QueryString {
    private(set) var values: [String: [String]] = [:]

    init(_ raw: String) {
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            if pair.contains(";") { continue }
            let key: Substring, value: Substring
            if let eq = pair.firstIndex(of: "=") {
                key = pair[..<eq]
                value = pair[pair.index(after: eq)...]
            } else {
                key = pair
                value = ""
            }
            guard let k = URLCoding.queryDecode(key), let v = URLCoding.queryDecode(value) else { continue }
            values[k, default: []].append(v)
        }
    }

    func first(_ key: String) -> String? { values[key]?.first }
}

/// The parts of `metav1.ListOptions` that change a request's attributes.
enum ListOptionsDecoder {
    struct Result {
        var watch: Bool
        var exactName: String?
    }

    /// Decodes like `ParameterCodec.DecodeParameters`; on any decoding error, falls back
    /// as requestinfo.go does: only `watch` is looked at, and no name is taken.
    static func decode(_ q: QueryString) -> Result {
        var failed = false
        for key in ["limit", "timeoutSeconds"] {
            if let v = q.first(key), Int64(v) == nil { failed = true }
        }
        var selector: FieldSelector?
        if let fs = q.first("fieldSelector") {
            selector = FieldSelector.parse(fs)
            if selector == nil { failed = true }
        }
        if failed {
            var watch = false
            if let w = q.values["watch"]?.first {
                switch w.lowercased() {
                case "false", "0": watch = false
                default: watch = true
                }
            }
            return Result(watch: watch, exactName: nil)
        }
        var watch = false
        if let w = q.values["watch"]?.first {
            watch = !(w == "0" || w.lowercased() == "false" || w.isEmpty)
        }
        var name: String?
        if let n = selector?.exactMatch("metadata.name"), isPathSegmentName(n) {
            name = n
        }
        return Result(watch: watch, exactName: name)
    }

    /// `content.IsPathSegmentName`: not `.` or `..`, and no `/` or `%`.
    static func isPathSegmentName(_ n: String) -> Bool {
        n != "." && n != ".." && !n.contains("/") && !n.contains("%")
    }
}

/// A field selector (`a=b,c!=d`), enough to answer `RequiresExactMatch`.
struct FieldSelector {
    enum Op { case equals, notEquals }
    var terms: [(field: String, op: Op, value: String)]

    /// nil on a syntax error (a term without an operator, a dangling escape).
    static func parse(_ s: String) -> FieldSelector? {
        var terms: [(String, Op, String)] = []
        if s.isEmpty { return FieldSelector(terms: []) }
        for raw in splitTerms(s) {
            guard let (field, op, value) = splitTerm(raw) else { return nil }
            guard let unescaped = unescape(value) else { return nil }
            terms.append((field, op, unescaped))
        }
        return FieldSelector(terms: terms)
    }

    func exactMatch(_ field: String) -> String? {
        terms.first { $0.field == field && $0.op == .equals }?.value
    }

    /// Splits on unescaped commas.
    private static func splitTerms(_ s: String) -> [String] {
        var out: [String] = [], cur = ""
        var escaped = false
        for c in s {
            if escaped { cur.append(c); escaped = false; continue }
            if c == "\\" { cur.append(c); escaped = true; continue }
            if c == "," { out.append(cur); cur = ""; continue }
            cur.append(c)
        }
        out.append(cur)
        return out
    }

    /// Splits at the leftmost operator, trying `!=`, `==`, `=` at each position, as
    /// apimachinery's field selector parser does.
    private static func splitTerm(_ t: String) -> (String, Op, String)? {
        let u = Array(t.utf8)
        for i in u.indices {
            for (token, op) in [("!=", Op.notEquals), ("==", Op.equals), ("=", Op.equals)] {
                let tk = Array(token.utf8)
                if i + tk.count <= u.count && u[i..<i + tk.count].elementsEqual(tk) {
                    return (String(decoding: u[..<i], as: UTF8.self), op,
                            String(decoding: u[(i + tk.count)...], as: UTF8.self))
                }
            }
        }
        return nil
    }

    private static func unescape(_ v: String) -> String? {
        var out = "", escaped = false
        for c in v {
            if escaped {
                guard c == "\\" || c == "," || c == "=" else { return nil }
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "," || c == "=" {
                return nil
            } else {
                out.append(c)
            }
        }
        return escaped ? nil : out
    }
}

/// Percent-decoding as Go's net/url does it.
enum URLCoding {
    static func percentDecode(_ s: Substring) -> String? { decode(s, plusIsSpace: false) }
    static func queryDecode(_ s: Substring) -> String? { decode(s, plusIsSpace: true) }

    private static func decode(_ s: Substring, plusIsSpace: Bool) -> String? {
        guard s.utf8.contains(UInt8(ascii: "%")) || (plusIsSpace && s.utf8.contains(UInt8(ascii: "+"))) else {
            return String(s)
        }
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%") {
                guard it.count >= 2, let hi = hexValue(it[it.startIndex]), let lo = hexValue(it[it.startIndex + 1]) else {
                    return nil
                }
                bytes.append(hi << 4 | lo)
                it = it.dropFirst(2)
            } else if plusIsSpace && b == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 65...70: b - 55
        case 97...102: b - 87
        default: nil
        }
    }
}
