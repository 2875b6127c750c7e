import Testing
@testable import JSONValue

/// The word-at-a-time byte scans under the string readers and the line count: a byte
/// they must stop at (or count) is found at every offset of a long run, whichever of the
/// sixteen-, eight- and one-byte steps reaches it.
struct ByteScanTests {
    @Test("plainEnd stops at the first quote, backslash, control byte (and with high, DEL or non-ASCII)")
    func plainEndAtEveryOffset() {
        let stops: [(UInt8, Bool)] = [(0x22, false), (0x5C, false), (0x00, false), (0x1F, false),
                                      (0x7F, true), (0x80, true), (0xC3, true), (0xFF, true)]
        for length in [1, 7, 8, 15, 16, 17, 31, 40] {
            for (byte, needsHigh) in stops {
                for at in 0 ..< length {
                    var text = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    text[at] = byte
                    // A second stop byte after the first must not change the answer.
                    if at + 3 < length { text[at + 3] = 0x22 }
                    text.withUnsafeBufferPointer { b in
                        #expect(JSONScanner.plainEnd(b.baseAddress!, from: 0, length, high: true) == at,
                                "byte \(byte) at \(at) of \(length), high")
                        let expected = needsHigh ? (at + 3 < length ? at + 3 : length) : at
                        #expect(JSONScanner.plainEnd(b.baseAddress!, from: 0, length, high: false) == expected,
                                "byte \(byte) at \(at) of \(length)")
                    }
                }
            }
        }
    }

    @Test("plainEnd passes plain ASCII and, without high, UTF-8 through to the end")
    func plainEndPassesPlainText() {
        let text = Array(String(repeating: "abcé😀xyz/", count: 9).utf8)
        text.withUnsafeBufferPointer { b in
            #expect(JSONScanner.plainEnd(b.baseAddress!, from: 0, text.count, high: false) == text.count)
            #expect(JSONScanner.plainEnd(b.baseAddress!, from: 0, text.count, high: true) == 3)
            #expect(JSONScanner.plainEnd(b.baseAddress!, from: 5, text.count, high: false) == text.count)
        }
    }

    @Test("line numbers of errors count every newline before them, over long runs")
    func newlinesOverLongRuns() throws {
        // 600 lines of differing lengths (past the 255-round lane limit), then a bad value.
        var text = ""
        for i in 0 ..< 600 { text += "{\"a\":\"" + String(repeating: "x", count: i % 37) + "\"}\n" }
        text += "{\"a\":tru}\n"
        var parser = JSONStreamParser()
        parser.append(Array(text.utf8))
        parser.finish()
        var values = 0
        do {
            while case .value = try parser.next() { values += 1 }
            Issue.record("no error")
        } catch {
            #expect(values == 600)
            #expect(error.message.contains("at line 601, column 9"), "\(error.message)")
        }
    }
}
