import Testing
@testable import JSONValue

/// Numbers print as jq 1.8 prints them (cases from shared/conformance/jq/cli_expected.json).
struct JSONNumberFormatTests {
    @Test("an unchanged literal prints in decNumber's canonical form", arguments: [
        ("1.0", "1.0"), ("1.50", "1.50"), ("100000000000000000000001", "100000000000000000000001"),
        ("1e2", "1E+2"), ("1E-5", "0.00001"), ("-0", "-0"), ("0.1", "0.1"), ("3.00e10", "3.00E+10"),
        ("1e17", "1E+17"), ("1e-7", "1E-7"), ("123456789012", "123456789012"), ("007", "7"),
        ("0.000", "0.000"), ("1.000", "1.000"), ("-12.5e-3", "-0.0125"), ("10000000000000000000000", "10000000000000000000000"),
    ])
    func literal(text: String, printed: String) throws {
        let n = try #require(JSONNumber(literal: text))
        #expect(n.jqText == printed)
    }

    @Test("a literal's value is its decimal rounded to 17 digits", arguments: [
        ("100000000000000000000001", 1e23), ("1E-5", 1e-5), ("3.00e10", 3e10), ("-0", -0.0),
    ])
    func literalValue(text: String, value: Double) throws {
        #expect(try #require(JSONNumber(literal: text)).double == value)
    }

    @Test("text that is not a number is rejected", arguments: ["", "-", "1e", "1.2.3", "NaN1", "0x10", "1e+", "abc"])
    func notANumber(text: String) {
        #expect(JSONNumber(literal: text) == nil)
    }

    @Test("a computed double prints with 17 significant digits, g_fmt layout", arguments: [
        (1.0 / 3, "0.3333333333333333"), (5.0, "5"), (0.1 + 0.2, "0.30000000000000004"), (1e17, "1e+17"),
        (1e-7, "1e-07"), (1e-5, "1e-05"), (1e23, "1e+23"), (3e10, "30000000000"), (1.5, "1.5"), (100, "100"),
        (123456789012, "123456789012"), (-0.0, "-0"), (0, "0"), (1e16, "1e+16"), (12300000000000000, "12300000000000000"),
        (0.0001, "0.0001"), (-2.5e-300, "-2.5e-300"), (.infinity, "1.7976931348623157e+308"),
        (-.infinity, "-1.7976931348623157e+308"), (.nan, "null"), (1e15, "1000000000000000"),
    ])
    func computed(value: Double, printed: String) {
        #expect(JSONNumber.format(value) == printed)
    }

    @Test func negationKeepsTheLiteral() throws {
        #expect(try #require(JSONNumber(literal: "1.50")).negated.jqText == "-1.50")
        #expect(try #require(JSONNumber(literal: "-1.50")).negated.jqText == "1.50")
    }
}
