import Testing
@testable import JSONValue

/// Parsing: values, jq's error wording and positions, limits.
struct JSONParserTests {
    @Test func keepsKeyOrderAndTypes() throws {
        let v = try JSONParser.parse(#" {"z":1,"a":[true,false,null,"s"],"m":{}} "#)
        #expect(JSONPrinter.compact(v) == #"{"z":1,"a":[true,false,null,"s"],"m":{}}"#)
    }

    @Test("strings decode escapes", arguments: [
        (#""tab\t nl\n quote\" bs\\ ctl\u0001 del\u007f uni\u00e9 emoji\ud83d\ude00 slash\/""#,
         "tab\t nl\n quote\" bs\\ ctl\u{01} del\u{7F} uni\u{E9} emoji\u{1F600} slash/"),
        (#""\udc00x""#, "\u{FFFD}x"),
        (#""plain ascii that is longer than sixteen bytes""#, "plain ascii that is longer than sixteen bytes"),
        (#""日本語""#, "日本語"),
    ])
    func strings(text: String, value: String) throws {
        #expect(try JSONParser.parse(text) == .string(value))
    }

    @Test func invalidUTF8BecomesReplacementCharacter() throws {
        let v = try JSONParser.parse(bytes: [0x22, 0x61, 0xFF, 0x62, 0x22])
        #expect(v == .string("a\u{FFFD}b"))
    }

    @Test func duplicateKeysKeepFirstPositionLastValue() throws {
        let v = try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(JSONPrinter.compact(v) == #"{"a":3,"b":2}"#)
    }

    @Test("errors use jq 1.8's words and positions", arguments: [
        ("{bad", "Invalid numeric literal at EOF at line 1, column 4"),
        (#"{"a":1} {bad"#, "Invalid numeric literal at EOF at line 1, column 12"),
        ("{1:2}", "Object keys must be strings at line 1, column 3"),
        ("[1 x]", "Invalid numeric literal at line 1, column 5"),
        ("NaN1", "Invalid numeric literal at EOF at line 1, column 4"),
        ("{'a': 123}", "Invalid string literal; expected \", but got ' at line 1, column 5"),
        (#""\v""#, "Invalid escape at line 1, column 4"),
        ("[1,2", "Unfinished JSON term at EOF at line 1, column 4"),
        ("[1,2,]", "Expected another array element at line 1, column 6"),
        ("{\"a\":1,}", "Expected another key-value pair at line 1, column 8"),
        ("[1 2]", "Expected separator between values at line 1, column 5"),
        ("\"abc", "Unfinished string at EOF at line 1, column 4"),
        ("[\n1,\nx]", "Invalid numeric literal at line 3, column 2"),
        ("tru ", "Invalid literal at line 1, column 4"),
        ("", "Expected JSON value"),
        ("1 2", "Unexpected extra JSON values"),
        ("\"a\u{01}\"", "Invalid string: control characters from U+0000 through U+001F must be escaped at line 1, column 4"),
        ("]", "Unmatched ']' at line 1, column 1"),
        (#"{"a" 1}"#, "Expected separator between values at line 1, column 7"),
        (#"{"a":1 "b"}"#, "Expected separator between values at line 1, column 10"),
        ("[1,,2]", "Expected value before ',' at line 1, column 4"),
        ("truex", "Invalid literal at EOF at line 1, column 5"),
    ])
    func errors(text: String, message: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func nanAndByteOrderMark() throws {
        #expect(try JSONParser.parse("nan").doubleValue?.isNaN == true)
        #expect(try JSONParser.parse("\u{FEFF}{\"a\":1}") == .object(["a": .number(1)]))
    }

    @Test func depthLimitIsAnErrorNotACrash() throws {
        let ok = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(try JSONParser.parse(ok).arrayValue != nil)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect {
            try JSONParser.parse(deep)
        } throws: { error in
            (error as? JSONParseError)?.message == "Exceeds depth limit for parsing at line 1, column 10001"
        }
    }

    @Test func garbageNeverCrashes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0 ..< 300 {
            var bytes: [UInt8] = []
            for _ in 0 ..< 40 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let pick = Int(state >> 59)
                let alphabet: [UInt8] = Array("{}[]\",:01e.-tn \\u\n".utf8) + [0xFF, 0xC3, 0x00]
                bytes.append(alphabet[pick % alphabet.count])
            }
            _ = try? JSONParser.parseAll(bytes: bytes)
        }
    }
}

/// Objects with many keys switch to a key index for duplicate detection: jq's rules
/// (first position, last value) must hold on both sides of the switch.
struct JSONLargeObjectTests {
    @Test(arguments: [3, 15, 16, 17, 40, 5_000])
    func duplicateKeysKeepFirstPositionAndLastValue(_ n: Int) throws {
        var members = (0..<n).map { "\"k\($0)\":\($0)" }
        members.append("\"k0\":\"last\"")
        members.append("\"k\(n - 1)\":\"end\"")
        let value = try JSONParser.parse("{" + members.joined(separator: ",") + "}")
        guard case .object(let o) = value else { Issue.record("not an object"); return }
        #expect(o.count == n)
        #expect(o.keys.first == "k0" && o.keys.last == "k\(n - 1)")
        #expect(o["k0"] == .string("last"))
        #expect(o["k\(n - 1)"] == (n == 1 ? .string("last") : .string("end")))
        if n > 2 { #expect(o["k1"] == .number(1)) }
    }

    @Test func nestedObjectsKeepTheirOwnIndexes() throws {
        let inner = (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let text = "{\"a\":{\(inner),\"k3\":\"x\"}," + (0..<20).map { "\"k\($0)\":{\(inner)}" }.joined(separator: ",") + ",\"a\":1}"
        let value = try JSONParser.parse(text)
        #expect(value["a"] == .number(1))
        #expect(value["k5"]?["k19"] == .number(19))
        #expect(value.objectValue?.count == 21)
    }
}
