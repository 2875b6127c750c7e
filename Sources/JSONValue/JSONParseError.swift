import Diagnostics

/// JSON text that could not be read, with jq 1.8's wording.
///
/// `reason` is jq's phrase ("Invalid numeric literal", "Unfinished JSON term");
/// `offset` is the byte where jq notices the problem (the character that ends a
/// bad token, the closing quote of a bad string, or the end of the text).
/// `message` is the full text jq prints after `jq: parse error: ` or inside
/// `fromjson`'s error: `Invalid numeric literal at EOF at line 1, column 4`.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    /// Byte offset into the text (for a stream: from the start of the stream).
    public var offset: Int
    /// True when the text ended before the value did.
    public var atEOF: Bool
    /// jq's line (1-based) and column (bytes since the last newline, counting the
    /// offending byte; 0 when that byte is itself a newline).
    public var line: Int
    public var column: Int

    public init(reason: String, offset: Int, atEOF: Bool, line: Int, column: Int) {
        self.reason = reason
        self.offset = offset
        self.atEOF = atEOF
        self.line = line
        self.column = column
    }

    /// The message as jq 1.8 words it, position included.
    /// Errors about the text as a whole ("Expected JSON value", "Unexpected
    /// extra JSON values") have line 0 and no position in the message.
    public var message: String {
        if line == 0 { return reason }
        return atEOF ? "\(reason) at EOF at line \(line), column \(column)"
              : "\(reason) at line \(line), column \(column)"
    }

    public var description: String { message }

    /// The same problem as a diagnostic pointing at the offending byte.
    public func diagnostic() -> Diagnostic {
        .error(reason, at: Span(start: offset, end: atEOF ? offset : offset + 1), code: "json-syntax")
    }

    /// Builds the error for `offset` in `bytes`, computing jq's line and column.
    /// For an error at the end of input pass `bytes.count`.
    static func locate(_ reason: String, offset: Int, atEOF: Bool, in bytes: UnsafeBufferPointer<UInt8>) -> JSONParseError {
        // jq counts the byte that triggered the error, so scan through it.
        let last = atEOF ? bytes.count - 1 : min(offset, bytes.count - 1)
        var line = 1
        var lastNewline = -1
        if last >= 0 {
            for i in 0 ... last where bytes[i] == 0x0A {
                line += 1
                lastNewline = i
            }
        }
        let column = last - lastNewline
        return JSONParseError(reason: reason, offset: offset, atEOF: atEOF, line: line, column: column)
    }
}
