import Diagnostics

/// RFC 4180 CSV over bytes, each field with its byte span (for positioned errors).
enum CSVRows {
    struct Field: Sendable {
        var text: String
        var span: Span
    }

    struct Row: Sendable {
        var fields: [Field]
        var span: Span
    }

    static func parse(_ bytes: [UInt8], diagnostics: inout [Diagnostic]) -> [Row] {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        var rows: [Row] = []
        var fields: [Field] = []
        var rowStart = i
        func endRow(at end: Int) {
            rows.append(Row(fields: fields, span: Span(start: rowStart, end: end)))
            fields = []
        }
        while i < bytes.count {
            let start = i
            var text: [UInt8] = []
            if bytes[i] == UInt8(ascii: "\"") {
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                            text.append(UInt8(ascii: "\""))
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    text.append(bytes[i])
                    i += 1
                }
                if !closed {
                    diagnostics.append(.error("this quoted field is never closed", at: Span(start: start, end: start + 1)))
                }
                // Anything between the closing quote and the separator is kept, as spreadsheets do.
                while i < bytes.count, !isSeparator(bytes, i) {
                    text.append(bytes[i])
                    i += 1
                }
            } else {
                while i < bytes.count, !isSeparator(bytes, i) {
                    text.append(bytes[i])
                    i += 1
                }
            }
            fields.append(Field(text: String(decoding: text, as: UTF8.self), span: Span(start: start, end: max(i, start + 1))))
            if i >= bytes.count { endRow(at: i); break }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                if i >= bytes.count { fields.append(Field(text: "", span: .at(i))); endRow(at: i) }
                continue
            }
            let end = i
            i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
            endRow(at: end)
            rowStart = i
        }
        return rows
    }

    private static func isSeparator(_ bytes: [UInt8], _ i: Int) -> Bool {
        bytes[i] == UInt8(ascii: ",") || bytes[i] == 0x0A || bytes[i] == 0x0D
    }

    /// A field as CSV writes it: quoted when it holds a comma, a quote or a line break.
    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
