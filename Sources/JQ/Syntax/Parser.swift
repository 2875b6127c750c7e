import Diagnostics
import JSONValue

/// A syntax error, carried to the compiler as a diagnostic.
struct SyntaxError: Error {
    var diagnostic: Diagnostic
}

/// Recursive-descent jq parser; operator precedence follows jq 1.8's parser.y.
struct Parser {
    var lexer: Lexer
    var peeked: (Token, Span)?
    /// Nesting of the construct being parsed, and the deepest level reached (see Parser+Nesting).
    var level = 0
    var highWater = 0
    /// Byte offset -> 1-based line, for `$__loc__`.
    let source: SourceFile

    init(source: SourceFile) {
        self.source = source
        lexer = Lexer(bytes: source.bytes)
    }

    // MARK: tokens

    mutating func peek() -> Token {
        if peeked == nil { peeked = lexer.next() }
        return peeked!.0
    }
    mutating func peekSpan() -> Span {
        if peeked == nil { peeked = lexer.next() }
        return peeked!.1
    }
    @discardableResult
    mutating func advance() -> (Token, Span) {
        let t = peeked ?? lexer.next()
        peeked = nil
        return t
    }
    mutating func accept(_ p: String) -> Bool {
        let t = peek()
        if t == .punct(p) || t == .keyword(p) { advance(); return true }
        return false
    }
    mutating func expect(_ p: String) throws(SyntaxError) {
        if !accept(p) { throw unexpected(expected: "'\(p)'") }
    }
    mutating func unexpected(expected: String? = nil) -> SyntaxError {
        let span = peekSpan()
        let what: String
        switch peek() {
        case .eof: what = "end of file"
        case .ident(let s), .keyword(let s), .punct(let s), .number(let s): what = "'\(s)'"
        case .field(let s): what = "'.\(s)'"
        case .variable(let s): what = "'$\(s)'"
        case .format(let s): what = "'@\(s)'"
        case .quote: what = "string"
        case .invalid(let s): what = "invalid character '\(s)'"
        }
        var msg = "syntax error, unexpected \(what)"
        if let expected { msg += ", expecting \(expected)" }
        return SyntaxError(diagnostic: .error(msg, at: span, label: "unexpected \(what)"))
    }
    func error(_ msg: String, _ span: Span, label: String? = nil, help: String? = nil) -> SyntaxError {
        SyntaxError(diagnostic: .error(msg, at: span, label: label, help: help))
    }

    // MARK: module level

    mutating func parseModule(requireBody: Bool) throws(SyntaxError) -> ParsedModule {
        var m = ParsedModule(meta: nil, imports: [], defs: [], body: nil)
        if peek() == .keyword("module") {
            let (_, span) = advance()
            let e = try parseTerm()
            guard let v = constValue(e), case .object = v else {
                throw error("Module metadata must be constant", span)
            }
            m.meta = v
            try expect(";")
        }
        while peek() == .keyword("import") || peek() == .keyword("include") {
            m.imports.append(try parseImport())
        }
        // Leading definitions belong to the module (they are visible to importers).
        while peek() == .keyword("def") {
            m.defs.append(try parseFuncDef())
        }
        if peek() == .eof {
            // jq requires a query after the definitions of a main program.
            if requireBody { throw unexpected() }
            return m
        }
        if !requireBody { throw unexpected(expected: "'def'") }
        m.body = try parsePipe()
        if peek() != .eof { throw unexpected() }
        return m
    }

    mutating func parseImport() throws(SyntaxError) -> ImportDecl {
        let (kw, span) = advance()
        guard peek() == .quote else { throw unexpected(expected: "string") }
        let pathSpan = peekSpan()
        advance()
        let parts = try parseStringBody(format: nil)
        guard parts.count <= 1, case .text(let path)? = parts.first ?? .text("") else {
            throw error("Import path must be constant", pathSpan)
        }
        var decl = ImportDecl(path: path, alias: nil, isData: false, meta: nil, span: span)
        if kw == .keyword("import") {
            try expect("as")
            switch advance().0 {
            case .ident(let n): decl.alias = n
            case .variable(let n): decl.alias = n; decl.isData = true
            default: throw unexpected(expected: "name")
            }
        }
        if peek() != .punct(";") {
            let metaSpan = peekSpan()
            let e = try parseTerm()
            guard let v = constValue(e), case .object = v else {
                throw error("Module metadata must be constant", metaSpan)
            }
            decl.meta = v
        }
        try expect(";")
        return decl
    }

    mutating func parseFuncDef() throws(SyntaxError) -> FuncDecl {
        try enter()
        defer { leave() }
        let (_, start) = advance() // def
        let name: String
        switch advance().0 {
        case .ident(let n) where !n.contains("::"): name = n
        case .keyword(let n) where n != "$__loc__": name = n
        default: throw unexpected(expected: "function name")
        }
        var params: [String] = []
        if accept("(") {
            repeat {
                switch advance().0 {
                case .ident(let n): params.append(n)
                case .keyword(let n) where n != "$__loc__": params.append(n)
                case .variable(let n): params.append("$" + n)
                default: throw unexpected(expected: "parameter")
                }
            } while accept(";")
            try expect(")")
        }
        try expect(":")
        let body = try parsePipe()
        let end = peekSpan()
        try expect(";")
        return FuncDecl(name: name, params: params, body: body, span: start.merged(with: end))
    }

    // MARK: queries

    /// `a | b | c`, right-nested as jq groups it, parsed in a loop: a long pipeline costs
    /// no parser stack, only tree depth (checked against the nesting limit).
    mutating func parsePipe() throws(SyntaxError) -> Expr {
        let saved = beginOperand()
        var items: [Expr] = []
        var depths: [Int] = []
        while true {
            _ = beginOperand()
            let (e, terminal) = try parseCommaChain()
            items.append(e)
            depths.append(operandDepth())
            // Operand i (0-based) of the finished pipeline sits at least i levels down.
            try checkChain(items.count - 1 + depths[depths.count - 1], at: peekSpan())
            if terminal || !accept("|") { break }
        }
        var depth = depths.count == 1 ? depths[0] : 0
        if depths.count > 1 {
            for (i, d) in depths.enumerated() { depth = max(depth, min(i + 1, depths.count - 1) + d) }
        }
        try checkChain(depth, at: peekSpan())
        endChain(depth, saved: saved)
        var e = items.removeLast()
        while let lhs = items.popLast() { e = .pipe(lhs, e) }
        return e
    }

    mutating func parseCommaChain() throws(SyntaxError) -> (Expr, Bool) {
        let saved = beginOperand()
        var (lhs, terminal) = try parseQueryAtom()
        var depth = operandDepth()
        while !terminal && peek() == .punct(",") {
            let (_, span) = advance()
            _ = beginOperand()
            let (rhs, t) = try parseQueryAtom()
            depth = max(depth, operandDepth()) + 1
            try checkChain(depth, at: span)
            lhs = .comma(lhs, rhs)
            terminal = t
        }
        endChain(depth, saved: saved)
        return (lhs, terminal)
    }

    /// An operand of `,`/`|`; `def`, `label` and `... as $x |` swallow the rest of the query.
    mutating func parseQueryAtom() throws(SyntaxError) -> (Expr, Bool) {
        switch peek() {
        case .keyword("def"):
            try enter()
            defer { leave() }
            var defs = [try parseFuncDef()]
            while peek() == .keyword("def") { defs.append(try parseFuncDef()) }
            return (.funcDefs(defs, try parsePipe()), true)
        case .keyword("label"):
            try enter()
            defer { leave() }
            advance()
            guard case .variable(let name) = advance().0 else { throw unexpected(expected: "$name") }
            try expect("|")
            return (.label(name, try parsePipe()), true)
        default:
            break
        }
        let e = try parseBinary(0)
        if accept("as") {
            try enter()
            defer { leave() }
            // The bound source sits one level down too.
            highWater += 1
            if highWater > JQSyntaxLimits.maxNestingDepth { throw tooDeep(peekSpan()) }
            let pats = try parsePatterns()
            try expect("|")
            return (.bind(e, pats, try parsePipe()), true)
        }
        return (e, false)
    }

    mutating func parsePatterns() throws(SyntaxError) -> [Pattern] {
        var pats = [try parsePattern()]
        while accept("?//") { pats.append(try parsePattern()) }
        return pats
    }

    mutating func parsePattern() throws(SyntaxError) -> Pattern {
        try enter()
        defer { leave() }
        let (t, span) = advance()
        switch t {
        case .variable(let n):
            return .variable(n, span)
        case .punct("["):
            if peek() == .punct("]") { throw unexpected(expected: "pattern") }
            var items: [Pattern] = []
            repeat { items.append(try parsePattern()) } while accept(",")
            try expect("]")
            return .array(items)
        case .punct("{"):
            if peek() == .punct("}") { throw unexpected(expected: "pattern") }
            var items: [(key: ObjectPatternKey, pattern: Pattern?)] = []
            repeat {
                let (kt, ks) = advance()
                switch kt {
                case .variable(let n):
                    var sub: Pattern?
                    if accept(":") { sub = try parsePattern() }
                    items.append((.variable(n, ks), sub))
                case .ident(let n), .keyword(let n):
                    if n == "$__loc__" { throw error("syntax error, unexpected $__loc__", ks) }
                    try expect(":")
                    items.append((.expr(.literal(.string(n))), try parsePattern()))
                case .quote:
                    let parts = try parseStringBody(format: nil)
                    try expect(":")
                    items.append((.expr(.string(parts, format: nil)), try parsePattern()))
                case .punct("("):
                    let e = try parsePipe()
                    try expect(")")
                    try expect(":")
                    items.append((.expr(e), try parsePattern()))
                default:
                    peeked = (kt, ks)
                    throw unexpected(expected: "object pattern")
                }
            } while accept(",")
            try expect("}")
            return .object(items)
        default:
            peeked = (t, span)
            throw unexpected(expected: "pattern")
        }
    }

    // MARK: binary operators

    /// Precedence and associativity of a binary operator token (higher binds tighter).
    private static func binaryInfo(_ t: Token) -> (prec: Int, assoc: Character)? {
        switch t {
        case .punct("//"): (1, "r")
        case .punct("="), .punct("|="), .punct("+="), .punct("-="), .punct("*="), .punct("/="),
             .punct("%="), .punct("//="): (2, "n")
        case .keyword("or"): (3, "l")
        case .keyword("and"): (4, "l")
        case .punct("=="), .punct("!="), .punct("<"), .punct("<="), .punct(">"), .punct(">="): (5, "n")
        case .punct("+"), .punct("-"): (6, "l")
        case .punct("*"), .punct("/"), .punct("%"): (7, "l")
        default: nil
        }
    }

    /// Operators by precedence climbing: left-associative chains (`a + b + c`) loop,
    /// right-associative ones (`a // b // c`) recurse, one nesting level per operand.
    mutating func parseBinary(_ minPrec: Int) throws(SyntaxError) -> Expr {
        try enter()
        defer { leave() }
        let saved = beginOperand()
        var lhs = try parseTerm()
        var depth = operandDepth()
        defer { endChain(depth, saved: saved) }
        var lastNonassoc: Int? = nil
        while let (prec, assoc) = Parser.binaryInfo(peek()), prec >= minPrec {
            if assoc == "n" && lastNonassoc == prec { throw unexpected() }
            let (tok, span) = advance()
            _ = beginOperand()
            let rhs = try parseBinary(assoc == "r" ? prec : prec + 1)
            depth = max(depth, operandDepth()) + 1
            try checkChain(depth, at: span)
            guard case .punct(let op) = tok else {
                lhs = tok == .keyword("or") ? .or(lhs, rhs) : .and(lhs, rhs)
                continue
            }
            if op == "//" {
                lhs = .alternative(lhs, rhs)
            } else if let b = BinaryOp(rawValue: op) {
                lhs = .binary(b, lhs, rhs, span)
            } else if let u = UpdateOp(rawValue: op) {
                lhs = .update(u, lhs, rhs, span)
            }
            lastNonassoc = assoc == "n" ? prec : nil
        }
        return lhs
    }

    // MARK: terms

    /// A primary with its postfix chain (`.a`, `[i]`, `[a:b]`, `[]`, `?`), built in a loop.
    mutating func parseTerm() throws(SyntaxError) -> Expr {
        let saved = beginOperand()
        var t = try parsePrimary()
        var depth = operandDepth()
        defer { endChain(depth, saved: saved) }
        while true {
            let linkSpan = peekSpan()
            _ = beginOperand()
            switch peek() {
            case .field(let name):
                advance()
                t = .index(t, .literal(.string(name)))
            case .punct("."):
                let (_, dotSpan) = advance()
                if peek() == .quote {
                    advance()
                    t = .index(t, .string(try parseStringBody(format: nil), format: nil))
                } else if peek() == .punct("[") {
                    t = try parseBracketSuffix(t)
                } else {
                    throw error("syntax error, unexpected '.'", dotSpan)
                }
            case .punct("["):
                t = try parseBracketSuffix(t)
            case .punct("?"):
                advance()
                t = .tryOpt(t)
            default:
                return t
            }
            depth = max(depth, operandDepth()) + 1
            try checkChain(depth, at: linkSpan)
        }
    }

    mutating func parseBracketSuffix(_ t: Expr) throws(SyntaxError) -> Expr {
        try expect("[")
        if accept("]") { return .iterate(t) }
        if accept(":") {
            let hi = try parsePipe()
            try expect("]")
            return .slice(t, nil, hi)
        }
        let lo = try parsePipe()
        if accept(":") {
            if accept("]") { return .slice(t, lo, nil) }
            let hi = try parsePipe()
            try expect("]")
            return .slice(t, lo, hi)
        }
        try expect("]")
        return .index(t, lo)
    }

    mutating func parsePrimary() throws(SyntaxError) -> Expr {
        let (tok, span) = advance()
        switch tok {
        case .punct("."):
            if peek() == .quote {
                advance()
                return .index(.identity, .string(try parseStringBody(format: nil), format: nil))
            }
            return .identity
        case .punct(".."):
            return .recurseDefault
        case .field(let name):
            return .index(.identity, .literal(.string(name)))
        case .number(let text):
            return .literal(.number(JSONNumber(literal: text) ?? JSONNumber(Double(text) ?? .infinity, literal: text)))
        case .quote:
            return .string(try parseStringBody(format: nil), format: nil)
        case .format(let name):
            if peek() == .quote {
                advance()
                return .string(try parseStringBody(format: name), format: name)
            }
            return .format(name, span)
        case .punct("("):
            let e = try parsePipe()
            try expect(")")
            return e
        case .punct("["):
            if accept("]") { return .array(nil) }
            let e = try parsePipe()
            try expect("]")
            return .array(e)
        case .punct("{"):
            return try parseObject()
        case .punct("-"):
            try enter()
            defer { leave() }
            return .neg(try parseTerm(), span)
        case .keyword("$__loc__"):
            return .loc(source.location(ofByte: span.start).line)
        case .variable(let name):
            return .variable(name, span)
        case .keyword("reduce"):
            let src = try parseBinary(0)
            try expect("as")
            let pat = try parsePattern()
            try expect("(")
            let initial = try parsePipe()
            try expect(";")
            let update = try parsePipe()
            try expect(")")
            return .reduce(src, pat, initial, update)
        case .keyword("foreach"):
            let src = try parseBinary(0)
            try expect("as")
            let pat = try parsePattern()
            try expect("(")
            let initial = try parsePipe()
            try expect(";")
            let update = try parsePipe()
            var extract: Expr?
            if accept(";") { extract = try parsePipe() }
            try expect(")")
            return .foreach(src, pat, initial, update, extract)
        case .keyword("if"):
            let cond = try parsePipe()
            try expect("then")
            let then = try parsePipe()
            return .ifThen(cond, then, try parseElse())
        case .keyword("try"):
            let body = try parsePostTry()
            var handler: Expr?
            if accept("catch") { handler = try parsePostTry() }
            return .tryCatch(body, handler)
        case .keyword("label"), .keyword("def"):
            // Only reachable in a term position like `1 + def f: 1; f`; jq rejects it too.
            peeked = (tok, span)
            throw unexpected()
        case .ident("break"):
            guard case .variable(let name) = peek() else { throw unexpected(expected: "$name") }
            let (_, vs) = advance()
            return .breakLabel(name, span.merged(with: vs))
        case .ident("null") where peek() != .punct("("): return .literal(.null)
        case .ident("true") where peek() != .punct("("): return .literal(.bool(true))
        case .ident("false") where peek() != .punct("("): return .literal(.bool(false))
        case .ident(let name):
            var args: [Expr] = []
            var end = span
            if accept("(") {
                repeat { args.append(try parsePipe()) } while accept(";")
                end = peekSpan()
                try expect(")")
            }
            return .call(name, args, span.merged(with: end))
        default:
            peeked = (tok, span)
            throw unexpected()
        }
    }

    /// The operand of `try` / `catch`: a postfix term (jq gives `try` higher precedence
    /// than every binary operator).
    mutating func parsePostTry() throws(SyntaxError) -> Expr {
        try enter()
        defer { leave() }
        return try parseTerm()
    }

    mutating func parseElse() throws(SyntaxError) -> Expr? {
        if accept("elif") {
            let cond = try parsePipe()
            try expect("then")
            let then = try parsePipe()
            try enter()
            defer { leave() }
            return .ifThen(cond, then, try parseElse())
        }
        if accept("else") {
            let e = try parsePipe()
            try expect("end")
            return e
        }
        try expect("end")
        return nil
    }

    mutating func parseObject() throws(SyntaxError) -> Expr {
        var entries: [(key: Expr, value: Expr)] = []
        if accept("}") { return .object(entries) }
        repeat {
            let (t, span) = advance()
            var key: Expr
            var defaultValue: Expr?
            switch t {
            case .variable(let n):
                // `{$x}` is {x: $x}; `{$x: v}` uses the variable's value as the key.
                if peek() == .punct(":") {
                    key = .variable(n, span)
                } else {
                    key = .literal(.string(n))
                }
                defaultValue = .variable(n, span)
            case .keyword("$__loc__"):
                key = .literal(.string("__loc__"))
                defaultValue = .loc(source.location(ofByte: span.start).line)
            case .ident(let n), .keyword(let n):
                if n.contains("::") { peeked = (t, span); throw unexpected() }
                key = .literal(.string(n))
                defaultValue = .index(.identity, key)
            case .number:
                peeked = (t, span)
                throw unexpected()
            case .quote:
                key = .string(try parseStringBody(format: nil), format: nil)
                defaultValue = .index(.identity, key)
            case .format(let f):
                guard peek() == .quote else { peeked = (t, span); throw unexpected() }
                advance()
                key = .string(try parseStringBody(format: f), format: f)
                defaultValue = .index(.identity, key)
            case .punct("("):
                key = try parsePipe()
                try expect(")")
                defaultValue = nil
            default:
                peeked = (t, span)
                throw unexpected()
            }
            if accept(":") {
                entries.append((key, try parseObjectValue()))
            } else if let defaultValue {
                entries.append((key, defaultValue))
            } else {
                throw unexpected(expected: "':'")
            }
        } while accept(",")
        try expect("}")
        return .object(entries)
    }

    /// An object value: an expression without `,`, where `|` is allowed.
    mutating func parseObjectValue() throws(SyntaxError) -> Expr {
        let saved = beginOperand()
        var e = try parseBinary(0)
        var depth = operandDepth()
        while peek() == .punct("|") {
            let (_, span) = advance()
            _ = beginOperand()
            e = .pipe(e, try parseBinary(0))
            depth = max(depth, operandDepth()) + 1
            try checkChain(depth, at: span)
        }
        endChain(depth, saved: saved)
        return e
    }
}
