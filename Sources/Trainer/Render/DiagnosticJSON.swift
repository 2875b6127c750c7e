import Diagnostics
import JSONValue

/// Diagnostics as JSON objects for `--json` output.
public enum DiagnosticJSON {
    public static func encode(_ d: Diagnostic, in source: SourceFile) -> JSON {
        var o = JSONObject()
        o["severity"] = .string(d.severity.rawValue)
        o["code"] = d.code.map(JSON.string) ?? .null
        o["message"] = .string(d.message)
        if let span = d.span {
            let loc = source.location(ofByte: span.start)
            o["line"] = .number(loc.line)
            o["column"] = .number(loc.column)
        } else {
            o["line"] = .null
            o["column"] = .null
        }
        o["help"] = d.help.map(JSON.string) ?? .null
        o["notes"] = .array(d.notes.map(JSON.string))
        return .object(o)
    }
}
