import JQ
import JSONValue
import Testing

/// Programs nested (or chained) far beyond `JQSyntaxLimits.maxNestingDepth` must fail to
/// compile with a positioned error instead of overflowing the stack; programs within the
/// limit must still compile and run.
struct DeepProgramTests {
    /// A program shape, built at a given depth.
    struct Shape: Sendable, CustomTestStringConvertible {
        let name: String
        let depth: Int
        let build: @Sendable (Int) -> String
        var testDescription: String { "\(name) x\(depth)" }
        var program: String { build(depth) }
    }

    static func rep(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }
    static func chain(_ item: String, _ op: String, _ n: Int) -> String {
        Array(repeating: item, count: n).joined(separator: op)
    }

    /// The shapes of issue 17, at the sizes that crashed.
    static let tooDeep: [Shape] = [
        Shape(name: "parentheses", depth: 100_000) { rep("(", $0) + "1" + rep(")", $0) },
        Shape(name: "array literal", depth: 100_000) { rep("[", $0) + rep("]", $0) },
        Shape(name: "object literal", depth: 100_000) { rep("{a:", $0) + "1" + rep("}", $0) },
        Shape(name: "unary minus", depth: 100_000) { rep("-", $0) + "1" },
        Shape(name: "not", depth: 100_000) { "1" + rep(" | not", $0) },
        Shape(name: "if", depth: 20_000) { rep("if true then ", $0) + "1" + rep(" else 2 end", $0) },
        Shape(name: "elif", depth: 20_000) { "if false then 0 " + rep("elif false then 0 ", $0) + "else 1 end" },
        Shape(name: "try", depth: 50_000) { rep("try ", $0) + "1" },
        Shape(name: "try-catch", depth: 50_000) { rep("try 1 catch ", $0) + "1" },
        Shape(name: "reduce", depth: 20_000) { rep("reduce 1 as $x (", $0) + "0" + rep("; .)", $0) },
        Shape(name: "def", depth: 20_000) { rep("def f: ", $0) + "1" + rep("; f", $0) },
        Shape(name: "string interpolation", depth: 20_000) { rep("\"\\(", $0) + "1" + rep(")\"", $0) },
        Shape(name: "field chain", depth: 100_000) { rep(".a", $0) },
        Shape(name: "optional chain", depth: 100_000) { rep(".a?", $0) },
        Shape(name: "index chain", depth: 100_000) { "." + rep("[0]", $0) },
        Shape(name: "and chain", depth: 100_000) { chain("true", " and ", $0) },
        Shape(name: "or chain", depth: 100_000) { chain("false", " or ", $0) },
        Shape(name: "alternative chain", depth: 100_000) { chain("1", " // ", $0) },
        Shape(name: "plus chain", depth: 100_000) { chain("1", " + ", $0) },
        Shape(name: "pipe chain", depth: 100_000) { chain(".", " | ", $0) },
        Shape(name: "comma chain", depth: 100_000) { chain("1", ", ", $0) },
        Shape(name: "as chain", depth: 100_000) { rep(". as $x | ", $0) + "1" },
        Shape(name: "label chain", depth: 100_000) { rep("label $f | ", $0) + "1" },
        Shape(name: "call arguments", depth: 100_000) { rep("f(", $0) + "1" + rep(")", $0) },
        Shape(name: "slice bounds", depth: 100_000) { rep(".[", $0) + "0" + rep(":1]", $0) },
        Shape(name: "array pattern", depth: 100_000) { ". as " + rep("[", $0) + "$x" + rep("]", $0) + " | 1" },
        Shape(name: "object pipe chain", depth: 100_000) { "{a: " + chain(".", " | ", $0) + "}" },
        // 200 groups of 200 links: deep only as a whole (no single chain or nesting is).
        Shape(name: "nested chains", depth: 200) { rep("(", $0) + ".b" + rep(rep(".a", 200) + ")", $0) },
    ]

    @Test(arguments: tooDeep)
    func tooDeepIsACompileError(_ shape: Shape) throws {
        do {
            _ = try JQProgram.compile(shape.program)
            Issue.record("expected a compile error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.message == "expression nested too deeply (limit \(JQSyntaxLimits.maxNestingDepth))")
            #expect(d.span != nil)
        }
    }

    /// The same shapes within the limit: they compile and give jq's answer.
    static let withinLimit: [(Shape, String)] = [
        (Shape(name: "parentheses", depth: 3_000) { rep("(", $0) + "1" + rep(")", $0) }, "1"),
        (Shape(name: "array literal", depth: 3_000) { rep("[", $0) + rep("]", $0) + " | flatten" }, "[]"),
        (Shape(name: "unary minus", depth: 3_001) { rep("-", $0) + "1" }, "-1"),
        (Shape(name: "try", depth: 3_000) { rep("try ", $0) + "1" }, "1"),
        (Shape(name: "reduce", depth: 2_000) { rep("reduce 1 as $x (", $0) + "0" + rep("; .)", $0) }, "0"),
        (Shape(name: "string interpolation", depth: 2_000) { rep("\"\\(", $0) + "1" + rep(")\"", $0) }, "\"1\""),
        (Shape(name: "field chain", depth: 5_000) { rep(".a", $0) }, "null"),
        (Shape(name: "plus chain", depth: 5_000) { chain("1", " + ", $0) }, "5000"),
        (Shape(name: "pipe chain", depth: 5_000) { chain(".", " | ", $0) }, "null"),
        (Shape(name: "and chain", depth: 5_000) { chain("true", " and ", $0) }, "true"),
        (Shape(name: "alternative chain", depth: 3_000) { chain("null", " // ", $0) + " // 7" }, "7"),
        (Shape(name: "comma chain", depth: 5_000) { "[" + chain("1", ", ", $0) + "] | length" }, "5000"),
    ]

    @Test(arguments: withinLimit)
    func withinTheLimitRuns(_ shape: Shape, _ expected: String) throws {
        #expect(try jq(shape.program) == [expected])
    }

    /// Without a large stack, evaluation measures the stack it has: a deep program is a
    /// limit error or a result, never a crash.
    @Test func deepProgramOnASmallStackIsSafe() throws {
        let program = try JQProgram.compile(Self.rep("[", 9_000) + Self.rep("]", 9_000) + " | length")
        do {
            #expect(try program.outputs(.null).map { JSONPrinter.compact($0) } == ["1"])
        } catch is JQLimitExceeded {
        }
    }

    @Test func theErrorPointsAtTheTokenPastTheLimit() throws {
        let n = JQSyntaxLimits.maxNestingDepth
        do {
            _ = try JQProgram.compile(Self.rep("(", n + 10) + "1" + Self.rep(")", n + 10))
            Issue.record("expected a compile error")
        } catch {
            // Parenthesis number `limit + 1` (0-based offset `limit`) is where the limit is crossed.
            #expect(error.diagnostics.first?.span?.start == n)
        }
    }
}
