import JQ
import Testing

/// The core language: paths, operators and their precedence, control flow, variables.
struct LanguageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let program: String
        let input: String
        let outputs: [String]
        init(_ program: String, _ input: String, _ outputs: [String]) {
            self.program = program
            self.input = input
            self.outputs = outputs
        }
        var testDescription: String { program }
    }

    static let paths: [Case] = [
        Case(".a.b", #"{"a":{"b":1}}"#, ["1"]),
        Case(#"."a-b""#, #"{"a-b":2}"#, ["2"]),
        Case(".[1:]", "[1,2,3]", ["[2,3]"]),
        Case(".[-1:]", #""abc""#, [#""c""#]),
        Case(".[]?", "1", []),
        Case("[.[] | .a?]", #"[1,{"a":2}]"#, ["[2]"]),
        Case("[..]", "[[1]]", ["[[[1]],[1],1]"]),
        Case(".a[1].b", #"{"a":[0,{"b":"x"}]}"#, [#""x""#]),
        Case("[paths]", #"{"a":[1]}"#, [#"[["a"],["a",0]]"#]),
        Case("path(.a[0].b)", "null", [#"["a",0,"b"]"#]),
        Case("[paths(type == \"number\")]", #"{"a":1,"b":[2]}"#, [#"[["a"],["b",0]]"#]),
    ]

    static let operators: [Case] = [
        Case("1 + 2 * 3", "null", ["7"]),
        Case("[1,2] | .[0] + .[1] , 5", "null", ["3", "5"]),
        Case("null // 1 // 2", "null", ["1"]),
        Case("[false, 1] | .[] // 3", "null", ["1"]),
        Case("1 as $x | 2 as $y | [$x, $y]", "null", ["[1,2]"]),
        Case("[(1,2) + (10,20)]", "null", ["[11,12,21,22]"]),
        Case(#"{"a":1} * {"a":{"b":2}}"#, "null", [#"{"a":{"b":2}}"#]),
        Case(#""a,b" / ",""#, "null", [#"["a","b"]"#]),
        Case("[1,2,3,1] - [1]", "null", ["[2,3]"]),
        Case("5 % 3, -5 % 3", "null", ["2", "-2"]),
        Case("true and (null or 1)", "null", ["true"]),
        Case("[.[] | not]", "[null,0]", ["[true,false]"]),
        Case("1 < 2, \"a\" < [], {} > []", "null", ["true", "true", "true"]),
    ]

    static let controlFlow: [Case] = [
        Case("if . then 1 elif . == null then 2 else 3 end", "null", ["2"]),
        Case("if . then 1 end", "false", ["false"]),
        Case("reduce .[] as $x (0; . + $x)", "[1,2,3]", ["6"]),
        Case("[foreach .[] as $x (0; . + $x)]", "[1,2,3]", ["[1,3,6]"]),
        Case("[foreach .[] as $x (0; . + $x; [$x, .])]", "[1,2]", ["[[1,1],[2,3]]"]),
        Case("[label $out | .[] | if . > 2 then break $out else . end]", "[1,2,3,4]", ["[1,2]"]),
        Case("[limit(2; .[])]", "[1,2,3]", ["[1,2]"]),
        Case("first(range(10;20))", "null", ["10"]),
        Case("[range(0;10;3)]", "null", ["[0,3,6,9]"]),
        Case("try error(\"x\") catch .", "null", [#""x""#]),
        Case("[.[] | try if . == 1 then error(\"bad\") else . end catch \"caught\"]", "[0,1,2]", [#"[0,"caught",2]"#]),
        Case("def f(g): [g, g]; f(.+1)", "1", ["[2,2]"]),
        Case("def fac: if . <= 1 then 1 else . * (. - 1 | fac) end; fac", "10", ["3628800"]),
        Case("def f($a; b): $a + b; f(1; 2)", "null", ["3"]),
        Case(". as [$a, {b: $c}] | [$a, $c]", #"[1,{"b":2}]"#, ["[1,2]"]),
        Case(".[] as [$a] ?// $a | $a", #"[[1],2]"#, ["1", "2"]),
        Case("[.[] | select(. > 1)]", "[1,2,3]", ["[2,3]"]),
        Case(#""x\(1 + 1)y""#, "null", [#""x2y""#]),
        Case("$__loc__", "null", [#"{"file":"<top-level>","line":1}"#]),
    ]

    static let updates: [Case] = [
        Case(".a = 1", "{}", [#"{"a":1}"#]),
        Case(".a |= . + 1", #"{"a":1}"#, [#"{"a":2}"#]),
        Case(".[] += 10", "[1,2]", ["[11,12]"]),
        Case(".a //= 3", #"{"a":null}"#, [#"{"a":3}"#]),
        Case("(.[] | select(. > 1)) |= empty", "[1,2,3,1]", ["[1,1]"]),
        Case("del(.a, .b)", #"{"a":1,"b":2,"c":3}"#, [#"{"c":3}"#]),
        Case("to_entries", #"{"a":1}"#, [#"[{"key":"a","value":1}]"#]),
        Case("with_entries(.value += 1)", #"{"a":1}"#, [#"{"a":2}"#]),
        Case("setpath([\"a\",1]; 5)", "null", [#"{"a":[null,5]}"#]),
        Case("pick(.a.b)", #"{"a":{"b":1,"c":2}}"#, [#"{"a":{"b":1}}"#]),
        Case(".[1:] = [\"x\"]", "[1,2,3]", [#"[1,"x"]"#]),
    ]

    func check(_ c: Case) throws {
        #expect(try jq(c.program, c.input) == c.outputs, "\(c.program)")
    }

    @Test(arguments: paths) func pathExpressions(_ c: Case) throws { try check(c) }
    @Test(arguments: operators) func operatorsAndPrecedence(_ c: Case) throws { try check(c) }
    @Test(arguments: controlFlow) func controlFlowAndFunctions(_ c: Case) throws { try check(c) }
    @Test(arguments: updates) func assignmentAndUpdate(_ c: Case) throws { try check(c) }
}
