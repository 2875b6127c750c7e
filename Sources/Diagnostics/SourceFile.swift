/// The text a diagnostic points into: a file's name and its bytes, with line starts
/// computed once so byte offsets can be turned into line and column at the edge.
public struct SourceFile: Sendable, Equatable {
    /// The name shown to the user (a path, `<stdin>`, `<query>`, ...).
    public let name: String
    /// The raw UTF-8 bytes of the text.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of every line; always starts with 0.
    public let lineStarts: [Int]

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            starts.append(i + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based line and column of a byte offset. Columns count Unicode scalars,
    /// so a caret under a non-ASCII line stays aligned in a UTF-8 terminal.
    public func location(ofByte offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let lineStart = lineStarts[lo]
        var column = 1
        var i = lineStart
        while i < clamped {
            // Count only the first byte of each UTF-8 sequence.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: lo + 1, column: column, offset: clamped)
    }

    /// The byte offset of a 1-based line and column (as a YAML parser reports them).
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var i = lineStarts[line - 1]
        var col = 1
        let end = lineEnd(ofLine: line)
        while col < column && i < end {
            i += 1
            while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
            col += 1
        }
        return i
    }

    /// Byte offset just past the last byte of a 1-based line, before its newline.
    public func lineEnd(ofLine line: Int) -> Int {
        let next = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        var end = next
        if end > lineStarts[line - 1] && end <= bytes.count && end > 0 && bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return end
    }

    /// The text of a 1-based line without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        return String(decoding: bytes[start..<lineEnd(ofLine: line)], as: UTF8.self)
    }
}

/// A 1-based line and column, with the byte offset they came from.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
}
