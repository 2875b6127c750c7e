import Foundation
import JSONValue

/// jq's total order and arithmetic on values.
enum Values {
    static func kindRank(_ v: JSON) -> Int {
        switch v {
        case .null: 0
        case .bool(let b): b ? 2 : 1
        case .number: 3
        case .string: 4
        case .array: 5
        case .object: 6
        }
    }

    /// jq's ordering: null < false < true < numbers < strings < arrays < objects;
    /// strings by bytes, objects by their sorted keys and then values. NaN sorts below numbers.
    static let maxDepth = 10_000

    /// Comparison with jq's depth limit ("Comparison too deep").
    static func compareChecked(_ a: JSON, _ b: JSON) throws(JQError) -> Int {
        try compare(a, b, depth: 0)
    }

    static func compare(_ a: JSON, _ b: JSON) -> Int {
        (try? compare(a, b, depth: 0)) ?? 0
    }

    static func compare(_ a: JSON, _ b: JSON, depth: Int) throws(JQError) -> Int {
        if depth > maxDepth { throw JQError("Comparison too deep") }
        switch (a, b) {
        case let (.number(x), .number(y)):
            let dx = x.double, dy = y.double
            if dx.isNaN { return -1 }
            if dy.isNaN { return 1 }
            if dx == dy, let lx = x.literal, let ly = y.literal, isIntegerLiteral(lx), isIntegerLiteral(ly) {
                return compareIntegerLiterals(lx, ly)
            }
            return dx < dy ? -1 : (dx == dy ? 0 : 1)
        case let (.string(x), .string(y)):
            return compareStrings(x, y)
        case let (.array(x), .array(y)):
            for i in 0..<min(x.count, y.count) {
                let c = try compare(x[i], y[i], depth: depth + 1)
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        case let (.object(x), .object(y)):
            let kx = x.keys.sorted(by: { compareStrings($0, $1) < 0 })
            let ky = y.keys.sorted(by: { compareStrings($0, $1) < 0 })
            let c = compare(.array(kx.map { .string($0) }), .array(ky.map { .string($0) }))
            if c != 0 { return c }
            for k in kx {
                let c = try compare(x[k]!, y[k]!, depth: depth + 1)
                if c != 0 { return c }
            }
            return 0
        default:
            let ra = kindRank(a), rb = kindRank(b)
            return ra < rb ? -1 : (ra == rb ? 0 : 1)
        }
    }

    @inline(__always)
    static func compareStrings(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    static func sortedKeys(_ o: JSONObject) -> [String] {
        o.keys.sorted(by: { compareStrings($0, $1) < 0 })
    }

    /// Whether two arrays share one buffer: jq's `jv_equal` answers true for the same
    /// allocation without looking inside (so `$deep == $deep` is not "too deep").
    @inline(__always)
    static func sameStorage<C: Collection>(_ a: C, _ b: C) -> Bool {
        guard !a.isEmpty, a.count == b.count else { return false }
        let pa = a.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        let pb = b.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        return pa != nil && pa == pb
    }

    /// jq's equality: numbers by value (integer literals beyond double precision by their
    /// digits, as jq 1.8's decNumber does), objects regardless of key order, depth-limited.
    static func equal(_ a: JSON, _ b: JSON, depth: Int = 0) throws(JQError) -> Bool {
        if depth > maxDepth { throw JQError("Equality check too deep") }
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)):
            guard x.double == y.double else { return false }
            if let lx = x.literal, let ly = y.literal, isIntegerLiteral(lx), isIntegerLiteral(ly) {
                return compareIntegerLiterals(lx, ly) == 0
            }
            return true
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)):
            guard x.count == y.count else { return false }
            if sameStorage(x, y) { return true }
            for i in 0..<x.count where try !equal(x[i], y[i], depth: depth + 1) { return false }
            return true
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            if sameStorage(x.keys.elements, y.keys.elements) && sameStorage(x.values.elements, y.values.elements) { return true }
            for (k, v) in x {
                guard let w = y[k], try equal(v, w, depth: depth + 1) else { return false }
            }
            return true
        default: return false
        }
    }

    /// Exact order of two integer literals (beyond double precision, as decNumber orders them).
    static func compareIntegerLiterals(_ a: String, _ b: String) -> Int {
        let na = a.hasPrefix("-"), nb = b.hasPrefix("-")
        if na != nb { return na ? -1 : 1 }
        var da = Substring(na ? a.dropFirst() : a[...]), db = Substring(nb ? b.dropFirst() : b[...])
        da = da.drop(while: { $0 == "0" })
        db = db.drop(while: { $0 == "0" })
        var c = da.count != db.count ? (da.count < db.count ? -1 : 1) : (da == db ? 0 : (da < db ? -1 : 1))
        if na { c = -c }
        return c
    }

    private static func isIntegerLiteral(_ s: String) -> Bool {
        s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    static func isTruthy(_ v: JSON) -> Bool {
        switch v {
        case .null: false
        case .bool(let b): b
        default: true
        }
    }

    static func add(_ a: JSON, _ b: JSON) throws(JQError) -> JSON {
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case let (.number(x), .number(y)): return .number(JSONNumber(x.double + y.double))
        case let (.string(x), .string(y)): return .string(x + y)
        case let (.array(x), .array(y)): return .array(x + y)
        case let (.object(x), .object(y)):
            var r = x
            for (k, v) in y { r[k] = v }
            return .object(r)
        default: throw JQError.type2(a, b, "cannot be added")
        }
    }

    /// `a = a + b`, appending to `a`'s storage when `a` holds the only reference
    /// (the payload is moved out before it grows; no temporary copy of `a` is made).
    static func addInPlace(_ a: inout JSON, _ b: JSON) throws(JQError) {
        if case .object(var x) = a, case .object(let y) = b {
            a = .null
            for (k, v) in y { x[k] = v }
            a = .object(x)
        } else if case .array(var x) = a, case .array(let y) = b {
            a = .null
            x.append(contentsOf: y)
            a = .array(x)
        } else if case .string(var x) = a, case .string(let y) = b {
            a = .null
            x += y
            a = .string(x)
        } else {
            a = try add(a, b)
        }
    }

    static func subtract(_ a: JSON, _ b: JSON) throws(JQError) -> JSON {
        switch (a, b) {
        case let (.number(x), .number(y)): return .number(JSONNumber(x.double - y.double))
        case let (.array(x), .array(y)):
            var out: [JSON] = []
            for e in x {
                var found = false
                for f in y where try equal(e, f) { found = true; break }
                if !found { out.append(e) }
            }
            return .array(out)
        default: throw JQError.type2(a, b, "cannot be subtracted")
        }
    }

    static func multiply(_ a: JSON, _ b: JSON) throws -> JSON {
        switch (a, b) {
        case let (.number(x), .number(y)): return .number(JSONNumber(x.double * y.double))
        case let (.string(s), .number(n)), let (.number(n), .string(s)):
            let d = n.double
            if d < 0 || d.isNaN { return .null }
            let count = d > Double(Int32.max) ? Int(Int32.max) : Int(d)
            if count == 0 || s.isEmpty { return .string("") }
            let total = s.utf8.count * count
            if total >= maxStringBytes { throw JQError("Repeat string result too long") }
            return .string(try repeatString(s, total: total))
        case let (.object(x), .object(y)):
            return .object(try deepMerge(x, y, depth: 0))
        default: throw JQError.type2(a, b, "cannot be multiplied")
        }
    }

    /// jq's `jv_string_repeat` limit: results of `INT_MAX - 8` bytes or more are refused.
    static let maxStringBytes = Int(Int32.max) - 8

    /// `s` repeated to `total` bytes by doubling, as jq does, polling the run's limits
    /// between doublings so a huge repeat under a deadline stops in time.
    static func repeatString(_ s: String, total: Int) throws -> String {
        var meter = WorkMeter()
        return try String(unsafeUninitializedCapacity: total) { buf in
            let base = buf.baseAddress!
            var filled = 0
            for b in s.utf8 { base[filled] = b; filled += 1 }
            while filled < total {
                try meter.tick(filled)
                let grow = min(total - filled, filled)
                (base + filled).update(from: base, count: grow)
                filled += grow
            }
            return filled
        }
    }

    static func deepMerge(_ a: JSONObject, _ b: JSONObject, depth: Int) throws(JQError) -> JSONObject {
        if depth > maxDepth { throw JQError("Object merge too deep") }
        var r = a
        for (k, v) in b {
            if case .object(let bo) = v, case .object(let ao)? = r[k] {
                r[k] = .object(try deepMerge(ao, bo, depth: depth + 1))
            } else {
                r[k] = v
            }
        }
        return r
    }

    static func divide(_ a: JSON, _ b: JSON) throws(JQError) -> JSON {
        switch (a, b) {
        case let (.number(x), .number(y)):
            if y.double == 0 { throw JQError.type2(a, b, "cannot be divided because the divisor is zero") }
            return .number(JSONNumber(x.double / y.double))
        case let (.string(x), .string(y)):
            return .array(splitString(x, y).map { .string($0) })
        default: throw JQError.type2(a, b, "cannot be divided")
        }
    }

    /// jq's `dtoi`: clamp to intmax range, truncating.
    static func dtoi(_ d: Double) -> Int {
        if d.isNaN { return Int.min }
        if d < -9.223372036854775808e18 { return Int.min }
        if -d <= -9.223372036854775808e18 { return Int.max }
        return Int(d)
    }

    static func modulo(_ a: JSON, _ b: JSON) throws(JQError) -> JSON {
        switch (a, b) {
        case let (.number(x), .number(y)):
            if x.double.isNaN || y.double.isNaN { return .number(JSONNumber(.nan)) }
            let bi = dtoi(y.double)
            if bi == 0 { throw JQError.type2(a, b, "cannot be divided (remainder) because the divisor is zero") }
            return .number(JSONNumber(bi == -1 ? 0 : Double(dtoi(x.double) % bi)))
        default: throw JQError.type2(a, b, "cannot be divided (remainder)")
        }
    }

    static func binary(_ op: BinaryOp, _ a: JSON, _ b: JSON) throws -> JSON {
        switch op {
        case .add: return try add(a, b)
        case .sub: return try subtract(a, b)
        case .mul: return try multiply(a, b)
        case .div: return try divide(a, b)
        case .mod: return try modulo(a, b)
        case .eq: return .bool(try equal(a, b))
        case .ne: return .bool(try !equal(a, b))
        case .lt: return .bool(try compareChecked(a, b) < 0)
        case .le: return .bool(try compareChecked(a, b) <= 0)
        case .gt: return .bool(try compareChecked(a, b) > 0)
        case .ge: return .bool(try compareChecked(a, b) >= 0)
        }
    }

    /// `"a,b" / ","`: jq splits on every occurrence; an empty separator splits nothing out
    /// (jq 1.8 returns the characters? no: it returns [] for "" and the string itself otherwise).
    static func splitString(_ s: String, _ sep: String) -> [String] {
        if s.isEmpty { return [] }
        if sep.isEmpty {
            return s.unicodeScalars.map { String($0) }
        }
        var out: [String] = []
        let sb = Array(s.utf8), pb = Array(sep.utf8)
        var start = 0, i = 0
        while i + pb.count <= sb.count {
            if sb[i] == pb[0] && Array(sb[i..<i + pb.count]) == pb {
                out.append(String(decoding: sb[start..<i], as: UTF8.self))
                i += pb.count
                start = i
            } else {
                i += 1
            }
        }
        out.append(String(decoding: sb[start...], as: UTF8.self))
        return out
    }

    static func number(_ d: Double) -> JSON { .number(JSONNumber(d)) }
    static func number(_ i: Int) -> JSON { .number(JSONNumber(Double(i))) }
}

extension Values {
    /// jq's `length` of a string: its codepoints. Long strings are counted from their
    /// UTF-8 bytes (`ByteCount.utf8Leads`), the work charged to the run so a huge count
    /// still meets its limits.
    static func codepointCount(_ s: String) throws -> Int {
        let n = s.utf8.count
        if n < 4096 { return s.unicodeScalars.count }
        // Charged first: the count itself runs at several GB/s.
        var meter = WorkMeter()
        try meter.tick(n)
        var text = s
        return text.withUTF8 { ByteCount.utf8Leads($0.baseAddress!, 0, $0.count) }
    }
}
