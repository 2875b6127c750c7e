import Diagnostics
import Testing

/// Go's quoting, which every engine's upstream messages are built from (the values are
/// what Go 1.22's `strconv.Quote` and `json.Marshal` print).
@Suite struct GoQuoteTests {
    @Test(arguments: [
        ("", #""""#), ("a b", #""a b""#), ("\u{7F}", #""\x7f""#), ("\u{0}\u{1B}", #""\x00\x1b""#),
        ("\u{07}\u{08}\u{0C}\u{0B}", #""\a\b\f\v""#), ("\u{2028}", #""\u2028""#), ("\u{200B}", #""\u200b""#),
        ("😀", #""😀""#), ("\u{10FFFF}", #""\U0010ffff""#), ("\u{3000}", #""\u3000""#), ("é\u{301}", "\"é\u{301}\""),
    ])
    func quote(_ input: String, _ expected: String) {
        #expect(GoQuote.quote(input) == expected)
    }

    @Test(arguments: [
        ("plain", #""plain""#), ("<a&b>", #""\u003ca\u0026b\u003e""#), ("\u{1}\u{7F}", "\"\\u0001\u{7F}\""),
        ("q\"\\", #""q\"\\""#), ("\u{2028}\u{2029}", #""\u2028\u2029""#), ("\n\r\t", #""\n\r\t""#), ("é", #""é""#),
    ])
    func json(_ input: String, _ expected: String) {
        #expect(GoQuote.json(input) == expected)
    }

    @Test func jsonArrayAndOrder() {
        #expect(GoQuote.jsonArray(nil) == "null")
        #expect(GoQuote.jsonArray(["a", "<"]) == #"["a","\u003c"]"#)
        #expect(["b", "B", "é", "a"].sorted(by: GoQuote.less) == ["B", "a", "b", "é"])
    }
}
