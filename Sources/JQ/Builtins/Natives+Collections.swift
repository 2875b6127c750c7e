import JSONValue

extension Natives {
    /// `[f]` for every element: the sort keys of `sort_by(f)` and friends.
    private static func keys(_ I: Interpreter, _ l: Lambda, _ x: JSON, _ f: Frame) throws -> ([JSON], [JSON]) {
        var items: [JSON] = []
        var keys: [JSON] = []
        try I.iterate(x, nil) { e, _ in
            items.append(e)
            var k: [JSON] = []
            try I.evalLambda(l, e, nil, f) { v, _ in k.append(v) }
            keys.append(.array(k))
        }
        guard case .array = x else {
            throw JQError.type2(x, .array(keys), "cannot be sorted, as they are not both arrays")
        }
        return (items, keys)
    }

    /// Stable sort of indices by key, as jq's `jv_sort`.
    static func sortedIndices(_ keys: [JSON]) throws -> [Int] {
        var meter = WorkMeter()
        return try Array(0..<keys.count).sorted { a, b in
            try meter.tick()
            let c = try Values.compareChecked(keys[a], keys[b])
            return c != 0 ? c < 0 : a < b
        }
    }

    private static func byGenerator(_ name: String,
                                    _ body: @escaping ([JSON], [JSON], JSON) throws -> JSON) -> Native {
        Native(name, 1, .generator { I, args, x, p, f, k in
            let (items, ks) = try keys(I, args[0], x, f)
            try k(try body(items, ks, x), p == nil ? nil : Interpreter.invalid)
        })
    }

    private static func group(_ items: [JSON], _ keys: [JSON]) throws -> [[JSON]] {
        var groups: [[JSON]] = []
        var lastKey: JSON?
        var meter = WorkMeter()
        for i in try sortedIndices(keys) {
            try meter.tick()
            if let lk = lastKey, Values.compare(lk, keys[i]) == 0 {
                groups[groups.count - 1].append(items[i])
            } else {
                groups.append([items[i]])
                lastKey = keys[i]
            }
        }
        return groups
    }

    private static func minMax(_ items: [JSON], _ keys: [JSON], min: Bool) -> JSON {
        guard !items.isEmpty else { return .null }
        var best = 0
        for i in 1..<items.count {
            let c = Values.compare(keys[i], keys[best])
            if (c < 0) == min && (min || c >= 0) { best = i }
        }
        return items[best]
    }

    static let collections: [Native] = [
        Native("sort", 0, .unary { v in
            guard case .array(let a) = v else { throw JQError.type(v, "cannot be sorted, as it is not an array") }
            return .array(try sortedIndices(a).map { a[$0] })
        }),
        byGenerator("sort_by") { items, keys, _ in .array(try sortedIndices(keys).map { items[$0] }) },
        byGenerator("group_by") { items, keys, _ in .array(try group(items, keys).map { .array($0) }) },
        byGenerator("unique_by") { items, keys, _ in .array(try group(items, keys).map { $0[0] }) },
        byGenerator("min_by") { items, keys, _ in minMax(items, keys, min: true) },
        byGenerator("max_by") { items, keys, _ in minMax(items, keys, min: false) },
        Native("unique", 0, .unary { v in
            guard case .array(let a) = v else { throw JQError.type(v, "cannot be sorted, as it is not an array") }
            return .array(try group(a, a).map { $0[0] })
        }),
        Native("min", 0, .unary { v in
            guard case .array(let a) = v else { throw JQError.type2(v, v, "cannot be iterated over") }
            return minMax(a, a, min: true)
        }),
        Native("max", 0, .unary { v in
            guard case .array(let a) = v else { throw JQError.type2(v, v, "cannot be iterated over") }
            return minMax(a, a, min: false)
        }),
        Native("bsearch", 1, .values { v, args in
            guard case .array(let a) = v else { throw JQError.type(v, "cannot be searched from") }
            var lo = 0, hi = a.count
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                let c = Values.compare(args[0], a[mid])
                if c == 0 { return .number(mid) }
                if c < 0 { hi = mid } else { lo = mid + 1 }
            }
            return .number(-1 - lo)
        }),
        Native("reverse", 0, .unary { v in
            switch v {
            case .array(let a): return .array(a.reversed())
            case .null: return .array([])
            case .bool: throw JQError.type(v, "has no length")
            default:
                // jq: [.[length - 1 - range(0; length)]], so other types fail on the first index.
                let n: Double
                switch v {
                case .string(let s): n = Double(s.unicodeScalars.count)
                case .object(let o): n = Double(o.count)
                case .number(let x): n = abs(x.double)
                default: n = 0
                }
                if n <= 0 { return .array([]) }
                let first = JSON.number(JSONNumber(n - 1))
                throw JQError("Cannot index \(v.typeName) with number (\(JSONText.truncated(first)))")
            }
        }),
        Native("flatten", 0, .unary { v in try flatten(v, depth: -1) }),
        Native("flatten", 1, .values { v, a in
            guard case .number(let d) = a[0] else { throw JQError("flatten depth must not be negative") }
            // jq compares `$x < 0`, and jq orders nan below every number.
            if d.double < 0 || d.double.isNaN { throw JQError("flatten depth must not be negative") }
            return try flatten(v, depth: d.double)
        }),
        Native("any", 0, .unary { v in
            var r = false
            try iterateValues(v) { if Values.isTruthy($0) { r = true; return false }; return true }
            return .bool(r)
        }),
        Native("all", 0, .unary { v in
            var r = true
            try iterateValues(v) { if !Values.isTruthy($0) { r = false; return false }; return true }
            return .bool(r)
        }),
    ]

    /// Calls `body` on each child until it returns false.
    static func iterateValues(_ v: JSON, _ body: (JSON) throws -> Bool) throws {
        switch v {
        case .array(let a): for e in a where try !body(e) { return }
        case .object(let o): for e in o.values where try !body(e) { return }
        default: throw JQError("Cannot iterate over \(v.typeName)\(v.isNullOrScalarPreview)")
        }
    }

    static func flatten(_ v: JSON, depth: Double) throws -> JSON {
        var out: [JSON] = []
        func go(_ items: [JSON], _ d: Double) {
            for e in items {
                if case .array(let inner) = e, d != 0 { go(inner, d - 1) } else { out.append(e) }
            }
        }
        switch v {
        case .array(let a): go(a, depth)
        case .object(let o): go(Array(o.values), depth)
        default: throw JQError("Cannot iterate over \(v.typeName)\(v.isNullOrScalarPreview)")
        }
        return .array(out)
    }
}
