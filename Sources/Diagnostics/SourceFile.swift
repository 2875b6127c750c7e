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
        var checkpoints: [Int] = []
        var leads = 0
        var ascii = true
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "\n") { starts.append(i + 1) }
            if b >= 0x80 { ascii = false }
            if b & 0xC0 != 0x80 {
                if leads % Self.checkpointStride == 0 { checkpoints.append(i) }
                leads += 1
            }
        }
        self.lineStarts = starts
        // An ASCII text needs no index: a column is a byte count.
        self.leadCheckpoints = ascii ? [] : checkpoints
        self.leadCount = ascii ? bytes.count : leads
    }

    /// Every `checkpointStride`-th character's first byte is remembered, so turning a column
    /// into a byte offset (and back) walks at most that many characters, never a whole line:
    /// a 1 MB single-line file has millions of positions to convert.
    static let checkpointStride = 64
    /// Byte offset of character `k * checkpointStride`, for texts that are not all ASCII.
    private let leadCheckpoints: [Int]
    /// How many bytes start a character (every byte but UTF-8 continuation bytes).
    private let leadCount: Int

    /// The 1-based line and column of a byte offset. Columns count Unicode scalars,
    /// so a caret under a non-ASCII line stays aligned in a UTF-8 terminal.
    public func location(ofByte offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        // Count only the first byte of each UTF-8 sequence.
        let column = leadsBefore(clamped) - leadsBefore(lineStarts[lo]) + 1
        return SourceLocation(line: lo + 1, column: column, offset: clamped)
    }

    /// The byte offset of a 1-based line and column (as a YAML parser reports them).
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        let start = lineStarts[line - 1]
        let end = lineEnd(ofLine: line)
        guard column > 1 else { return start }
        // The (column - 1)-th character start after the line's first byte, or the line's end.
        let first = leadsBefore(start) + (start < bytes.count && isLead(start) ? 0 : -1)
        let (target, overflow) = first.addingReportingOverflow(column - 1)
        guard !overflow, target < leadCount else { return end }
        return min(leadOffset(target), end)
    }

    private func isLead(_ offset: Int) -> Bool { bytes[offset] & 0xC0 != 0x80 }

    /// How many character starts lie in `bytes[0..<offset]`.
    private func leadsBefore(_ offset: Int) -> Int {
        if leadCheckpoints.isEmpty { return offset }
        var lo = 0, hi = leadCheckpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if leadCheckpoints[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        guard leadCheckpoints[lo] <= offset else { return 0 }
        var count = lo * Self.checkpointStride
        var i = leadCheckpoints[lo]
        while i < offset {
            if isLead(i) { count += 1 }
            i += 1
        }
        return count
    }

    /// The byte offset where character `k` (counted from the file's start) begins; `k < leadCount`.
    private func leadOffset(_ k: Int) -> Int {
        if leadCheckpoints.isEmpty { return k }
        var i = leadCheckpoints[k / Self.checkpointStride]
        var remaining = k % Self.checkpointStride
        while remaining > 0 {
            i += 1
            if isLead(i) { remaining -= 1 }
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
