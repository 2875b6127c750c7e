import JSONValue

/// `--stream`: a value as jq's streaming parser reports it: `[path, leaf]` for
/// every scalar (and empty container), and `[path]` after the last member of
/// each array or object. A top-level scalar is `[[], value]`, with no closing event.
///
/// This builds the events from a parsed value, so memory is that of the value
/// rather than of jq's truly incremental parser.
enum JQStreamEvents {
    static func events(of value: JSON) -> [JSON] {
        var out: [JSON] = []
        var path: [JSON] = []
        walk(value, path: &path, into: &out)
        return out
    }

    private static func walk(_ value: JSON, path: inout [JSON], into out: inout [JSON]) {
        switch value {
        case .array(let a) where !a.isEmpty:
            for (i, element) in a.enumerated() {
                path.append(.number(i))
                walk(element, path: &path, into: &out)
                path.removeLast()
            }
            out.append(.array([.array(path + [.number(a.count - 1)])]))
        case .object(let o) where !o.isEmpty:
            for (k, v) in o {
                path.append(.string(k))
                walk(v, path: &path, into: &out)
                path.removeLast()
            }
            out.append(.array([.array(path + [.string(o.keys.last!)])]))
        default:
            out.append(.array([.array(path), value]))
        }
    }
}
