import Diagnostics

/// A byte buffer that writes JSON the way Go's encoding/json does: strings with
/// HTML escaping (`<`, `>`, `&` as \u003c ...), U+2028/2029 escaped, control
/// characters as \u00XX. Plain ASCII strings are copied in one step.
struct JSONBytes {
    var out: [UInt8]

    mutating func raw(_ s: String) {
        out.append(contentsOf: s.utf8)
    }

    mutating func string(_ s: String) {
        out.append(UInt8(ascii: "\""))
        if GoQuote.needsNoEscaping(s) {
            out.append(contentsOf: s.utf8)
        } else {
            out.append(contentsOf: GoQuote.json(s).utf8.dropFirst().dropLast())
        }
        out.append(UInt8(ascii: "\""))
    }

    mutating func strings(_ xs: [String]) {
        out.append(UInt8(ascii: "["))
        for (i, x) in xs.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(x)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// authentication/v1 UserInfo; `{}` for no user.
    mutating func user(_ u: UserInfo?) {
        guard let u else {
            raw("{}")
            return
        }
        raw("{")
        var first = true
        func key(_ k: String, _ w: inout JSONBytes) {
            if !first { w.raw(",") }
            first = false
            w.raw("\"" + k + "\":")
        }
        if !u.username.isEmpty { key("username", &self); string(u.username) }
        if !u.uid.isEmpty { key("uid", &self); string(u.uid) }
        if !u.groups.isEmpty { key("groups", &self); strings(u.groups) }
        if !u.extra.isEmpty {
            key("extra", &self)
            raw("{")
            for (i, k) in u.extra.keys.sorted().enumerated() {
                if i > 0 { raw(",") }
                string(k)
                raw(":")
                strings(u.extra[k]!)
            }
            raw("}")
        }
        raw("}")
    }
}
