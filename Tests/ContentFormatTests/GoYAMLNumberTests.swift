import ContentFormat
import Testing

/// Plain scalars resolved and read as numbers the way Kubernetes reads them (go-yaml v2 in
/// sigs.k8s.io/yaml, then JSON): the expected kinds and values follow `resolve.go` and Go's
/// `strconv.ParseInt(s, 0, 64)`.
@Suite struct GoYAMLNumberTests {
    @Test(arguments: [
        ("80", "int"), ("+80", "int"), ("-80", "int"), ("1_000", "int"), ("0x50", "int"), ("0X1f", "int"),
        ("0o17", "int"), ("0O17", "int"), ("017", "int"), ("0b101", "int"), ("-0b101", "int"), ("0B11", "int"),
        ("0", "int"), ("-0", "int"), ("0xFFFFFFFFFFFFFFFFFF", "int"),
        ("08", "float"), ("09.5", "float"), ("8e1", "float"), ("2.5", "float"), (".5", "float"), ("-.5e3", "float"),
        ("99999999999999999999", "float"), ("0x1FFFFFFFFFFFFFFFF_FF", "int"),
        ("0x", "string"), ("0b2", "string"), ("0o8", "string"), ("1e999", "string"), ("._5", "string"),
        ("1:20", "string"), ("2001-12-14", "string"), ("0x1G", "string"), ("12abc", "string"), ("+", "string"),
    ])
    func resolvesAsGoYAMLDoes(text: String, kind: String) {
        let resolved: String = switch YAMLReader.resolvePlain(text) {
        case .int: "int"
        case .float: "float"
        case .string: "string"
        case .null: "null"
        case .bool: "bool"
        }
        #expect(resolved == kind, "\(text)")
    }

    @Test(arguments: [
        ("0x50", false, 80), ("0o17", false, 15), ("017", false, 15), ("1_000", false, 1000), ("+80", false, 80),
        ("-0b101", false, -5), ("08", true, 8), ("8e1", true, 80), ("80.0", true, 80),
        ("-9223372036854775808", false, Int64.min), ("9223372036854775807", false, Int64.max),
    ] as [(String, Bool, Int64)])
    func wholeNumbers(text: String, float: Bool, value: Int64) {
        #expect(GoYAMLNumber.wholeNumber(text, float: float) == value)
    }

    @Test func notWholeOrTooLarge() {
        #expect(GoYAMLNumber.wholeNumber("80.5", float: true) == nil)
        #expect(GoYAMLNumber.wholeNumber("9223372036854775808", float: false) == nil)
        #expect(GoYAMLNumber.wholeNumber("0xFFFFFFFFFFFFFFFFFF", float: false) == nil)
        #expect(GoYAMLNumber.integer("18446744073709551615") == .unsigned(.max))
        #expect(GoYAMLNumber.integer("18446744073709551616") == .outOfRange)
        #expect(YAMLReader.resolvePlain("18446744073709551615") == .int)
        #expect(YAMLReader.resolvePlain("18446744073709551616") == .float)
    }
}
