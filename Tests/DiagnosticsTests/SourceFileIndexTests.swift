import Diagnostics
import Testing

/// Line and column conversions answer what walking the line byte by byte answered, for
/// ASCII and non-ASCII text alike, without walking (a 1 MB one-line file has a position
/// per node to convert, and walking made that quadratic).
struct SourceFileIndexTests {
    /// The walk the index replaced, kept as the oracle.
    static func walkedOffset(_ f: SourceFile, line: Int, column: Int) -> Int {
        guard line >= 1, line <= f.lineStarts.count else { return f.bytes.count }
        var i = f.lineStarts[line - 1]
        var col = 1
        let end = f.lineEnd(ofLine: line)
        while col < column && i < end {
            i += 1
            while i < end && f.bytes[i] & 0xC0 == 0x80 { i += 1 }
            col += 1
        }
        return i
    }

    static func walkedColumn(_ f: SourceFile, _ offset: Int) -> Int {
        let clamped = max(0, min(offset, f.bytes.count))
        let start = f.lineStarts.last { $0 <= clamped } ?? 0
        var column = 1
        for i in start..<clamped where f.bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    static let texts: [String] = [
        "", "a", "abc\ndef\r\nghi\n", "\n\n\n",
        "héllo wörld\nкириллица: да\n日本語のテキスト\n🙂🙃 emoji 🙂\n",
        String(repeating: "añb€c🙂", count: 300) + "\n" + String(repeating: "x", count: 500),
        "plain ascii line\n" + String(repeating: "é", count: 130) + "\nend",
    ]

    @Test("offset(line:column:) matches the byte walk", arguments: texts)
    func offsets(_ text: String) {
        let f = SourceFile(name: "t", text: text)
        for line in 0...(f.lineStarts.count + 1) {
            for column in [-3, 0, 1, 2, 3, 5, 63, 64, 65, 66, 127, 128, 129, 200, 700, 2_000, Int.max] {
                #expect(f.offset(line: line, column: column) == Self.walkedOffset(f, line: line, column: column),
                        "line \(line) column \(column)")
            }
        }
    }

    @Test("location(ofByte:) matches the byte walk", arguments: texts)
    func locations(_ text: String) {
        let f = SourceFile(name: "t", text: text)
        for offset in -2...(f.bytes.count + 2) {
            #expect(f.location(ofByte: offset).column == Self.walkedColumn(f, offset), "offset \(offset)")
        }
    }

    @Test func invalidUTF8AndLoneContinuationBytesStillMatch() {
        let f = SourceFile(name: "t", bytes: [0x80, 0x41, 0xC3, 0xA9, 0xFF, 0x0A, 0xBF, 0xBF, 0x42, 0xE2, 0x82])
        for line in 1...2 {
            for column in 0...8 {
                #expect(f.offset(line: line, column: column) == Self.walkedOffset(f, line: line, column: column))
            }
        }
        for offset in 0...f.bytes.count { #expect(f.location(ofByte: offset).column == Self.walkedColumn(f, offset)) }
    }
}
