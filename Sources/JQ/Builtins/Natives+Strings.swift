import JSONValue

extension Natives {
    static let strings: [Native] = [
        Native("startswith", 1, .values { v, a in
            guard case .string(let s) = v, case .string(let t) = a[0] else {
                throw JQError("startswith() requires string inputs")
            }
            return .bool(s.utf8.starts(with: t.utf8))
        }),
        Native("endswith", 1, .values { v, a in
            guard case .string(let s) = v, case .string(let t) = a[0] else {
                throw JQError("endswith() requires string inputs")
            }
            return .bool(s.utf8.count >= t.utf8.count && Array(s.utf8.suffix(t.utf8.count)) == Array(t.utf8))
        }),
        Native("trim", 0, .unary { v in try trim(v, leading: true, trailing: true) }),
        Native("ltrim", 0, .unary { v in try trim(v, leading: true, trailing: false) }),
        Native("rtrim", 0, .unary { v in try trim(v, leading: false, trailing: true) }),
        Native("explode", 0, .unary { v in
            guard case .string(let s) = v else { throw JQError("explode input must be a string") }
            return .array(s.unicodeScalars.map { .number(Int($0.value)) })
        }),
        Native("implode", 0, .unary { v in
            guard case .array(let a) = v else { throw JQError("implode input must be an array") }
            var out = String.UnicodeScalarView()
            var meter = WorkMeter()
            for c in a {
                try meter.tick()
                guard case .number(let n) = c, !n.double.isNaN else {
                    throw JQError.type(c, "can't be imploded, unicode codepoint needs to be numeric")
                }
                let d = n.double
                var cp = d.isNaN ? 0xFFFD : UInt32(clamping: Int(max(-1, min(d, 0x110000))))
                if d < 0 || d > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000) { cp = 0xFFFD }
                out.append(UnicodeScalar(cp) ?? "\u{FFFD}")
            }
            return .string(String(out))
        }),
        Native("split", 1, .values { v, a in
            guard case .string(let s) = v, case .string(let sep) = a[0] else {
                throw JQError("split input and separator must be strings")
            }
            return .array(Values.splitString(s, sep).map { .string($0) })
        }),
        Native("join", 1, .values { v, a in
            let sep = a[0]
            var acc: JSON = .null
            var items: [JSON] = []
            switch v {
            case .array(let arr): items = arr
            case .object(let o): items = Array(o.values)
            default: throw JQError("Cannot iterate over \(v.typeName)\(v.isNullOrScalarPreview)")
            }
            if items.isEmpty { return .string("") }
            // Fast path: a string separator and scalar items.
            if case .string(let sepS) = sep {
                var out = ""
                var ok = true
                var meter = WorkMeter()
                for (i, e) in items.enumerated() {
                    try meter.tick()
                    if i > 0 { out += sepS }
                    switch e {
                    case .null: break
                    case .string(let s): out += s
                    case .number, .bool: out += JSONText.dump(e)
                    default: ok = false
                    }
                    if !ok { break }
                }
                if ok { return .string(out) }
            }
            for e in items {
                let prefix: JSON = acc == .null ? .string("") : try Values.add(acc, sep)
                let part: JSON
                switch e {
                case .bool, .number: part = .string(JSONText.dump(e))
                case .null: part = .string("")
                default: part = e
                }
                acc = try Values.add(prefix, part)
            }
            return acc == .null ? .string("") : acc
        }),
        Native("ascii_downcase", 0, .unary { v in
            guard case .string(let s) = v else { throw JQError("explode input must be a string") }
            return .string(String(decoding: s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self))
        }),
        Native("ascii_upcase", 0, .unary { v in
            guard case .string(let s) = v else { throw JQError("explode input must be a string") }
            return .string(String(decoding: s.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self))
        }),
        Native("_strindices", 1, .values { v, a in
            guard case .string(let s) = v else { throw JQError.type(v, "cannot be searched, as it is not a string") }
            guard case .string(let t) = a[0] else { throw JQError.type(a[0], "is not a string") }
            let sb = Array(s.utf8), tb = Array(t.utf8)
            var out: [JSON] = []
            if tb.isEmpty || tb.count > sb.count { return .array([]) }
            // Offsets are in codepoints, as jq 1.8 reports them.
            var cp = 0
            var byteToCp = [Int](repeating: 0, count: sb.count + 1)
            for (i, b) in sb.enumerated() {
                byteToCp[i] = cp
                if b & 0xC0 != 0x80 { cp += 1 }
            }
            for i in 0...(sb.count - tb.count) where sb[i] == tb[0] {
                if Array(sb[i..<i + tb.count]) == tb { out.append(.number(byteToCp[i])) }
            }
            return .array(out)
        }),
        Native("format", 1, .values { v, a in
            guard case .string(let name) = a[0] else { throw JQError.type(a[0], "is not a valid format") }
            return .string(try Formats.apply(name, v))
        }),
    ]

    static func trim(_ v: JSON, leading: Bool, trailing: Bool) throws -> JSON {
        guard case .string(let s) = v else { throw JQError("trim input must be a string") }
        let b = Array(s.unicodeScalars)
        func isSpace(_ c: UnicodeScalar) -> Bool { c.properties.isWhitespace }
        var lo = 0, hi = b.count
        if leading { while lo < hi && isSpace(b[lo]) { lo += 1 } }
        if trailing { while hi > lo && isSpace(b[hi - 1]) { hi -= 1 } }
        return .string(String(String.UnicodeScalarView(b[lo..<hi])))
    }
}
