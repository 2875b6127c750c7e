/// Reads JSON text into `JSON` values with jq 1.8's rules: object key order
/// kept, number literals kept (see `JSONNumber`), invalid UTF-8 replaced by
/// U+FFFD, a leading byte-order mark skipped, nesting limited to jq's 10,000
/// levels, errors worded as jq words them.
///
/// ```swift
/// let v = try JSONParser.parse(#"{"a":[1,2.50]}"#)      // fromjson, --argjson
/// let all = try JSONParser.parseAll("1 2 [3]")           // --slurpfile
/// ```
/// For a long stream read in chunks, use `JSONStreamParser`.
public enum JSONParser {
    /// Parses a text holding exactly one JSON value (surrounding whitespace allowed).
    public static func parse(_ text: String) throws(JSONParseError) -> JSON {
        var copy = text
        let result = copy.withUTF8 { b in Result { () throws(JSONParseError) -> JSON in try parseOne(b) } }
        return try result.get()
    }

    /// Parses bytes holding exactly one JSON value.
    public static func parse(bytes: [UInt8]) throws(JSONParseError) -> JSON {
        let result = bytes.withUnsafeBufferPointer { b in Result { () throws(JSONParseError) -> JSON in try parseOne(b) } }
        return try result.get()
    }

    /// Parses every value of a text (zero or more, whitespace-separated as jq reads them).
    public static func parseAll(_ text: String) throws(JSONParseError) -> [JSON] {
        try parseAll(bytes: Array(text.utf8))
    }

    /// Parses every value in bytes.
    public static func parseAll(bytes: [UInt8]) throws(JSONParseError) -> [JSON] {
        var parser = JSONStreamParser()
        parser.append(bytes)
        parser.finish()
        var values: [JSON] = []
        while case .value(let v) = try parser.next() { values.append(v) }
        return values
    }

    /// jq's `fromjson` error text: the parse error followed by `(while parsing '<text>')`.
    public static func fromjsonMessage(_ error: JSONParseError, text: String) -> String {
        "\(error.message) (while parsing '\(text)')"
    }

    static func parseOne(_ all: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSON {
        let start = JSONStreamParser.byteOrderMarkLength(all)
        var scanner = JSONScanner(bytes: all, from: start, isFinal: true)
        let first: JSON?
        var extra = false
        do throws(ScanFailure) {
            first = try scanner.nextValue()
            if first != nil { extra = try scanner.nextValue() != nil }
        } catch {
            throw error.parseError(in: all)
        }
        // These two have no position in jq's wording.
        guard let first else {
            throw JSONParseError(reason: "Expected JSON value", offset: all.count, atEOF: true, line: 0, column: 0)
        }
        if extra {
            throw JSONParseError(reason: "Unexpected extra JSON values", offset: scanner.pos, atEOF: false, line: 0, column: 0)
        }
        return first
    }
}

extension ScanFailure {
    /// The public error for a failure in a complete text.
    func parseError(in all: UnsafeBufferPointer<UInt8>) -> JSONParseError {
        switch self {
        case .needMore:
            return JSONParseError.locate("Unfinished JSON term", offset: all.count, atEOF: true, in: all)
        case let .syntax(reason, offset, atEOF):
            return JSONParseError.locate(reason, offset: offset, atEOF: atEOF, in: all)
        }
    }
}
