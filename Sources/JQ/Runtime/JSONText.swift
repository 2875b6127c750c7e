import JSONValue

/// jq's text forms of values: compact JSON (`tojson`), and the truncated previews in error messages.
enum JSONText {
    /// Compact JSON as jq prints it with `-c` (and as `tojson` returns it).
    static func dump(_ v: JSON) -> String {
        JSONPrinter.compact(v)
    }

    /// jq's `jv_dump_string_trunc` with a 30-byte buffer: at most 29 bytes, cut on a
    /// character boundary and marked with `...` (plus the closing delimiter).
    static func truncated(_ v: JSON, bufsize: Int = 30) -> String {
        var bytes = Array(dump(v).utf8)
        guard bytes.count > bufsize - 1 else { return String(decoding: bytes, as: UTF8.self) }
        let delim: UInt8?
        switch bytes[0] {
        case UInt8(ascii: "\""): delim = UInt8(ascii: "\"")
        case UInt8(ascii: "["): delim = UInt8(ascii: "]")
        case UInt8(ascii: "{"): delim = UInt8(ascii: "}")
        default: delim = nil
        }
        var l = bufsize - (delim == nil ? 4 : 5)
        while l > 0 && bytes[l] & 0xC0 == 0x80 { l -= 1 }
        var out = Array(bytes[0..<l])
        out.append(contentsOf: [46, 46, 46])
        if let delim { out.append(delim) }
        return String(decoding: out, as: UTF8.self)
    }
}
