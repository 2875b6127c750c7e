import Diagnostics

/// Size limits of jq programs, so that no program text can exhaust the stack of the
/// parser, the resolver or the evaluator (all three are recursive over the syntax tree).
public enum JQSyntaxLimits {
    /// Deepest nesting of a program: brackets, parentheses, `if`, `try`, `reduce`, `def`,
    /// string interpolation, unary minus, and each link of an operator, `|`, `,` or
    /// postfix (`.a`, `[i]`, `?`) chain. jq's bison parser stops at the same depth
    /// (YYMAXDEPTH 10000, "memory exhausted"); jq also rejects most long chains
    /// ("function compiled to N bytes which is too long").
    public static let maxNestingDepth = 10_000
}

/// Depth accounting for the recursive-descent parser.
///
/// `level` is the nesting of the construct being parsed; `highWater` is the deepest level
/// reached since it was last reset, which is how a loop that builds a chain (`a + b + c`,
/// `.a.b.c`, `a | b | c`) learns the depth of each operand it parsed, and so the depth
/// of the tree it builds, without recursing once per link.
extension Parser {
    /// The error for a program nested deeper than `JQSyntaxLimits.maxNestingDepth`.
    func tooDeep(_ span: Span) -> SyntaxError {
        error("expression nested too deeply (limit \(JQSyntaxLimits.maxNestingDepth))", span,
              label: "nested too deeply")
    }

    /// Enters one level of nesting at the next token; pair with `leave()`.
    mutating func enter() throws(SyntaxError) {
        level += 1
        if level > JQSyntaxLimits.maxNestingDepth {
            throw tooDeep(peekSpan())
        }
        if level > highWater { highWater = level }
    }

    mutating func leave() {
        level -= 1
    }

    /// Starts measuring an operand: returns the saved high-water mark for `endChain`.
    mutating func beginOperand() -> Int {
        let saved = highWater
        highWater = level
        return saved
    }

    /// The depth, relative to the current level, of what was parsed since `beginOperand`.
    /// (Chains call `beginOperand` again for each operand; the first saved mark is the
    /// one `endChain` restores.)
    func operandDepth() -> Int {
        highWater - level
    }

    /// Checks the depth of a chain built so far (relative to `level`), reporting at `span`.
    func checkChain(_ depth: Int, at span: Span) throws(SyntaxError) {
        if level + depth > JQSyntaxLimits.maxNestingDepth { throw tooDeep(span) }
    }

    /// Ends a chain of relative depth `depth`: the enclosing construct sees its full depth.
    mutating func endChain(_ depth: Int, saved: Int) {
        highWater = max(saved, level + depth)
    }
}
