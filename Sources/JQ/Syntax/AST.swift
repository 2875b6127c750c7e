import Diagnostics
import JSONValue

/// The parsed form of a jq program, before names are resolved.
indirect enum Expr {
    case identity
    case recurseDefault
    case literal(JSON)
    /// `target[key]`, `.name`, `."name"`; `optional` for a trailing `?`.
    case index(Expr, Expr)
    case slice(Expr, Expr?, Expr?)
    case iterate(Expr)
    /// `e?`: errors become empty.
    case tryOpt(Expr)
    case pipe(Expr, Expr)
    case comma(Expr, Expr)
    case neg(Expr, Span)
    case binary(BinaryOp, Expr, Expr, Span)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case alternative(Expr, Expr)
    case update(UpdateOp, Expr, Expr, Span)
    case array(Expr?)
    case object([(key: Expr, value: Expr)])
    /// A string with interpolations; `format` is the `@name` applied to interpolated values.
    case string([StringPart], format: String?)
    case format(String, Span)
    case ifThen(Expr, Expr, Expr?)
    case tryCatch(Expr, Expr?)
    case reduce(Expr, Pattern, Expr, Expr)
    case foreach(Expr, Pattern, Expr, Expr, Expr?)
    case bind(Expr, [Pattern], Expr)
    case variable(String, Span)
    case label(String, Expr)
    case breakLabel(String, Span)
    case call(String, [Expr], Span)
    case funcDefs([FuncDecl], Expr)
    case loc(Int)
}

enum StringPart {
    case text(String)
    case interp(Expr)
}

enum BinaryOp: String {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
}

enum UpdateOp: String {
    case assign = "=", modify = "|=", alt = "//="
    case add = "+=", sub = "-=", mul = "*=", div = "/=", mod = "%="

    var arith: BinaryOp? {
        switch self {
        case .add: .add
        case .sub: .sub
        case .mul: .mul
        case .div: .div
        case .mod: .mod
        default: nil
        }
    }
}

/// A destructuring pattern: `$x`, `[$a, $b]`, `{a: $x, $b, (expr): [$c]}`.
indirect enum Pattern {
    case variable(String, Span)
    case array([Pattern])
    case object([(key: ObjectPatternKey, pattern: Pattern?)])
}

enum ObjectPatternKey {
    /// `$name` (binds the variable too) — with an optional sub-pattern.
    case variable(String, Span)
    case expr(Expr)
}

/// `def name(params): body;`
final class FuncDecl {
    let name: String
    let params: [String]   // "$x" for value params, "f" for closures
    let body: Expr
    let span: Span
    init(name: String, params: [String], body: Expr, span: Span) {
        self.name = name
        self.params = params
        self.body = body
        self.span = span
    }
}

/// `import "path" as name;` / `include "path";` with their metadata.
struct ImportDecl {
    var path: String
    var alias: String?      // nil for include; "$name" for data imports
    var isData: Bool
    var meta: JSON?
    var span: Span
}

/// A whole file: optional module metadata, imports, definitions and (for a main program) a body.
struct ParsedModule {
    var meta: JSON?
    var imports: [ImportDecl]
    var defs: [FuncDecl]
    var body: Expr?
}
