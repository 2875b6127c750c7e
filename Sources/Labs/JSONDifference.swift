import JSONValue

/// The first place two JSON values differ, as a jq path (`.user.groups[1]`), walking
/// objects in the expected value's key order and then the keys only the actual value
/// has. A key one side lacks counts as a difference (nil on that side).
public struct JSONDifference: Sendable, Equatable {
    public var path: String
    /// The value at `path` in the expected value (nil: not there).
    public var expected: JSON?
    /// The value at `path` in the actual value (nil: not there).
    public var actual: JSON?

    /// Deeper than this, the difference is reported at the level reached.
    public static let maxDepth = 64

    /// nil when the values are equal.
    public static func first(expected: JSON, actual: JSON) -> JSONDifference? {
        walk(expected, actual, path: "", depth: 0)
    }

    private static func walk(_ e: JSON, _ a: JSON, path: String, depth: Int) -> JSONDifference? {
        if e == a { return nil }
        let here = JSONDifference(path: path.isEmpty ? "." : path, expected: e, actual: a)
        guard depth < maxDepth else { return here }
        switch (e, a) {
        case (.object(let eo), .object(let ao)):
            for (k, ev) in eo {
                guard let av = ao[k] else { return JSONDifference(path: path + key(k), expected: ev, actual: nil) }
                if let d = walk(ev, av, path: path + key(k), depth: depth + 1) { return d }
            }
            for (k, av) in ao where eo[k] == nil { return JSONDifference(path: path + key(k), expected: nil, actual: av) }
            return here
        case (.array(let ea), .array(let aa)):
            for i in 0..<max(ea.count, aa.count) {
                let p = path + "[\(i)]"
                guard i < ea.count, i < aa.count else {
                    return JSONDifference(path: p, expected: i < ea.count ? ea[i] : nil, actual: i < aa.count ? aa[i] : nil)
                }
                if let d = walk(ea[i], aa[i], path: p, depth: depth + 1) { return d }
            }
            return here
        default:
            return here
        }
    }

    /// `.name`, or `."odd key"` when the key is not an identifier.
    static func key(_ k: String) -> String {
        let simple = !k.isEmpty && k.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && !(k.first!.isNumber)
        if simple { return "." + k }
        return "." + JSONPrinter(options: .compact).string(.string(k))
    }
}
