import JSONValue

/// Reading and writing inside values: `.[k]`, slices, `getpath`, `setpath`, `delpaths`, `has`.
enum Access {
    static func index(_ t: JSON, _ k: JSON) throws(JQError) -> JSON {
        switch (t, k) {
        case let (.object(o), .string(s)):
            return o[s] ?? .null
        case let (.array(a), .number(n)):
            let d = n.double
            if d.isNaN { return .null }
            var i = clampInt(d)
            if i < 0 { i += a.count }
            return i >= 0 && i < a.count ? a[i] : .null
        case (.array(let a), .object):
            let (s, e) = try sliceBounds(count: a.count, k)
            return .array(Array(a[s..<e]))
        case (.string(let str), .object):
            let scalars = Array(str.unicodeScalars)
            let (s, e) = try sliceBounds(count: scalars.count, k)
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[s..<e])
            return .string(String(out))
        case let (.array(a), .array(b)):
            return indices(a, b)
        case (.null, .string), (.null, .number), (.null, .object):
            return .null
        default:
            throw JQError("Cannot index \(t.typeName) with \(k.typeName) (\(JSONText.truncated(k)))")
        }
    }

    /// jq's index clamp (`jv_get`): into the `int` range, then truncated. NaN gives 0.
    static func clampInt(_ d: Double) -> Int {
        CNumeric.clamped(d, -2147483648, 2147483647, nan: 0)
    }

    /// jq's `parse_slice`: start rounds down, end rounds up, both clamped.
    static func sliceBounds(count len: Int, _ k: JSON) throws(JQError) -> (Int, Int) {
        guard case .object(let o) = k else { throw JQError("Only arrays and strings can be sliced") }
        var startV = o["start"] ?? .null
        var endV = o["end"] ?? .null
        if case .null = startV { startV = .number(0) }
        if case .null = endV { endV = .number(len) }
        guard case .number(let sn) = startV, case .number(let en) = endV else {
            throw JQError("Array/string slice indices must be integers")
        }
        var ds = sn.double, de = en.double
        let dlen = Double(len)
        if ds.isNaN { ds = 0 }
        if ds < 0 { ds += dlen }
        if ds < 0 { ds = 0 }
        if ds > dlen { ds = dlen }
        let start = ds > 2147483647 ? 2147483647 : Int(ds.rounded(.down))
        if de.isNaN { de = dlen }
        if de < 0 { de += dlen }
        if de < 0 { de = Double(start) }
        var end = de > 2147483647 ? 2147483647 : Int(de)
        if end > len { end = len }
        if end < len && Double(end) < de { end += 1 }
        if end < start { end = start }
        return (start, end)
    }

    /// `.[[1,2]]`: every index where the sub-array starts.
    static func indices(_ a: [JSON], _ b: [JSON]) -> JSON {
        if b.isEmpty { return .null }
        var out: [JSON] = []
        if a.count >= b.count {
            for i in 0...(a.count - b.count) where (try? Values.equal(a[i], b[0])) == true {
                var ok = true
                for j in 1..<b.count where (try? Values.equal(a[i + j], b[j])) != true { ok = false; break }
                if ok { out.append(.number(i)) }
            }
        }
        return .array(out)
    }

    static func has(_ t: JSON, _ k: JSON) throws(JQError) -> Bool {
        switch (t, k) {
        case let (.object(o), .string(s)): return o[s] != nil
        case let (.array(a), .number(n)):
            if n.double.isNaN { return false }
            // jq: `jv_array_get(t, (int)jv_number_value(k))`; out of range is INT_MIN.
            let i = CNumeric.int(n.double)
            return i >= 0 && i < a.count
        case (.null, _):
            // jq 1.8's jv_has: null has no keys of any kind.
            return false
        default:
            throw JQError("Cannot check whether \(t.typeName) has a \(k.typeName) key")
        }
    }

    static func set(_ t: JSON, _ k: JSON, _ v: JSON) throws -> JSON {
        var t = t
        try setInPlace(&t, k, v)
        return t
    }

    /// Sets `t[k] = v` in place. `t`'s payload is moved out (and `t` cleared) before it is
    /// changed, and `t` is never copied into a temporary (such as a switch over `(t, k)`),
    /// so a uniquely referenced container is updated without a copy.
    static func setInPlace(_ t: inout JSON, _ k: JSON, _ v: JSON) throws {
        switch k {
        case .string(let s):
            if case .object(var o) = t {
                t = .null
                o[s] = v
                t = .object(o)
            } else if case .null = t {
                t = .object([s: v])
            } else {
                throw JQError("Cannot update field at \(k.typeName) index of \(t.typeName)")
            }
        case .number(let n):
            guard t.isArrayOrNull else {
                throw JQError("Cannot update field at \(k.typeName) index of \(t.typeName)")
            }
            if n.double.isNaN { throw JQError("Cannot set array element at NaN index") }
            var a: [JSON] = []
            if case .array(let existing) = t { a = existing }
            t = .null
            var i = clampInt(n.double)
            if i < 0 {
                i += a.count
                if i < 0 { throw JQError("Out of bounds negative array index") }
            }
            if i > (Int(Int32.max) >> 2) { throw JQError("Array index too large") }
            if i < a.count {
                a[i] = v
            } else {
                // The nulls before the index are work like building the array one element
                // at a time (a step each), charged before the allocation: under a step
                // limit a huge index (`.[65516545] = 1`, found by fuzzing) is refused at
                // once instead of allocating gigabytes. Without limits it runs, as jq does.
                try NativeWork.charge((i - a.count) * NativeWork.unitsPerStep)
                a.reserveCapacity(i + 1)
                while a.count < i { a.append(.null) }
                a.append(v)
            }
            t = .array(a)
        case .object:
            if case .string = t { throw JQError("Cannot update string slices") }
            guard t.isArrayOrNull else {
                throw JQError("Cannot update field at \(k.typeName) index of \(t.typeName)")
            }
            var a: [JSON] = []
            if case .array(let existing) = t { a = existing }
            let (s, e) = try sliceBounds(count: a.count, k)
            guard case .array(let ins) = v else {
                throw JQError("A slice of an array can only be assigned another array")
            }
            t = .null
            a.replaceSubrange(s..<e, with: ins)
            t = .array(a)
        default:
            throw JQError("Cannot update field at \(k.typeName) index of \(t.typeName)")
        }
    }

    static func getpath(_ root: JSON, _ path: JSON) throws(JQError) -> JSON {
        guard case .array(let p) = path else { throw JQError("Path must be specified as an array") }
        if p.count > 10_000 { throw JQError("Path too deep") }
        var cur = root
        for (i, key) in p.enumerated() {
            if case .null = cur {
                // jq: a missing prefix yields null, but a bad key type still errors.
                _ = try index(.null, key)
                _ = i
                continue
            }
            cur = try index(cur, key)
        }
        return cur
    }

    static func setpath(_ root: JSON, _ path: JSON, _ value: JSON) throws -> JSON {
        guard case .array(let p) = path else { throw JQError("Path must be specified as an array") }
        if p.count > 10_000 { throw JQError("Path too deep") }
        var r = root
        try setpath(&r, p[...], value)
        return r
    }

    /// `setpath` in place, for a path already known to be an array.
    static func setpath(_ root: inout JSON, _ p: [JSON], _ value: JSON) throws {
        if p.count > 10_000 { throw JQError("Path too deep") }
        try setpath(&root, p[...], value)
    }

    static func setpath(_ root: inout JSON, _ p: ArraySlice<JSON>, _ value: JSON) throws {
        guard let key = p.first else { root = value; return }
        let rest = p.dropFirst()
        if case .object = key {
            var sub = try index(root, key)
            try setpath(&sub, rest, value)
            try setInPlace(&root, key, sub)
            return
        }
        var sub = try index(root, key)
        if !rest.isEmpty {
            // Drop the parent's reference first so the child is mutated in place.
            if case .array = root { try setInPlace(&root, key, .null) }
            else if case .object = root { try setInPlace(&root, key, .null) }
        }
        try setpath(&sub, rest, value)
        try setInPlace(&root, key, sub)
    }

    static func delpaths(_ root: JSON, _ paths: JSON) throws -> JSON {
        guard case .array(var ps) = paths else { throw JQError("Paths must be specified as an array") }
        ps.sort { Values.compare($0, $1) < 0 }
        var arrays: [[JSON]] = []
        for e in ps {
            guard case .array(let a) = e else {
                throw JQError("Path must be specified as array, not \(e.typeName)")
            }
            if a.count > 10_000 { throw JQError("Path too deep") }
            arrays.append(a)
        }
        if arrays.isEmpty { return root }
        if arrays[0].isEmpty { return .null }
        return try delpathsSorted(root, arrays[...], 0)
    }

    private static func delpathsSorted(_ object: JSON, _ paths: ArraySlice<[JSON]>, _ start: Int) throws -> JSON {
        var object = object
        var delkeys: [JSON] = []
        var i = paths.startIndex
        while i < paths.endIndex {
            let key = paths[i][start]
            let delkey = paths[i].count == start + 1
            var j = i + 1
            while j < paths.endIndex && paths[j][start] == key { j += 1 }
            if delkey {
                delkeys.append(key)
            } else {
                let sub = try index(object, key)
                if case .null = sub {
                } else {
                    let newSub = try delpathsSorted(sub, paths[i..<j], start + 1)
                    try setInPlace(&object, key, newSub)
                }
            }
            i = j
        }
        return try dels(object, delkeys)
    }

    private static func dels(_ t: JSON, _ keys: [JSON]) throws(JQError) -> JSON {
        if keys.isEmpty { return t }
        switch t {
        case .null:
            return t
        case .array(let a):
            var del = [Bool](repeating: false, count: a.count)
            for key in keys {
                switch key {
                case .number(let n):
                    if n.double.isNaN { continue }
                    // jq: `len + (int)key` for negative keys, `(int)key` otherwise.
                    var i = CNumeric.int(n.double)
                    if n.double < 0 { i = a.count + i }
                    if i >= 0 && i < a.count { del[i] = true }
                case .object:
                    let (s, e) = try sliceBounds(count: a.count, key)
                    for x in s..<e { del[x] = true }
                default:
                    throw JQError("Cannot delete \(key.typeName) element of array")
                }
            }
            var out: [JSON] = []
            out.reserveCapacity(a.count)
            for (i, x) in a.enumerated() where !del[i] { out.append(x) }
            return .array(out)
        case .object(var o):
            for key in keys {
                guard case .string(let s) = key else {
                    throw JQError("Cannot delete \(key.typeName) field of object")
                }
                o.removeValue(forKey: s)
            }
            return .object(o)
        default:
            throw JQError("Cannot delete fields from \(t.typeName)")
        }
    }
}
