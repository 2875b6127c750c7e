import Diagnostics
import JSONValue

/// String literals (escapes, `\(...)` interpolation) and constant folding for module metadata.
extension Parser {
    // MARK: strings

    /// Reads a string body after its opening quote, through the closing quote.
    mutating func parseStringBody(format: String?) throws(SyntaxError) -> [StringPart] {
        precondition(peeked == nil)
        var parts: [StringPart] = []
        var buf: [UInt8] = []
        let bytes = lexer.bytes
        var i = lexer.pos
        func flush() {
            if !buf.isEmpty { parts.append(.text(String(decoding: buf, as: UTF8.self))); buf = [] }
        }
        while true {
            guard i < bytes.count else {
                throw error("unterminated string", .at(i))
            }
            let c = bytes[i]
            if c == 34 { i += 1; break }
            if c != 92 { buf.append(c); i += 1; continue }
            let escStart = i
            i += 1
            guard i < bytes.count else { throw error("unterminated string", .at(i)) }
            let e = bytes[i]
            i += 1
            switch e {
            case 110: buf.append(10)
            case 116: buf.append(9)
            case 114: buf.append(13)
            case 98: buf.append(8)
            case 102: buf.append(12)
            case 92, 47, 34: buf.append(e)
            case 117: // \uXXXX, with surrogate pairs
                func hex4(_ at: Int) -> UInt32? {
                    guard at + 4 <= bytes.count else { return nil }
                    var v: UInt32 = 0
                    for b in bytes[at..<at + 4] {
                        guard let d = hexDigit(b) else { return nil }
                        v = v * 16 + d
                    }
                    return v
                }
                guard var cp = hex4(i) else {
                    throw error("invalid \\u escape in string", Span(start: escStart, end: i))
                }
                i += 4
                if cp >= 0xD800 && cp < 0xDC00, bytes.count > i + 1, bytes[i] == 92, bytes[i + 1] == 117,
                   let lo = hex4(i + 2), lo >= 0xDC00 && lo < 0xE000 {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                    i += 6
                }
                let scalar = UnicodeScalar(cp) ?? "\u{FFFD}"
                buf.append(contentsOf: Array(String(Character(scalar)).utf8))
            case 40: // \(
                flush()
                lexer.pos = i
                let e = try parsePipe()
                try expect(")")
                i = lexer.pos
                parts.append(.interp(e))
            default:
                throw error("invalid escape in string", Span(start: escStart, end: i),
                            label: "not a jq escape",
                            help: "jq strings know \\n \\t \\r \\b \\f \\\\ \\/ \\\" \\uXXXX and \\(...)")
            }
        }
        flush()
        lexer.pos = i
        _ = format
        return parts
    }

    func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case 48...57: UInt32(b - 48)
        case 97...102: UInt32(b - 87)
        case 65...70: UInt32(b - 55)
        default: nil
        }
    }
}

/// The constant value of an expression, if it is made only of literals.
func constValue(_ e: Expr) -> JSON? {
    switch e {
    case .literal(let v): return v
    case .string(let parts, nil):
        var s = ""
        for p in parts {
            guard case .text(let t) = p else { return nil }
            s += t
        }
        return .string(s)
    case .array(nil): return .array([])
    case .array(let inner?):
        var out: [JSON] = []
        func collect(_ e: Expr) -> Bool {
            if case .comma(let a, let b) = e { return collect(a) && collect(b) }
            guard let v = constValue(e) else { return false }
            out.append(v)
            return true
        }
        return collect(inner) ? .array(out) : nil
    case .object(let entries):
        var o = JSONObject()
        for (k, v) in entries {
            guard case .string(let ks)? = constValue(k), let vv = constValue(v) else { return nil }
            o[ks] = vv
        }
        return .object(o)
    case .neg(.literal(.number(let n)), _):
        return .number(JSONNumber(-n.double))
    default: return nil
    }
}
