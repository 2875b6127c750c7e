/// Reads a stream of JSON values fed in chunks, as jq reads its inputs: values
/// separated by whitespace (or nothing, between containers and strings), files
/// concatenated into one text.
///
/// Memory stays bounded by the largest value plus one chunk: consumed bytes are
/// dropped when more are appended. A value cut by a chunk boundary is parsed
/// again from its start once more bytes arrive, so a caller should append at
/// least `pendingByteCount` more bytes at a time (doubling) to keep huge values linear.
///
/// ```swift
/// var p = JSONStreamParser()
/// p.append(chunk)            // repeat while next() says .needMore
/// p.finish()                 // at end of input
/// while case .value(let v) = try p.next() { ... }
/// ```
public struct JSONStreamParser {
    /// What `next()` found.
    public enum Next {
        case value(JSON)
        /// The buffered bytes end inside a value or before one: append more or finish.
        case needMore
        /// No more values: input finished, or stopped after a syntax error.
        case end
    }

    private var buffer: [UInt8] = []
    /// First unconsumed byte in `buffer`.
    private var start = 0
    /// Stream offset of `buffer[0]`.
    private var base = 0
    private var finished = false
    private var stopped = false
    private var checkedByteOrderMark = false
    /// The scanner's stacks, reused from value to value.
    private var storage: JSONScanner.Storage? = JSONScanner.Storage(forStream: true)
    /// `--seq`: values may be preceded by ASCII RS (0x1E); after an error, skip to the next RS.
    public let seq: Bool

    // Line bookkeeping for jq's "at line N, column M" and "(at FILE:N)".
    private var linesBeforeBase = 0
    private var lastNewlineBeforeBase = -1
    private var cacheOffset = 0
    private var cacheLines = 0

    public init(seq: Bool = false) {
        self.seq = seq
    }

    /// Bytes buffered but not yet consumed by a returned value.
    public var pendingByteCount: Int { buffer.count - start }

    /// Stream offset just past the last returned value (or skipped whitespace).
    public var consumedOffset: Int { base + start }

    /// Stream offset just past the last appended byte.
    public var endOffset: Int { base + buffer.count }

    /// True once `finish()` was called.
    public var isFinished: Bool { finished }

    /// Adds bytes at the end of the stream.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds bytes at the end of the stream.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Declares the end of the stream: a value cut at the end is now an error.
    public mutating func finish() {
        finished = true
    }

    /// The next value, `.needMore`, or `.end`. Throws jq's parse error; after an
    /// error the parser stops (`.end`), except in `seq` mode where it resumes
    /// after the next RS, as jq does.
    public mutating func next() throws(JSONParseError) -> Next {
        try next(plan: nil, checkCanonical: false)
    }

    /// Like `next()`, but reads each value through `plan` (see `JSONPathPlan`):
    /// the value returned is the pruned one; `lastValueComplete()` gives the
    /// whole value and `withLastValueBytes` its text. Errors are exactly those of
    /// `next()`. With `checkCanonical`, `lastValueIsCanonical` tells whether the
    /// text is what jq prints for the value with `-c`.
    public mutating func next(pruning plan: JSONPathPlan, checkCanonical: Bool) throws(JSONParseError) -> Next {
        try next(plan: plan, checkCanonical: checkCanonical)
    }

    /// True when the last value read with `next(pruning:checkCanonical: true)` is in
    /// jq's canonical compact form.
    public private(set) var lastValueIsCanonical = false
    /// Buffer range of the last value read through a plan.
    private var lastRange = 0 ..< 0
    /// The whole last value, when the full parser read it.
    private var lastComplete: JSON?
    private var pruningScratch: JSONPruningScanner.Scratch? = JSONPruningScanner.Scratch()

    /// The text of the last value read through a plan (valid until the next read).
    public func withLastValueBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lastRange])) }
    }

    /// The whole last value read through a plan, parsed again from its text if needed.
    public mutating func lastValueComplete() -> JSON {
        if let lastComplete { return lastComplete }
        let v = withLastValueBytes { b in try? JSONParser.parseOne(b) }
        lastComplete = v ?? .null
        return lastComplete!
    }

    private mutating func next(plan: JSONPathPlan?, checkCanonical: Bool) throws(JSONParseError) -> Next {
        if stopped { return .end }
        if !checkedByteOrderMark {
            switch try checkByteOrderMark() {
            case .needMore: return .needMore
            default: break
            }
        }
        // Skip whitespace (and RS in seq mode) between values.
        while start < buffer.count {
            let c = buffer[start]
            if JSONScanner.isWhitespace(c) || (seq && c == 0x1E) { start += 1 } else { break }
        }
        if start >= buffer.count { return finished ? .end : .needMore }
        let from = start
        let result = plan.map { scanPruned(from: from, plan: $0, checkCanonical: checkCanonical) } ?? scanFull(from: from)
        switch result {
        case let .success((value, end)):
            start = end
            return .value(value)
        case .failure(.needMore):
            return .needMore
        case let .failure(.syntax(reason, offset, atEOF)):
            throw fail(reason, at: base + offset, atEOF: atEOF)
        }
    }

    /// One value by the full parser.
    private mutating func scanFull(from: Int) -> Result<(JSON, Int), ScanFailure> {
        let isFinal = finished
        // Move the storage out (leaving nil) so the scanner holds the only copy.
        var storage = self.storage.take()
        let result: Result<(JSON, Int), ScanFailure> = buffer.withUnsafeBufferPointer { all in
            var scanner = JSONScanner(bytes: all, from: from, isFinal: isFinal, storage: storage.take()!)
            defer { storage = scanner.storage }
            do throws(ScanFailure) {
                let v = try scanner.parseValue()
                return .success((v, scanner.pos))
            } catch {
                return .failure(error)
            }
        }
        self.storage = storage
        return result
    }

    /// One value through a plan; the full parser when the pruning scanner is unsure.
    private mutating func scanPruned(from: Int, plan: JSONPathPlan, checkCanonical: Bool) -> Result<(JSON, Int), ScanFailure> {
        let isFinal = finished
        var storage = self.storage.take()
        var scratch = self.pruningScratch.take()
        var canonical = false
        let pruned: Result<(JSON, Int), JSONPruningScanner.Failure> = buffer.withUnsafeBufferPointer { all in
            // Built in place: a second copy of the scanner would share its string caches,
            // and every cache write would then copy them.
            var p = JSONPruningScanner(
                scanner: JSONScanner(bytes: all, from: from, isFinal: isFinal, storage: storage.take()!),
                checkCanonical: checkCanonical, scratch: scratch.take()!)
            defer {
                storage = p.scanner.storage
                scratch = p.scratch
            }
            do throws(JSONPruningScanner.Failure) {
                let v = try p.readTopLevel(plan)
                canonical = p.canonical
                return .success((v, p.pos))
            } catch {
                return .failure(error)
            }
        }
        self.storage = storage
        self.pruningScratch = scratch
        switch pruned {
        case let .success((v, end)):
            lastRange = from ..< end
            lastComplete = nil
            lastValueIsCanonical = checkCanonical && canonical
            return .success((v, end))
        case .failure(.needMore):
            return .failure(.needMore)
        case .failure(.fallback):
            let full = scanFull(from: from)
            guard case let .success((v, end)) = full else { return full }
            lastRange = from ..< end
            lastComplete = v
            lastValueIsCanonical = false
            return .success((plan.prune(v), end))
        }
    }

    /// The number of newlines in the stream before `offset`, which must not be
    /// older than the last returned value (earlier bytes are gone).
    public mutating func newlineCount(before offset: Int) -> Int {
        let target = max(base, min(offset, endOffset))
        if cacheOffset < base { cacheOffset = base; cacheLines = linesBeforeBase }
        if target >= cacheOffset {
            cacheLines += countNewlines(cacheOffset - base, target - base)
        } else {
            cacheLines -= countNewlines(target - base, cacheOffset - base)
        }
        cacheOffset = target
        return cacheLines
    }

    /// Whether a newline occurs in `[offset, limit)`, as far as the buffered bytes go.
    public func hasNewline(from offset: Int, before limit: Int) -> Bool {
        let lo = max(offset, base) - base
        let hi = min(limit, endOffset) - base
        guard lo < hi else { return false }
        return buffer[lo ..< hi].contains(0x0A)
    }

    /// Newlines in `buffer[lo..<hi]`: every byte of the stream passes through here once.
    private func countNewlines(_ lo: Int, _ hi: Int) -> Int {
        guard lo < hi else { return 0 }
        return buffer.withUnsafeBufferPointer { ByteCount.newlines($0.baseAddress!, lo, hi) }
    }

    /// jq's line and column for an error at stream offset `offset`.
    private mutating func fail(_ reason: String, at offset: Int, atEOF: Bool) -> JSONParseError {
        let last = atEOF ? endOffset - 1 : min(offset, endOffset - 1)
        let lines = newlineCount(before: last + 1)
        var lastNewline = lastNewlineBeforeBase
        var i = last - base
        while i >= 0 {
            if buffer[i] == 0x0A { lastNewline = base + i; break }
            i -= 1
        }
        let error = JSONParseError(reason: reason, offset: offset, atEOF: atEOF, line: lines + 1, column: last - lastNewline)
        recover(after: offset)
        return error
    }

    /// After an error jq stops reading; with `--seq` it skips to the next RS.
    private mutating func recover(after offset: Int) {
        guard seq else {
            stopped = true
            start = buffer.count
            return
        }
        var i = max(offset - base, start)
        while i < buffer.count, buffer[i] != 0x1E { i += 1 }
        start = i
    }

    private enum BOMCheck { case done, needMore }

    private mutating func checkByteOrderMark() throws(JSONParseError) -> BOMCheck {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let have = buffer.count - start
        let n = min(have, 3)
        if n < 3 && !finished && buffer[start ..< start + n].elementsEqual(bom[..<n]) { return .needMore }
        checkedByteOrderMark = true
        if n == 3 && buffer[start ..< start + 3].elementsEqual(bom) {
            start += 3
        } else if n > 0 && buffer[start] == 0xEF {
            stopped = true
            throw JSONParseError(reason: "Malformed BOM", offset: base + start, atEOF: false, line: 0, column: 0)
        }
        return .done
    }

    /// Length of a leading UTF-8 byte-order mark (0 or 3).
    static func byteOrderMarkLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    /// Drops consumed bytes, keeping the line bookkeeping right.
    private mutating func compact() {
        guard start > 0 else { return }
        let dropped = start
        linesBeforeBase = newlineCount(before: base + dropped)
        var i = dropped - 1
        while i >= 0 {
            if buffer[i] == 0x0A { lastNewlineBeforeBase = base + i; break }
            i -= 1
        }
        if dropped == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeFirst(dropped)
        }
        base += dropped
        start = 0
        cacheOffset = base
        cacheLines = linesBeforeBase
    }
}
