import JSONValue

/// jq's inputs: the named files (or standard input) read in large chunks and
/// parsed incrementally as ONE concatenated text, as jq does (`1 2` + `3` reads
/// as 1 and 23). A file that cannot be opened is reported and skipped; the run
/// then ends with exit status 2.
///
/// Only the unconsumed tail of the text is kept, so memory stays bounded by the
/// largest value, whatever the size of the input.
final class JQInputReader {
    private let files: [String]
    private let streams: JQStreams
    private let raw: Bool
    private let slurp: Bool
    private var nextFile = 0
    private var fd: Int32?
    private var readingStdin = false
    private var slurpDelivered = false
    /// Files that could not be opened or read.
    private(set) var failures = 0

    private var parser: JSONStreamParser
    /// Read values through this plan (on-demand evaluation), when set.
    private let plan: JSONPathPlan?
    private let checkCanonical: Bool
    private var chunk: [UInt8] = []
    static let chunkSize = 1 << 20

    /// Where each file starts in the concatenated text, for `input_filename`
    /// and the `(at FILE:LINE)` of error messages.
    private struct Segment {
        var start: Int
        var name: String
        var newlinesBefore: Int
    }
    private var segments: [Segment] = []
    /// Stream offset just past the last value handed out.
    private var lastEnd = 0
    private var deliveredAny = false

    // Raw (-R) mode: lines of the text.
    private var rawBuffer: [UInt8] = []
    private var rawStart = 0
    private var rawLinesInFile = 0
    private var rawFileName: String?

    /// `plan`: read each value (each slurped value with `slurp`) through it;
    /// `checkCanonical`: also find out whether a value's text can be printed as it is.
    init(files: [String], streams: JQStreams, raw: Bool, slurp: Bool, seq: Bool,
         plan: JSONPathPlan? = nil, checkCanonical: Bool = false) {
        self.plan = plan
        self.checkCanonical = checkCanonical
        self.files = files.isEmpty ? ["-"] : files
        self.streams = streams
        self.raw = raw
        self.slurp = slurp
        self.parser = JSONStreamParser(seq: seq)
    }

    deinit {
        if let fd, !readingStdin { _ = FileReader.closeFile(fd) }
    }

    // MARK: - Values

    /// The next input value, nil at the end. Throws jq's parse error.
    func next() throws(JSONParseError) -> JSON? {
        if slurp {
            if slurpDelivered { return nil }
            slurpDelivered = true
            if raw { return .string(readAllRaw()) }
            var all: [JSON] = []
            while let v = try nextValue() { all.append(v) }
            return .array(all)
        }
        return raw ? nextLine() : try nextValue()
    }

    private func nextValue() throws(JSONParseError) -> JSON? {
        while true {
            let next: JSONStreamParser.Next
            if let plan {
                next = try parser.next(pruning: plan, checkCanonical: checkCanonical)
            } else {
                next = try parser.next()
            }
            switch next {
            case .value(let v):
                lastEnd = parser.consumedOffset
                deliveredAny = true
                return v
            case .end:
                return nil
            case .needMore:
                if !readChunk(minimum: parser.pendingByteCount) { parser.finish() }
            }
        }
    }

    // MARK: - The last value read through a plan

    /// Whether the last value's text is jq's compact form of it (with `checkCanonical`).
    var lastValueIsCanonical: Bool { parser.lastValueIsCanonical }

    /// Appends the last value's text.
    func appendLastValueBytes(to out: inout [UInt8]) {
        parser.withLastValueBytes { out.append(contentsOf: $0) }
    }

    /// The whole last value (the pruned one is what `next()` returned).
    func lastValueComplete() -> JSON {
        parser.lastValueComplete()
    }

    /// Reads one more chunk into the parser; false when every file is exhausted.
    private func readChunk(minimum: Int) -> Bool {
        while true {
            guard let fd = currentOrNextFile() else { return false }
            // Read at least as much as is pending, so a huge value is re-scanned
            // only a logarithmic number of times.
            let size = max(JQInputReader.chunkSize, minimum)
            if chunk.count < size { chunk = [UInt8](repeating: 0, count: size) }
            let n = chunk.withUnsafeMutableBytes { buf in
                readingStdin ? streams.readStdin(buf) : FileReader.read(fd: fd, into: buf)
            }
            if n > 0 {
                let bytes = chunk.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[..<n]) }
                if raw {
                    appendRaw(bytes)
                } else {
                    parser.append(bytes)
                }
                return true
            }
            if n < 0 {
                streams.writeStderr("jq: error: \(FileReader.lastErrorText())\n")
                failures += 1
            }
            finishFile()
        }
    }

    /// The open file, or the next one that opens; nil after the last.
    private func currentOrNextFile() -> Int32? {
        if let fd { return fd }
        while nextFile < files.count {
            let name = files[nextFile]
            nextFile += 1
            if name == "-" {
                readingStdin = true
                fd = 0
                startSegment("<stdin>")
                return 0
            }
            switch FileReader.open(name) {
            case .success(let f):
                readingStdin = false
                fd = f
                startSegment(name)
                return f
            case .failure(let e):
                streams.writeStderr("jq: error: Could not open file \(name): \(e.reason)\n")
                failures += 1
            }
        }
        return nil
    }

    private func startSegment(_ name: String) {
        if raw {
            rawFileName = name
            rawLinesInFile = 0
        } else {
            let start = parser.endOffset
            segments.append(Segment(start: start, name: name, newlinesBefore: parser.newlineCount(before: start)))
        }
    }

    private func finishFile() {
        if let fd, !readingStdin { _ = FileReader.closeFile(fd) }
        fd = nil
        readingStdin = false
    }

    // MARK: - Position

    /// The file of the last value read, as `input_filename` returns it.
    var currentFilename: JSON {
        if raw { return rawFileName.map(JSON.string) ?? .null }
        guard deliveredAny, let seg = segmentOfLastValue() else { return .null }
        return .string(segments[seg].name)
    }

    /// jq's line count for the current file: lines read so far, including the
    /// one the last value ended on when its newline was read.
    var currentLine: Int {
        if raw { return rawLinesInFile }
        guard deliveredAny, let i = segmentOfLastValue() else { return 0 }
        let seg = segments[i]
        let limit = i + 1 < segments.count ? segments[i + 1].start : parser.endOffset
        var line = parser.newlineCount(before: lastEnd) - seg.newlinesBefore
        if parser.hasNewline(from: lastEnd, before: limit) { line += 1 }
        return line
    }

    /// `FILE:LINE` as jq prints it in `jq: error (at FILE:LINE): ...`.
    var positionText: String {
        guard case .string(let name) = currentFilename else { return "<unknown>" }
        return "\(name):\(currentLine)"
    }

    private func segmentOfLastValue() -> Int? {
        let last = max(0, lastEnd - 1)
        var found: Int?
        for (i, s) in segments.enumerated() where s.start <= last { found = i }
        return found ?? (segments.isEmpty ? nil : 0)
    }

    // MARK: - Raw lines

    private func appendRaw(_ bytes: UnsafeRawBufferPointer) {
        if rawStart > 0 {
            rawBuffer.removeFirst(rawStart)
            rawStart = 0
        }
        rawBuffer.append(contentsOf: bytes)
    }

    /// The next line without its newline; a last line without one counts too.
    private func nextLine() -> JSON? {
        var searchFrom = rawStart
        while true {
            if let nl = rawBuffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = String(decoding: rawBuffer[rawStart ..< nl], as: UTF8.self)
                rawStart = nl + 1
                rawLinesInFile += 1
                deliveredAny = true
                return .string(line)
            }
            let keep = rawBuffer.count - rawStart
            if !readChunk(minimum: 0) {
                guard rawStart < rawBuffer.count else { return nil }
                let line = String(decoding: rawBuffer[rawStart...], as: UTF8.self)
                rawStart = rawBuffer.count
                deliveredAny = true
                return .string(line)
            }
            // appendRaw moved the unconsumed bytes to the front; search only the new ones.
            searchFrom = keep
        }
    }

    private func readAllRaw() -> String {
        while readChunk(minimum: 0) {}
        let text = String(decoding: rawBuffer[rawStart...], as: UTF8.self)
        rawStart = rawBuffer.count
        return text
    }
}
