import JSONValue

extension Natives {
    static let core: [Native] = [
        Native("empty", 0, .generator { _, _, _, _, _, _ in }),
        Native("not", 0, .unary { .bool(!Values.isTruthy($0)) }),
        Native("error", 0, .unary { throw JQError($0) }),
        Native("error", 1, .values { _, a in throw JQError(a[0]) }),
        Native("length", 0, .unary { v in
            switch v {
            case .null: return .number(0)
            case .bool: throw JQError.type(v, "has no length")
            case .number(let n): return n.double < 0 ? .number(n.negated) : v
            case .string(let s): return .number(try Values.codepointCount(s))
            case .array(let a): return .number(a.count)
            case .object(let o): return .number(o.count)
            }
        }),
        Native("utf8bytelength", 0, .unary { v in
            guard case .string(let s) = v else { throw JQError.type(v, "only strings have UTF-8 byte length") }
            return .number(s.utf8.count)
        }),
        Native("type", 0, .unary { .string($0.typeName) }),
        Native("keys", 0, .unary { v in
            switch v {
            case .object(let o): return .array(Values.sortedKeys(o).map { .string($0) })
            case .array(let a): return .array((0..<a.count).map { .number($0) })
            default: throw JQError.type(v, "has no keys")
            }
        }),
        Native("keys_unsorted", 0, .unary { v in
            switch v {
            case .object(let o): return .array(o.keys.map { .string($0) })
            case .array(let a): return .array((0..<a.count).map { .number($0) })
            default: throw JQError.type(v, "has no keys")
            }
        }),
        Native("has", 1, .values { v, a in .bool(try Access.has(v, a[0])) }),
        Native("contains", 1, .values { v, a in
            guard Values.kindRank(v) == Values.kindRank(a[0]) else {
                throw JQError.type2(v, a[0], "cannot have their containment checked")
            }
            return .bool(try contains(v, a[0], depth: 0))
        }),
        Native("add", 0, .unary { v in
            switch v {
            case .array(let a): return try addAll(a)
            case .object(let o): return try addAll(Array(o.values))
            default: throw JQError("Cannot iterate over \(v.typeName)\(v.isNullOrScalarPreview)")
            }
        }),
        Native("add", 1, .generator { I, args, x, p, f, k in
            var items: [JSON] = []
            try I.evalLambda(args[0], x, nil, f) { v, _ in items.append(v) }
            try k(try addAll(items), p == nil ? nil : Interpreter.invalid)
        }),
        Native("tostring", 0, .unary { v in
            if case .string = v { return v }
            return .string(JSONText.dump(v))
        }),
        Native("tojson", 0, .unary { .string(JSONText.dump($0)) }),
        Native("fromjson", 0, .unary { v in
            guard case .string(let s) = v else { throw JQError.type(v, "only strings can be parsed") }
            do throws(JSONParseError) {
                return try JSONParser.parse(s)
            } catch {
                throw JQError(JSONParser.fromjsonMessage(error, text: s))
            }
        }),
        Native("tonumber", 0, .unary { v in
            switch v {
            case .number: return v
            case .string(let s):
                if !s.utf8.contains(0), let n = JSONNumber(literal: s),
                   s.utf8.first.map({ $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }) ?? false {
                    return .number(n)
                }
                throw JQError.type(v, "cannot be parsed as a number")
            default: throw JQError.type(v, "cannot be parsed as a number")
            }
        }),
        Native("toboolean", 0, .unary { v in
            switch v {
            case .bool: return v
            case .string("true"): return .bool(true)
            case .string("false"): return .bool(false)
            default: throw JQError.type(v, "cannot be parsed as a boolean")
            }
        }),
        Native("path", 1, .generator { I, args, x, p, f, k in
            try I.evalLambda(args[0], x, [], f) { v, vp in
                guard let vp, !Interpreter.isInvalid(vp) else { throw I.invalidPath(v) }
                try k(.array(vp), p == nil ? nil : Interpreter.invalid)
            }
        }),
        Native("paths", 0, .generator { I, _, x, p, f, k in
            try I.recurse(x, []) { _, vp in
                if let vp, !vp.isEmpty { try k(.array(vp), p == nil ? nil : Interpreter.invalid) }
            }
        }),
        Native("getpath", 1, .generator { I, args, x, p, f, k in
            try I.evalLambda(args[0], x, nil, f) { path, _ in
                let r: JSON
                do {
                    r = try Access.getpath(x, path)
                } catch {
                    // jq: a path that cannot be followed gives null only where the value is null.
                    throw error
                }
                if let p {
                    guard case .array(let pa) = path else { throw JQError("Path must be specified as an array") }
                    if Interpreter.isInvalid(p) { throw I.invalidPath(x) }
                    try k(r, p + pa)
                } else {
                    try k(r, nil)
                }
            }
        }),
        Native("setpath", 2, .values { v, a in try Access.setpath(v, a[0], a[1]) }),
        Native("delpaths", 1, .values { v, a in try Access.delpaths(v, a[0]) }),
        Native("del", 1, .generator { I, args, x, p, f, k in
            var paths: [JSON] = []
            try I.evalLambda(args[0], x, [], f) { v, vp in
                guard let vp, !Interpreter.isInvalid(vp) else { throw I.invalidPath(v) }
                paths.append(.array(vp))
            }
            try k(try Access.delpaths(x, .array(paths)), p == nil ? nil : Interpreter.invalid)
        }),
        Native("to_entries", 0, .unary { v in
            guard case .object(let o) = v else {
                if case .array(let a) = v {
                    return .array(a.enumerated().map { .object(["key": .number($0.offset), "value": $0.element]) })
                }
                throw JQError.type(v, "has no keys")
            }
            return .array(o.map { .object(["key": .string($0.key), "value": $0.value]) })
        }),
        Native("select", 1, .generator { I, args, x, p, f, k in
            try I.evalLambda(args[0], x, nil, f) { c, _ in
                if Values.isTruthy(c) { try k(x, p) }
            }
        }),
        Native("map", 1, .generator { I, args, x, p, f, k in
            if p != nil {
                // Path mode needs jq's definition: [.[] | f] is not a path.
                var out: [JSON] = []
                try I.iterate(x, nil) { e, _ in try I.evalLambda(args[0], e, nil, f) { v, _ in out.append(v) } }
                try k(.array(out), Interpreter.invalid)
                return
            }
            var out: [JSON] = []
            switch x {
            case .array(let a):
                out.reserveCapacity(a.count)
                for e in a { try I.evalLambda(args[0], e, nil, f) { v, _ in out.append(v) } }
            default:
                try I.iterate(x, nil) { e, _ in try I.evalLambda(args[0], e, nil, f) { v, _ in out.append(v) } }
            }
            try k(.array(out), nil)
        }),
        Native("builtins", 0, .unary { $0 }),
        Native("infinite", 0, .unary { _ in .number(JSONNumber(.infinity)) }),
        Native("nan", 0, .unary { _ in .number(JSONNumber(.nan)) }),
        Native("isinfinite", 0, .unary { v in
            guard case .number(let n) = v else { return .bool(false) }
            return .bool(n.double.isInfinite)
        }),
        Native("isnan", 0, .unary { v in
            guard case .number(let n) = v else { return .bool(false) }
            return .bool(n.double.isNaN)
        }),
        Native("isnormal", 0, .unary { v in
            guard case .number(let n) = v else { return .bool(false) }
            return .bool(n.double.isNormal)
        }),
        Native("have_decnum", 0, .unary { _ in .bool(true) }),
        Native("have_literal_numbers", 0, .unary { _ in .bool(true) }),
    ]

    /// `add`: the sum of values with jq's `+`, building strings and arrays in one buffer.
    static func addAll(_ items: [JSON]) throws -> JSON {
        var acc: JSON = .null
        var i = 0
        var meter = WorkMeter()
        while i < items.count {
            try meter.tick()
            switch (acc, items[i]) {
            case (.string(var s), .string):
                acc = .null
                while i < items.count, case .string(let t) = items[i] { try meter.tick(); s += t; i += 1 }
                acc = .string(s)
                continue
            case (.array(var a), .array):
                acc = .null
                while i < items.count, case .array(let t) = items[i] { try meter.tick(1 + t.count); a.append(contentsOf: t); i += 1 }
                acc = .array(a)
                continue
            case (.object(var o), .object):
                acc = .null
                while i < items.count, case .object(let t) = items[i] {
                    try meter.tick(t.count)
                    for (key, v) in t { o[key] = v }
                    i += 1
                }
                acc = .object(o)
                continue
            default:
                acc = try Values.add(acc, items[i])
            }
            i += 1
        }
        return acc
    }

    /// jq's `contains`: substring for strings, recursive for arrays and objects.
    static func contains(_ a: JSON, _ b: JSON, depth: Int) throws(JQError) -> Bool {
        if depth > Values.maxDepth { throw JQError("Containment check too deep") }
        switch (a, b) {
        case let (.object(x), .object(y)):
            for (k, bv) in y {
                guard let av = x[k], Values.kindRank(av) == Values.kindRank(bv),
                      try contains(av, bv, depth: depth + 1) else { return false }
            }
            return true
        case let (.array(x), .array(y)):
            for bv in y {
                var found = false
                for av in x where Values.kindRank(av) == Values.kindRank(bv) {
                    if try contains(av, bv, depth: depth + 1) { found = true; break }
                }
                if !found { return false }
            }
            return true
        case let (.string(x), .string(y)):
            if y.isEmpty { return true }
            let xb = Array(x.utf8), yb = Array(y.utf8)
            if yb.count > xb.count { return false }
            for i in 0...(xb.count - yb.count) where xb[i] == yb[0] {
                if Array(xb[i..<i + yb.count]) == yb { return true }
            }
            return false
        default:
            return try Values.equal(a, b, depth: depth)
        }
    }
}
