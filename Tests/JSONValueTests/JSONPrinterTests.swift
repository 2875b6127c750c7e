import Testing
@testable import JSONValue

/// Output bytes as jq 1.8 writes them (see shared/conformance/jq/cli_expected.json).
struct JSONPrinterTests {
    let sample = #"{"b":1,"a":[1,2,{"c":null}],"e":{}, "f":[]}"#

    func print(_ text: String, _ options: JSONPrinter.Options) throws -> String {
        JSONPrinter(options: options).string(try JSONParser.parse(text))
    }

    @Test func pretty() throws {
        #expect(try print(sample, .pretty) == "{\n  \"b\": 1,\n  \"a\": [\n    1,\n    2,\n    {\n      \"c\": null\n    }\n  ],\n  \"e\": {},\n  \"f\": []\n}")
    }

    @Test func indentFourAndTab() throws {
        #expect(try print(#"{"a":[1,{"b":2}]}"#, .init(indent: 4)) == "{\n    \"a\": [\n        1,\n        {\n            \"b\": 2\n        }\n    ]\n}")
        #expect(try print(#"{"a":[1]}"#, .init(tab: true)) == "{\n\t\"a\": [\n\t\t1\n\t]\n}")
    }

    @Test func sortedKeysAtEveryLevel() throws {
        #expect(try print(#"{"b":{"d":1,"c":2},"a":0}"#, .init(indent: 0, sortKeys: true)) == #"{"a":0,"b":{"c":2,"d":1}}"#)
    }

    @Test func escapes() throws {
        let v = JSON.string("tab\t nl\n quote\" bs\\ ctl\u{01} del\u{7F} uni\u{E9} emoji\u{1F600} slash/")
        #expect(JSONPrinter.compact(v) == #""tab\t nl\n quote\" bs\\ ctl\u0001 del\u007f unié emoji😀 slash/""#)
        #expect(JSONPrinter(options: .init(indent: 0, asciiOutput: true)).string(.string("é😀")) == #""\u00e9\ud83d\ude00""#)
    }

    @Test func numbersInsideValues() throws {
        #expect(try print("[1.0, 1.50, 100000000000000000000001, 1e2, 1E-5, -0, 0.1, 3.00e10]", .compact)
                == "[1.0,1.50,100000000000000000000001,1E+2,0.00001,-0,0.1,3.00E+10]")
        #expect(JSONPrinter.compact(.array([.number(.nan), .number(.infinity)])) == "[null,1.7976931348623157e+308]")
    }

    /// Expected bytes from libjq 1.8.2's jv_dump_string with JV_PRINT_COLOR.
    @Test func colorsLikeJq() throws {
        let out = try print(#"{"a":[1,null]}"#, .init(indent: 0, colors: .jqDefault))
        let e = "\u{1B}["
        #expect(out == "\(e)1;39m{\(e)0m\(e)1;34m\"a\"\(e)0m\(e)1;39m:\(e)0m\(e)1;39m[\(e)0m\(e)0;39m1\(e)0m\(e)1;39m,\(e)0m\(e)0;90mnull\(e)0m\(e)1;39m]\(e)0m\(e)1;39m}\(e)0m")
    }

    @Test func jqColorsOverride() {
        #expect(JSONColors.fromEnvironment("1;31")?.codes.first == "1;31")
        #expect(JSONColors.fromEnvironment("x") == nil)
    }
}
