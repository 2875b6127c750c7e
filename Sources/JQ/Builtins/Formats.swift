import JSONValue

/// `@name` string formats (`@csv`, `@base64`, ...), applied to `.` or to each interpolation.
enum Formats {
    static let names = ["text", "json", "html", "uri", "urid", "csv", "tsv", "sh", "base64", "base64d",
                        "base32", "base32d"]

    static func text(_ v: JSON) -> String {
        if case .string(let s) = v { return s }
        return JSONText.dump(v)
    }

    static func apply(_ name: String, _ v: JSON) throws(JQError) -> String {
        switch name {
        case "text": return text(v)
        case "json": return JSONText.dump(v)
        case "html":
            var out = ""
            for c in text(v).unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "'": out += "&apos;"
                case "\"": out += "&quot;"
                default: out.unicodeScalars.append(c)
                }
            }
            return out
        case "uri":
            var out: [UInt8] = []
            let hex = Array("0123456789ABCDEF".utf8)
            for b in text(v).utf8 {
                if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57)
                    || b == 45 || b == 95 || b == 46 || b == 126 {
                    out.append(b)
                } else {
                    out.append(37); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
                }
            }
            return String(decoding: out, as: UTF8.self)
        case "urid":
            let s = text(v)
            let b = Array(s.utf8)
            var out: [UInt8] = []
            var i = 0
            func hexv(_ c: UInt8) -> UInt8? {
                switch c {
                case 48...57: c - 48
                case 97...102: c - 87
                case 65...70: c - 55
                default: nil
                }
            }
            let bad = JQError.type(.string(s), "is not a valid uri encoding")
            while i < b.count {
                if b[i] != 37 { out.append(b[i]); i += 1; continue }
                guard i + 2 < b.count, let h = hexv(b[i + 1]), let l = hexv(b[i + 2]) else { throw bad }
                out.append(h << 4 | l)
                i += 3
            }
            guard let r = String(validating: out, as: UTF8.self) else { throw bad }
            return r
        case "csv", "tsv":
            let csv = name == "csv"
            guard case .array(let a) = v else {
                throw JQError.type(v, csv ? "cannot be csv-formatted, only array" : "cannot be tsv-formatted, only array")
            }
            var parts: [String] = []
            for x in a {
                switch x {
                case .null: parts.append("")
                case .bool, .number:
                    if case .number(let n) = x, n.double.isNaN { parts.append(""); continue }
                    parts.append(JSONText.dump(x))
                case .string(let s):
                    if csv {
                        parts.append("\"" + s.replacingAll("\"", with: "\"\"") + "\"")
                    } else {
                        var e = ""
                        for c in s.unicodeScalars {
                            switch c {
                            case "\t": e += "\\t"
                            case "\r": e += "\\r"
                            case "\n": e += "\\n"
                            case "\\": e += "\\\\"
                            default: e.unicodeScalars.append(c)
                            }
                        }
                        parts.append(e)
                    }
                default:
                    throw JQError.type(x, csv ? "is not valid in a csv row" : "is not valid in a csv row")
                }
            }
            return parts.joined(separator: csv ? "," : "\t")
        case "sh":
            let items: [JSON]
            if case .array(let a) = v { items = a } else { items = [v] }
            var parts: [String] = []
            for x in items {
                switch x {
                case .null, .bool, .number: parts.append(JSONText.dump(x))
                case .string(let s): parts.append("'" + s.replacingAll("'", with: "'\\''") + "'")
                default: throw JQError.type(x, "can not be escaped for shell")
                }
            }
            return parts.joined(separator: " ")
        case "base64":
            return Base64.encode(Array(text(v).utf8))
        case "base64d":
            let s = text(v)
            return String(decoding: try Base64.decode(s), as: UTF8.self)
        case "base32":
            return Base64.encode32(Array(text(v).utf8))
        case "base32d":
            return String(decoding: try Base64.decode32(text(v)), as: UTF8.self)
        default:
            throw JQError("\(name) is not a valid format")
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// Base64 and base32 as jq encodes and decodes them.
enum Base64 {
    static let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ data: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            let n = min(3, data.count - i)
            var code: UInt32 = 0
            for j in 0..<3 { code = code << 8 | (j < n ? UInt32(data[i + j]) : 0) }
            var buf = (0..<4).map { table[Int((code >> (18 - UInt32($0) * 6)) & 0x3F)] }
            if n < 3 { buf[3] = 61 }
            if n < 2 { buf[2] = 61 }
            out.append(contentsOf: buf)
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ s: String) throws(JQError) -> [UInt8] {
        var rev = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in table.enumerated() { rev[Int(c)] = UInt8(i) }
        var out: [UInt8] = []
        var code: UInt32 = 0
        var n = 0
        for b in s.utf8 {
            if b == 61 { break }
            let d = rev[Int(b)]
            if d == 0xFF { throw JQError.type(.string(s), "is not valid base64 data") }
            code = code << 6 | UInt32(d)
            n += 1
            if n == 4 {
                out.append(UInt8((code >> 16) & 0xFF)); out.append(UInt8((code >> 8) & 0xFF)); out.append(UInt8(code & 0xFF))
                n = 0; code = 0
            }
        }
        if n == 3 {
            out.append(UInt8((code >> 10) & 0xFF)); out.append(UInt8((code >> 2) & 0xFF))
        } else if n == 2 {
            out.append(UInt8((code >> 4) & 0xFF))
        } else if n == 1 {
            throw JQError.type(.string(s), "trailing base64 byte found")
        }
        return out
    }

    static let table32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode32(_ data: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            let n = min(5, data.count - i)
            var code: UInt64 = 0
            for j in 0..<5 { code = code << 8 | (j < n ? UInt64(data[i + j]) : 0) }
            let chars = [0, 2, 4, 5, 7][n - 1] + 1
            for j in 0..<8 {
                out.append(j < chars ? table32[Int((code >> (35 - UInt64(j) * 5)) & 0x1F)] : 61)
            }
            i += 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode32(_ s: String) throws(JQError) -> [UInt8] {
        var out: [UInt8] = []
        var buffer: UInt64 = 0
        var bits = 0
        for b in s.utf8 {
            if b == 61 { break }
            guard let d = table32.firstIndex(of: b) else { throw JQError.type(.string(s), "is not valid base32 data") }
            buffer = buffer << 5 | UInt64(d)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt64(bits)) & 0xFF))
            }
        }
        return out
    }
}
