import Diagnostics
import JSONValue

/// Binds names before evaluation: variables become frame slots, calls point at their
/// definitions (user, module, prelude or native), and unknown names become diagnostics
/// with "did you mean" help.
final class Resolver {
    enum Binding {
        case variable(name: String, level: Int, slot: Int)
        case constant(name: String, value: JSON)
        case label(name: String, level: Int, slot: Int)
        case function(name: String, arity: Int, level: Int, body: FuncBody)
        case param(name: String, level: Int, index: Int)
        /// `import "m" as name;`: functions reachable as `name::f`.
        case module(alias: String, functions: [String: FuncBody])
    }

    var levelSlots: [Int] = [0]
    var scope: [Binding] = []
    var diagnostics: [Diagnostic] = []
    /// Functions visible everywhere (the prelude), by "name/arity".
    let globals: [String: FuncBody]
    var level: Int { levelSlots.count - 1 }

    init(globals: [String: FuncBody]) {
        self.globals = globals
    }

    func allocSlot() -> Int {
        let s = levelSlots[level]
        levelSlots[level] += 1
        return s
    }

    // MARK: expressions

    func resolve(_ e: Expr) -> Node {
        switch e {
        case .identity: return .identity
        case .recurseDefault: return .recurseDefault
        case .literal(let v): return .literal(v)
        case .index(let t, .literal(.string(let s))): return .field(resolve(t), s)
        case .index(let t, let key): return .index(resolve(t), resolve(key))
        case .slice(let t, let a, let b): return .slice(resolve(t), a.map(resolve), b.map(resolve))
        case .iterate(let t): return .iterate(resolve(t))
        case .tryOpt(let t): return .tryOpt(resolve(t))
        case .pipe(let a, let b): return .pipe(resolve(a), resolve(b))
        case .comma(let a, let b): return .comma(resolve(a), resolve(b))
        case .neg(let a, _):
            if case .literal(.number(let n)) = a { return .literal(.number(n.negated)) }
            return .neg(resolve(a))
        case .binary(let op, let a, let b, _): return .binary(op, resolve(a), resolve(b))
        case .and(let a, let b): return .and(resolve(a), resolve(b))
        case .or(let a, let b): return .or(resolve(a), resolve(b))
        case .alternative(let a, let b): return .alternative(resolve(a), resolve(b))
        case .update(let op, let a, let b, _): return .update(op, resolve(a), resolve(b))
        case .array(let a): return .array(a.map(resolve))
        case .object(let entries):
            return .object(entries.map { (key: resolve($0.key), value: resolve($0.value)) })
        case .string(let parts, let format):
            if parts.isEmpty { return .literal(.string("")) }
            if parts.count == 1, case .text(let t) = parts[0] { return .literal(.string(t)) }
            return .string(parts.map {
                switch $0 {
                case .text(let t): .text(t)
                case .interp(let x): .interp(resolve(x))
                }
            }, format: format)
        case .format(let name, let span):
            if !Formats.names.contains(name) {
                diagnostics.append(.error("\(name)/0 is not a valid format", at: span,
                                          help: suggestion("@" + name, among: Formats.names.map { "@" + $0 })))
            }
            return .format(name)
        case .ifThen(let c, let t, let e): return .ifThen(resolve(c), resolve(t), e.map(resolve))
        case .tryCatch(let b, let h): return .tryCatch(resolve(b), h.map(resolve))
        case .reduce(let src, let pat, let initial, let update):
            let s = resolve(src)
            let i = resolve(initial)
            let mark = scope.count
            let rp = bindPattern(pat, slots: nil)
            let u = resolve(update)
            scope.removeSubrange(mark...)
            return .reduce(s, rp, i, u)
        case .foreach(let src, let pat, let initial, let update, let extract):
            let s = resolve(src)
            let i = resolve(initial)
            let mark = scope.count
            let rp = bindPattern(pat, slots: nil)
            let u = resolve(update)
            let x = extract.map(resolve)
            scope.removeSubrange(mark...)
            return .foreach(s, rp, i, u, x)
        case .bind(let src, let pats, let body):
            let s = resolve(src)
            let mark = scope.count
            var slots: [String: Int]? = nil
            if pats.count > 1 {
                // `?//`: a variable means the same slot in every alternative.
                var names: [String] = []
                for p in pats { collectNames(p, &names) }
                var m: [String: Int] = [:]
                for n in names where m[n] == nil {
                    m[n] = allocSlot()
                }
                slots = m
            }
            let rps = pats.map { bindPattern($0, slots: slots) }
            if let slots {
                for (name, slot) in slots.sorted(by: { $0.value < $1.value }) {
                    scope.append(.variable(name: name, level: level, slot: slot))
                }
            }
            let b = resolve(body)
            scope.removeSubrange(mark...)
            return .bind(s, rps, b, allSlots: slots.map { Array($0.values) } ?? [])
        case .variable(let name, let span):
            return resolveVariable(name, span)
        case .label(let name, let body):
            let slot = allocSlot()
            scope.append(.label(name: name, level: level, slot: slot))
            let b = resolve(body)
            scope.removeLast()
            return .label(slot: slot, b)
        case .breakLabel(let name, let span):
            for b in scope.reversed() {
                if case .label(name, let l, let slot) = b {
                    return .breakLabel(up: level - l, slot: slot)
                }
            }
            diagnostics.append(.error("$*label-\(name) is not defined", at: span,
                                      label: "no enclosing `label $\(name)`"))
            return .identity
        case .call(let name, let args, let span):
            return resolveCall(name, args, span)
        case .funcDefs(let defs, let body):
            let mark = scope.count
            for d in defs { define(d) }
            let b = resolve(body)
            scope.removeSubrange(mark...)
            return b
        case .loc(let line):
            return .literal(.object(["file": .string("<top-level>"), "line": .number(line)]))
        }
    }

    func collectNames(_ p: Pattern, _ out: inout [String]) {
        switch p {
        case .variable(let n, _): out.append(n)
        case .array(let items): for i in items { collectNames(i, &out) }
        case .object(let items):
            for (k, sub) in items {
                if case .variable(let n, _) = k { out.append(n) }
                if let sub { collectNames(sub, &out) }
            }
        }
    }

    /// Allocates (or reuses, for `?//`) slots for a pattern's variables and brings them into scope.
    func bindPattern(_ p: Pattern, slots: [String: Int]?) -> RPattern {
        func slot(_ name: String) -> Int {
            if let s = slots?[name] { return s }
            let s = allocSlot()
            scope.append(.variable(name: name, level: level, slot: s))
            return s
        }
        switch p {
        case .variable(let n, _):
            return .variable(slot: slot(n))
        case .array(let items):
            return .array(items.map { bindPattern($0, slots: slots) })
        case .object(let items):
            var out: [(key: RObjectKey, pattern: RPattern?)] = []
            for (k, sub) in items {
                switch k {
                case .variable(let n, _):
                    let s = slot(n)
                    out.append((.variable(slot: s, name: n), sub.map { bindPattern($0, slots: slots) }))
                case .expr(let e):
                    // Key expressions see variables bound earlier in the same pattern.
                    let kn = resolve(e)
                    out.append((.expr(kn), sub.map { bindPattern($0, slots: slots) }))
                }
            }
            return .object(out)
        }
    }

    func resolveVariable(_ name: String, _ span: Span) -> Node {
        for b in scope.reversed() {
            switch b {
            case .variable(name, let l, let slot): return .variable(up: level - l, slot: slot)
            case .constant(name, let v): return .literal(v)
            default: continue
            }
        }
        if name == "ENV" { return .native(Natives.envNative, []) }
        var names: [String] = []
        for b in scope {
            switch b {
            case .variable(let n, _, _), .constant(let n, _): names.append("$" + n)
            default: break
            }
        }
        diagnostics.append(.error("$\(name) is not defined", at: span, label: "unknown variable",
                                  help: suggestion("$" + name, among: names + ["$ENV", "$__loc__"])))
        return .literal(.null)
    }

    // MARK: functions

    /// `def name(params): body;` — visible in its own body (recursion) and after it.
    func define(_ d: FuncDecl) {
        let fb = FuncBody(name: d.name, params: d.params)
        scope.append(.function(name: d.name, arity: d.params.count, level: level, body: fb))
        resolveBody(fb, d.body)
    }

    func resolveBody(_ fb: FuncBody, _ body: Expr) {
        if fb.params.isEmpty && !Resolver.bindsVariables(body) {
            fb.opaque = false
            fb.body = resolve(body)
            return
        }
        levelSlots.append(0)
        let mark = scope.count
        var valueSlots: [Int?] = []
        for (i, p) in fb.params.enumerated() {
            if p.hasPrefix("$") {
                let name = String(p.dropFirst())
                scope.append(.param(name: name, level: level, index: i))
                let s = allocSlot()
                scope.append(.variable(name: name, level: level, slot: s))
                valueSlots.append(s)
            } else {
                scope.append(.param(name: p, level: level, index: i))
                valueSlots.append(nil)
            }
        }
        fb.valueParamSlots = valueSlots.contains(where: { $0 != nil }) ? valueSlots : []
        fb.body = resolve(body)
        fb.slotCount = levelSlots[level]
        scope.removeSubrange(mark...)
        levelSlots.removeLast()
    }

    /// Whether evaluating `e` binds variables or labels in its own frame (so a closure or
    /// function body made of it needs a frame per call). Conservative: looks inside call arguments.
    static func bindsVariables(_ e: Expr) -> Bool {
        switch e {
        case .bind, .reduce, .foreach, .label: return true
        case .identity, .recurseDefault, .literal, .format, .variable, .breakLabel, .loc: return false
        case .index(let a, let b), .pipe(let a, let b), .comma(let a, let b), .binary(_, let a, let b, _),
             .and(let a, let b), .or(let a, let b), .alternative(let a, let b), .update(_, let a, let b, _):
            return bindsVariables(a) || bindsVariables(b)
        case .slice(let t, let a, let b):
            return bindsVariables(t) || a.map(bindsVariables) == true || b.map(bindsVariables) == true
        case .iterate(let t), .tryOpt(let t), .neg(let t, _): return bindsVariables(t)
        case .array(let a): return a.map(bindsVariables) ?? false
        case .object(let entries): return entries.contains { bindsVariables($0.key) || bindsVariables($0.value) }
        case .string(let parts, _):
            return parts.contains { if case .interp(let x) = $0 { return bindsVariables(x) } else { return false } }
        case .ifThen(let c, let t, let el): return bindsVariables(c) || bindsVariables(t) || (el.map(bindsVariables) ?? false)
        case .tryCatch(let b, let h): return bindsVariables(b) || (h.map(bindsVariables) ?? false)
        case .call(_, let args, _): return args.contains(where: bindsVariables)
        case .funcDefs(_, let body): return bindsVariables(body)
        }
    }

    func lambda(_ e: Expr) -> Lambda {
        if !Resolver.bindsVariables(e) {
            return Lambda(body: resolve(e), opaque: false, slotCount: 0)
        }
        levelSlots.append(0)
        let body = resolve(e)
        let n = levelSlots[level]
        levelSlots.removeLast()
        return Lambda(body: body, opaque: true, slotCount: n)
    }

    func lookupFunction(_ name: String, _ arity: Int) -> (FuncBody, Int)? {
        if let sep = name.range(of: "::", options: .backwards) {
            let alias = String(name[..<sep.lowerBound])
            let fname = String(name[sep.upperBound...])
            for b in scope.reversed() {
                if case .module(alias, let fns) = b, let fb = fns["\(fname)/\(arity)"] {
                    return (fb, 0)
                }
            }
            return nil
        }
        for b in scope.reversed() {
            if case .function(name, arity, let l, let fb) = b { return (fb, l) }
        }
        if let fb = globals["\(name)/\(arity)"] { return (fb, 0) }
        return nil
    }

    func resolveCall(_ name: String, _ args: [Expr], _ span: Span) -> Node {
        // Closure parameters shadow functions of arity 0 declared outside them.
        for b in scope.reversed() {
            switch b {
            case .param(name, let l, let index) where args.isEmpty:
                return .callParam(up: level - l, index: index)
            case .function(name, args.count, let l, let fb):
                return .callFunc(fb, up: level - l, args: args.map(argSpec))
            default: continue
            }
        }
        if let (fb, l) = lookupFunction(name, args.count) {
            return .callFunc(fb, up: level - l, args: args.map(argSpec))
        }
        if let nat = Natives.table["\(name)/\(args.count)"] {
            if nat.name == "builtins" { return .builtinsList }
            return .native(nat, args.map(lambda))
        }
        let label = "unknown function"
        diagnostics.append(.error("\(name)/\(args.count) is not defined", at: span, label: label,
                                  help: suggestion("\(name)/\(args.count)", among: knownFunctions())))
        return .identity
    }

    func argSpec(_ e: Expr) -> ArgSpec {
        if case .call(let n, let a, _) = e, a.isEmpty {
            for b in scope.reversed() {
                switch b {
                case .param(n, let l, let index): return .forward(up: level - l, index: index)
                case .function(n, 0, _, _): return .lambda(lambda(e))
                default: continue
                }
            }
        }
        return .lambda(lambda(e))
    }

    func knownFunctions() -> [String] {
        var names = Set(globals.keys)
        names.formUnion(Natives.table.keys)
        for b in scope {
            switch b {
            case .function(let n, let a, _, _): names.insert("\(n)/\(a)")
            case .param(let n, _, _): names.insert("\(n)/0")
            default: break
            }
        }
        return names.filter { !$0.hasPrefix("_") }.sorted()
    }

    func suggestion(_ name: String, among: [String]) -> String? {
        if let s = DidYouMean.suggest(name, among: among) { return "did you mean \(s)?" }
        // Same name, other arity: say which arities exist.
        if let slash = name.lastIndex(of: "/") {
            let base = name[..<slash]
            let same = among.filter { $0.hasPrefix(base + "/") }
            if !same.isEmpty { return "\(base) exists as \(same.joined(separator: ", "))" }
        }
        return nil
    }
}
