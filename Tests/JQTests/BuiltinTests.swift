import JQ
import Testing

/// Builtins: strings, collections, formats, regular expressions, dates.
struct BuiltinTests {
    static let cases: [LanguageTests.Case] = [
        .init("map(. * 2)", "[1,2]", ["[2,4]"]),
        .init("sort_by(.a) | map(.a)", #"[{"a":2},{"a":1}]"#, ["[1,2]"]),
        .init("group_by(. % 2)", "[1,2,3]", ["[[2],[1,3]]"]),
        .init("unique_by(length)", #"["a","bb","c"]"#, [#"["a","bb"]"#]),
        .init("min_by(.x), max_by(.x)", #"[{"x":2},{"x":1}]"#, [#"{"x":1}"#, #"{"x":2}"#]),
        .init("add", #"["a","b"]"#, [#""ab""#]),
        .init("add(.[].a)", #"[{"a":1},{"a":2}]"#, ["3"]),
        .init("any(. > 2), all(. > 0)", "[1,2,3]", ["true", "true"]),
        .init("flatten(1)", "[1,[2,[3]]]", ["[1,2,[3]]"]),
        .init("[splits(\", *\")]", #""a, b,c""#, [#"["a","b","c"]"#]),
        .init("test(\"B\"; \"i\")", #""abc""#, ["true"]),
        .init("[match(\"a+\"; \"g\") | .offset]", #""aXaaX""#, ["[0,2]"]),
        .init("capture(\"(?<y>\\\\d+)-(?<m>\\\\d+)\")", #""2024-05""#, [#"{"y":"2024","m":"05"}"#]),
        .init("gsub(\"(?<c>[a-z])\"; \"<\\(.c)>\")", #""a1b""#, [#""<a>1<b>""#]),
        .init("[match(\"é\").offset]", #""aéé""#, ["[1]"]),
        .init("@csv", #"[1,"a\"b",null]"#, [#""1,\"a\"\"b\",""#]),
        .init("@tsv", #"["a\tb",1]"#, [#""a\\tb\t1""#]),
        .init("@sh \"echo \\(.)\"", #""it's""#, [#""echo 'it'\\''s'""#]),
        .init("@base64, (@base64 | @base64d)", #""hello""#, [#""aGVsbG8=""#, #""hello""#]),
        .init("@uri", #""a b&c""#, [#""a%20b%26c""#]),
        .init("@html", #""<a href='x'>""#, [#""&lt;a href=&apos;x&apos;&gt;""#]),
        .init("todate", "1425599621", [#""2015-03-05T23:53:41Z""#]),
        .init("strptime(\"%Y-%m-%dT%H:%M:%SZ\") | mktime", #""2015-03-05T23:51:47Z""#, ["1425599507"]),
        .init("gmtime", "1425599621", ["[2015,2,5,23,53,41,4,63]"]),
        .init("tostream", #"{"a":[1]}"#, [#"[["a",0],1]"#, #"[["a",0]]"#, #"[["a"]]"#]),
        .init("fromstream(tostream)", #"{"a":[1,{"b":2}]}"#, [#"{"a":[1,{"b":2}]}"#]),
        .init("[.[] | tojson | fromjson]", #"[1,"x",[2]]"#, [#"[1,"x",[2]]"#]),
        .init("ltrimstr(\"a\"), rtrimstr(\"c\"), (\"  x \" | trim)", #""abc""#, [#""bc""#, #""ab""#, #""x""#]),
        .init("[.[] | ascii_downcase]", #"["AbC"]"#, [#"["abc"]"#]),
        .init("explode | implode", #""héllo""#, [#""héllo""#]),
        .init("indices(\", \")", #""a, b, c""#, ["[1,4]"]),
        .init("INDEX(.id)", #"[{"id":1}]"#, [#"{"1":{"id":1}}"#]),
        .init("[.[] | IN(2, 3)]", "[1,2]", ["[false,true]"]),
        .init("walk(if type == \"number\" then . + 1 else . end)", #"[1,{"a":2}]"#, [#"[2,{"a":3}]"#]),
        .init("getpath([\"a\",\"b\"])", #"{"a":null}"#, ["null"]),
        .init("[limit(3; repeat(1))]", "null", ["[1,1,1]"]),
        .init("splits(\"a\")", #""bab""#, [#""b""#, #""b""#]),
        .init("significand, logb", "8", ["1", "3"]),
        .init("[frexp, ldexp(3; 2)]", "8", ["[[0.5,4],12]"]),
        .init("[1.5, 1e1000, infinite, 1e1000 + 0, 100000000000000000001] | tojson", "null",
              [#""[1.5,1E+1000,1.7976931348623157e+308,1.7976931348623157e+308,100000000000000000001]""#]),
    ]

    @Test(arguments: cases) func builtin(_ c: LanguageTests.Case) throws {
        #expect(try jq(c.program, c.input) == c.outputs, "\(c.program)")
    }

    /// Runtime messages are jq 1.8's, word for word: `try ... catch .` exposes them.
    static let errors: [(String, String, String)] = [
        (".a", "1", #"Cannot index number with string ("a")"#),
        (".[0]", "{}", "Cannot index object with number (0)"),
        (".[]", "1", "Cannot iterate over number (1)"),
        ("null / 1", "null", "null (null) and number (1) cannot be divided"),
        ("{} + 1", "null", "object ({}) and number (1) cannot be added"),
        ("1 / 0", "null", "number (1) and number (0) cannot be divided because the divisor is zero"),
        ("-.", #""very-long-long-long-long-string""#, #"string ("very-long-long-long-long...") cannot be negated"#),
        ("keys", "1", "number (1) has no keys"),
        ("error({\"a\":1})", "null", #"{"a":1} (not a string)"#),
        ("implode", "1", "implode input must be an array"),
        ("path(1)", "null", "Invalid path expression with result 1"),
        ("limit(-1; 1)", "null", "limit doesn't support negative count"),
        ("{(1): 2}", "null", "Cannot use number (1) as object key"),
        ("test(\"(\")", #""x""#, "error"),
    ]

    @Test(arguments: errors) func runtimeMessages(_ e: (String, String, String)) {
        let got = jqResult(e.0, e.1)
        if e.2 == "error" {
            #expect(got.first?.hasPrefix("error: ") == true)
        } else {
            #expect(got == ["error: " + e.2], "\(e.0)")
        }
    }
}
