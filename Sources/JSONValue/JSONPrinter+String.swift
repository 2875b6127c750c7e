/// String escaping exactly as jq 1.8's `jvp_dump_string`: `\"`, `\\`, `\b \t \r
/// \n \f`, other control characters and DEL as `\u00XX` (lower-case hex), `/`
/// unescaped, everything else as is, or as `\uXXXX` (surrogate pairs) with `-a`.
extension JSONPrinter {
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `"s"` with jq's escapes.
    static func appendQuoted(_ s: String, ascii: Bool, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { b in
            if ascii {
                appendEscapedASCII(b, to: &out)
            } else {
                appendEscaped(b, to: &out)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Copies runs of bytes that need no escape in one go.
    private static func appendEscaped(_ b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c >= 0x20 && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") && c != 0x7F {
                i += 1
                continue
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart ..< i])) }
            appendEscape(UInt32(c), to: &out)
            i += 1
            runStart = i
        }
        if runStart < n {
            if runStart == 0 {
                out.append(contentsOf: b)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart ..< n]))
            }
        }
    }

    /// `-a`: every scalar above U+007E becomes one or two `\uXXXX` escapes.
    private static func appendEscapedASCII(_ b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c >= 0x20 && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") && c != 0x7F {
                    out.append(c)
                } else {
                    appendEscape(UInt32(c), to: &out)
                }
                i += 1
                continue
            }
            // Swift strings hold valid UTF-8, so the sequence length follows from the lead byte.
            var scalar: UInt32
            var len: Int
            if c >= 0xF0 { scalar = UInt32(c & 0x07); len = 4 }
            else if c >= 0xE0 { scalar = UInt32(c & 0x0F); len = 3 }
            else { scalar = UInt32(c & 0x1F); len = 2 }
            for k in 1 ..< len where i + k < n {
                scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
            }
            i += len
            if scalar > 0xFFFF {
                let v = scalar - 0x10000
                appendUnicodeEscape(0xD800 | (v >> 10) & 0x3FF, to: &out)
                appendUnicodeEscape(0xDC00 | v & 0x3FF, to: &out)
            } else {
                appendUnicodeEscape(scalar, to: &out)
            }
        }
    }

    private static func appendEscape(_ c: UInt32, to out: inout [UInt8]) {
        switch c {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        default: appendUnicodeEscape(c, to: &out)
        }
    }

    private static func appendUnicodeEscape(_ c: UInt32, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(UInt8(ascii: "u"))
        out.append(hexDigits[Int(c >> 12 & 0xF)])
        out.append(hexDigits[Int(c >> 8 & 0xF)])
        out.append(hexDigits[Int(c >> 4 & 0xF)])
        out.append(hexDigits[Int(c & 0xF)])
    }
}
