import JSONValue

/// A jq error value in flight; `try ... catch` sees `value`.
struct JQError: Error {
    var value: JSON
    init(_ value: JSON) { self.value = value }
    init(_ message: String) { self.value = .string(message) }

    /// `<type> (<value>) <msg>`, jq's `type_error`.
    static func type(_ v: JSON, _ msg: String) -> JQError {
        JQError("\(v.typeName) (\(JSONText.truncated(v))) \(msg)")
    }

    /// `<type> (<value>) and <type> (<value>) <msg>`, jq's `type_error2`.
    static func type2(_ a: JSON, _ b: JSON, _ msg: String) -> JQError {
        JQError("\(a.typeName) (\(JSONText.truncated(a))) and \(b.typeName) (\(JSONText.truncated(b))) \(msg)")
    }
}

/// `break $label`, `first`, `limit`: unwinds to its label; `catch` never sees it.
struct BreakSignal: Error {
    let id: Int
}

/// An error raised downstream of a `try` body, on its way past that `try`.
struct PassThrough: Error {
    let id: Int
    let error: JQError
}
