import JSONValue

/// Standard output of `kcsa jq`: every result is printed into one reusable
/// byte buffer, which is written out in large blocks (or after each result
/// with `--unbuffered`), never with a `print` per value.
struct JQOutputWriter {
    private(set) var buffer: [UInt8] = []
    private let streams: JQStreams
    /// Set when a write to standard output failed (a closed pipe, a full disk).
    private(set) var failed = false
    static let blockSize = 1 << 18

    init(streams: JQStreams) {
        self.streams = streams
        buffer.reserveCapacity(JQOutputWriter.blockSize * 2)
    }

    /// Appends through a closure, so printers write straight into the buffer.
    @inline(__always)
    mutating func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
    }

    mutating func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    mutating func append(string s: String) {
        buffer.append(contentsOf: s.utf8)
    }

    /// Writes the buffer out once it holds a block.
    @inline(__always)
    mutating func flushIfFull() {
        if buffer.count >= JQOutputWriter.blockSize { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        if !failed {
            let ok = buffer.withUnsafeBytes { streams.writeStdout($0) }
            if !ok { failed = true }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
