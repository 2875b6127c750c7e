import Testing
@testable import JSONValue

/// Values arriving in chunks, split anywhere.
struct JSONStreamParserTests {
    /// Feeds `text` in chunks of `size` bytes and collects the values.
    func values(_ text: String, chunk size: Int) throws -> [JSON] {
        let bytes = Array(text.utf8)
        var p = JSONStreamParser()
        var out: [JSON] = []
        var i = 0
        while true {
            switch try p.next() {
            case .value(let v): out.append(v)
            case .end: return out
            case .needMore:
                if i >= bytes.count { p.finish(); continue }
                let j = min(bytes.count, i + size)
                p.append(Array(bytes[i ..< j]))
                i = j
            }
        }
    }

    @Test("any chunking gives the same values", arguments: [1, 2, 3, 7, 64])
    func chunking(size: Int) throws {
        let text = #"{"a":1} {"a":2}"# + "\n" + #"[3, "x\"y", 12.50, true]1 2 "s"null"#
        let got = try values(text, chunk: size).map(JSONPrinter.compact)
        #expect(got == [#"{"a":1}"#, #"{"a":2}"#, #"[3,"x\"y",12.50,true]"#, "1", "2", #""s""#, "null"])
    }

    @Test func concatenatedNumbersJoinAcrossChunks() throws {
        // jq reads files as one text: "1 2" + "3" is 1 and 23.
        var p = JSONStreamParser()
        p.append(Array("1 2".utf8))
        guard case .value(let one) = try p.next() else { Issue.record("no value"); return }
        #expect(one == .number(1))
        guard case .needMore = try p.next() else { Issue.record("expected needMore"); return }
        p.append(Array("3".utf8))
        p.finish()
        guard case .value(let v) = try p.next() else { Issue.record("no value"); return }
        #expect(v == .number(23))
    }

    @Test func errorPositionCountsLinesAcrossChunks() throws {
        var p = JSONStreamParser()
        p.append(Array("{\"a\":1}\n".utf8))
        _ = try p.next()
        p.append(Array("{\"a\":2}\n{bad".utf8))
        p.finish()
        _ = try p.next()
        #expect(throws: JSONParseError.self) { try p.next() }
        var q = JSONStreamParser()
        q.append(Array("{\"a\":1}\n{\"a\":2}\n{bad".utf8))
        q.finish()
        _ = try q.next(); _ = try q.next()
        do { _ = try q.next() } catch {
            #expect(error.message == "Invalid numeric literal at EOF at line 3, column 4")
        }
        guard case .end = try q.next() else { Issue.record("parser should stop after an error"); return }
    }
}
