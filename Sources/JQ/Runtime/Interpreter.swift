import JSONValue

typealias Path = [JSON]
/// Receives one output: its value, and its path when evaluating in path mode.
typealias Emit = (JSON, Path?) throws -> Void

/// Evaluates resolved nodes by calling back for every output (backtracking by return).
/// Path mode (`p != nil`) tracks where each output lives in the original input,
/// which `path`, assignments and `del` need.
final class Interpreter {
    let env: JQEnvironment
    let program: CompiledProgram
    var nextID = 0
    var steps = 0
    var depth = 0
    let maxDepth: Int
    let stackLimit: UInt
    var outputs = 0
    /// Native work not yet converted into steps (see NativeWork).
    var nativeUnits = 0

    init(program: CompiledProgram, env: JQEnvironment) {
        self.program = program
        self.env = env
        maxDepth = env.limits.maxCallDepth ?? Int.max
        stackLimit = StackBounds.limit()
    }

    static func run(_ program: CompiledProgram, input: JSON, environment: JQEnvironment,
                    emit: (JSON) throws -> Void) throws {
        let interp = Interpreter(program: program, env: environment)
        let root = Frame(parent: nil, slotCount: program.rootSlots)
        let maxOutputs = environment.limits.maxOutputs ?? Int.max
        let previousRun = NativeWork.install(interp)
        defer { NativeWork.restore(previousRun) }
        do {
            try interp.eval(program.root, input, nil, root) { v, _ in
                interp.outputs += 1
                if interp.outputs > maxOutputs {
                    throw JQLimitExceeded(message: "output limit of \(maxOutputs) values exceeded")
                }
                try emit(v)
            }
        } catch let e as JQError {
            throw JQRuntimeError(value: e.value)
        } catch let e as PassThrough {
            throw JQRuntimeError(value: e.error.value)
        } catch is BreakSignal {
            throw JQRuntimeError(value: .string("break"))
        }
    }

    func newID() -> Int {
        nextID += 1
        return nextID
    }

    // MARK: limits

    @inline(__always)
    func enterCall() throws {
        depth += 1
        steps += 1
        if depth > maxDepth {
            throw JQLimitExceeded(message: "maximum call depth (\(maxDepth)) exceeded; is there a recursion without a base case?")
        }
        var marker: UInt8 = 0
        let sp = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        if sp < stackLimit {
            throw JQLimitExceeded(message: "recursion too deep (stack exhausted at call depth \(depth)); is there a recursion without a base case?")
        }
        if steps & 1023 == 0 { try checkBudget() }
    }

    /// Stops recursion over deep programs or deep values before the stack runs out.
    @inline(__always)
    func checkStack() throws {
        var marker: UInt8 = 0
        if withUnsafeMutablePointer(to: &marker, { UInt(bitPattern: $0) }) < stackLimit {
            throw JQLimitExceeded(message: "evaluation too deep (stack exhausted); the program or its data is nested too deeply")
        }
    }

    func checkBudget() throws {
        if env.cancellation.isCancelled { throw JQCancelled() }
        if let m = env.limits.maxSteps, steps > m {
            throw JQLimitExceeded(message: "evaluation step limit (\(m)) exceeded")
        }
        if let d = env.limits.deadline, ContinuousClock.now >= d {
            throw JQLimitExceeded(message: "time limit exceeded")
        }
    }

    @inline(__always)
    func tick() throws {
        steps += 1
        if steps & 1023 == 0 { try checkBudget() }
    }

    /// The path of a value computed in path mode (`path(1)`): an error only if used as a path.
    static let invalid: Path = [.string("\u{FFFF}invalid-path")]
    @inline(__always)
    static func isInvalid(_ p: Path) -> Bool {
        p.count == 1 && p[0] == invalid[0]
    }

    /// The path one step further, or the jq error for stepping from a computed value.
    @inline(__always)
    func extend(_ p: Path?, _ v: JSON, _ key: JSON) throws -> Path? {
        guard let p else { return nil }
        if Interpreter.isInvalid(p) {
            throw JQError("Invalid path expression near attempt to access element \(JSONText.truncated(key)) of \(JSONText.truncated(v))")
        }
        return p + [key]
    }

    func invalidPath(_ v: JSON) -> JQError {
        JQError("Invalid path expression with result \(JSONText.truncated(v))")
    }

    // MARK: evaluation

    /// Dispatches on the node kind. Each kind lives in its own non-inlined method: one
    /// giant function full of nested closures is slow to optimize.
    /// Release builds need `-Xllvm -sil-disable-pass=closure-specialize` for this module:
    /// the closure specializer otherwise clones these mutually recursive callback-taking
    /// functions for every closure literal, and optimization runs for tens of minutes.
    func eval(_ n: Node, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        // Deeply nested programs (and long pipelines, whose continuations nest) recurse
        // here without any function call: measure the stack on every node.
        try checkStack()
        switch n {
        case .identity: try k(x, p)
        case .literal(let v): try k(v, p == nil ? nil : Interpreter.invalid)
        case .field(let t, let name): try evalField(t, name, x, p, f, k)
        case .index(let t, let keyNode): try evalIndex(t, keyNode, x, p, f, k)
        case .slice(let t, let lo, let hi): try evalSlice(t, lo, hi, x, p, f, k)
        case .iterate(let t): try evalIterate(t, x, p, f, k)
        case .recurseDefault: try recurse(x, p, k)
        case .pipe(let a, let b): try evalPipe(a, b, x, p, f, k)
        case .comma(let a, let b):
            try eval(a, x, p, f, k)
            try eval(b, x, p, f, k)
        case .neg(let a): try evalNeg(a, x, p, f, k)
        case .binary(let op, let a, let b): try evalBinary(op, a, b, x, p, f, k)
        case .and(let a, let b): try evalAndOr(true, a, b, x, p, f, k)
        case .or(let a, let b): try evalAndOr(false, a, b, x, p, f, k)
        case .alternative(let a, let b): try evalAlternative(a, b, x, p, f, k)
        case .update(let op, let lhs, let rhs): try Update.eval(self, op, lhs, rhs, x, p, f, k)
        case .array(let e): try evalArray(e, x, p, f, k)
        case .object(let entries): try evalObject(entries, x, p, f, k)
        case .string(let parts, let format): try evalString(parts, format, x, p, f, k)
        case .format(let name): try k(.string(try Formats.apply(name, x)), p == nil ? nil : Interpreter.invalid)
        case .ifThen(let c, let t, let e): try evalIf(c, t, e, x, p, f, k)
        case .tryOpt(let body): try tryCatch(body, nil, x, p, f, k)
        case .tryCatch(let body, let handler): try tryCatch(body, handler, x, p, f, k)
        case .reduce(let src, let pat, let initial, let update): try evalReduce(src, pat, initial, update, x, p, f, k)
        case .foreach(let src, let pat, let initial, let update, let extract):
            try evalForeach(src, pat, initial, update, extract, x, p, f, k)
        case .bind(let src, let pats, let body, let allSlots): try evalBind(src, pats, body, allSlots, x, p, f, k)
        case .variable(let up, let slot): try k(f.ancestor(up).slots[slot], p == nil ? nil : Interpreter.invalid)
        case .label(let slot, let body): try evalLabel(slot, body, x, p, f, k)
        case .breakLabel(let up, let slot):
            guard case .number(let n) = f.ancestor(up).slots[slot] else { throw JQError("break") }
            throw BreakSignal(id: Int(n.double))
        case .callFunc(let fb, let up, let args): try callFunction(fb, up, args, x, p, f, k)
        case .callParam(let up, let index): try callParam(up, index, x, p, f, k)
        case .native(let nat, let args): try nat.call(self, args, x, p, f, k)
        case .builtinsList: try k(program.builtinsList, p == nil ? nil : Interpreter.invalid)
        }
    }

    @inline(never)
    func evalField(_ t: Node, _ name: String, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        if case .identity = t {
            let np = try extend(p, x, .string(name))
            try k(try Access.index(x, .string(name)), np)
            return
        }
        try eval(t, x, p, f) { v, vp in
            let np = try self.extend(vp, v, .string(name))
            try k(try Access.index(v, .string(name)), np)
        }
    }

    @inline(never)
    func evalIndex(_ t: Node, _ keyNode: Node, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        try eval(keyNode, x, nil, f) { key, _ in
            try self.eval(t, x, p, f) { v, vp in
                let np = try self.extend(vp, v, key)
                try k(try Access.index(v, key), np)
            }
        }
    }

    @inline(never)
    func evalSlice(_ t: Node, _ lo: Node?, _ hi: Node?, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        try evalOptional(lo, x, f) { from in
            try self.evalOptional(hi, x, f) { to in
                let key = JSON.object(["start": from, "end": to])
                try self.eval(t, x, p, f) { v, vp in
                    let np = try self.extend(vp, v, key)
                    try k(try Access.index(v, key), np)
                }
            }
        }
    }

    @inline(never)
    func evalIterate(_ t: Node, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        if case .identity = t {
            try iterate(x, p, k)
            return
        }
        try eval(t, x, p, f) { v, vp in try self.iterate(v, vp, k) }
    }

    @inline(never)
    func evalPipe(_ a: Node, _ b: Node, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        try eval(a, x, p, f) { v, vp in try self.eval(b, v, vp, f, k) }
    }

    @inline(never)
    func evalNeg(_ a: Node, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        try eval(a, x, nil, f) { v, _ in
            guard case .number(let num) = v else { throw JQError.type(v, "cannot be negated") }
            try k(.number(num.negated), p == nil ? nil : Interpreter.invalid)
        }
    }

    @inline(never)
    func evalBinary(_ op: BinaryOp, _ a: Node, _ b: Node, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        try eval(b, x, nil, f) { rv, _ in
            try self.eval(a, x, nil, f) { lv, _ in
                try k(try Values.binary(op, lv, rv), p == nil ? nil : Interpreter.invalid)
            }
        }
    }

    @inline(never)
    func evalAndOr(_ isAnd: Bool, _ a: Node, _ b: Node, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        let out: Path? = p == nil ? nil : Interpreter.invalid
        try eval(a, x, nil, f) { av, _ in
            // `and` stops at a falsy left side, `or` at a truthy one.
            if Values.isTruthy(av) != isAnd {
                try k(.bool(!isAnd), out)
                return
            }
            try self.eval(b, x, nil, f) { bv, _ in try k(.bool(Values.isTruthy(bv)), out) }
        }
    }

    @inline(never)
    func evalAlternative(_ a: Node, _ b: Node, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        var any = false
        let id = newID()
        do {
            try eval(a, x, p, f) { v, vp in
                guard Values.isTruthy(v) else { return }
                any = true
                do { try k(v, vp) } catch let e as JQError { throw PassThrough(id: id, error: e) }
            }
        } catch let e as PassThrough where e.id == id {
            throw e.error
        } catch is JQError {
            // Errors on the left of `//` count as "no value".
        }
        if !any { try eval(b, x, p, f, k) }
    }

    @inline(never)
    func evalArray(_ e: Node?, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        var out: [JSON] = []
        if let e { try eval(e, x, nil, f) { v, _ in out.append(v) } }
        try k(.array(out), p == nil ? nil : Interpreter.invalid)
    }

    @inline(never)
    func evalObject(_ entries: [(key: Node, value: Node)], _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        try buildObject(entries, 0, JSONObject(), x, f) { o in
            try k(o, p == nil ? nil : Interpreter.invalid)
        }
    }

    @inline(never)
    func evalString(_ parts: [NodeStringPart], _ format: String?, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        try buildString(parts, parts.count - 1, "", format, x, f) { s in
            try k(.string(s), p == nil ? nil : Interpreter.invalid)
        }
    }

    @inline(never)
    func evalIf(_ c: Node, _ t: Node, _ e: Node?, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        try eval(c, x, nil, f) { cv, _ in
            if Values.isTruthy(cv) {
                try self.eval(t, x, p, f, k)
            } else if let e {
                try self.eval(e, x, p, f, k)
            } else {
                try k(x, p)
            }
        }
    }

    @inline(never)
    func evalReduce(_ src: Node, _ pat: RPattern, _ initial: Node, _ update: Node, _ x: JSON, _ p: Path?,
                    _ f: Frame, _ k: Emit) throws {
        try eval(initial, x, nil, f) { start, _ in
            var acc: JSON? = start
            let inPlace = Update.updatesInPlace(update)
            try self.eval(src, x, nil, f) { item, _ in
                try self.tick()
                try self.destructure(pat, item, f)
                if inPlace {
                    try Update.reduceStep(self, update, &acc, f)
                    return
                }
                var last: JSON? = nil
                try self.eval(update, acc ?? .null, nil, f) { v, _ in last = v }
                acc = last
            }
            try k(acc ?? .null, p == nil ? nil : Interpreter.invalid)
        }
    }

    @inline(never)
    func evalForeach(_ src: Node, _ pat: RPattern, _ initial: Node, _ update: Node, _ extract: Node?,
                     _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        let out: Path? = p == nil ? nil : Interpreter.invalid
        try eval(initial, x, nil, f) { start, _ in
            var acc = start
            try self.eval(src, x, nil, f) { item, _ in
                try self.tick()
                try self.destructure(pat, item, f)
                try self.eval(update, acc, nil, f) { v, _ in
                    acc = v
                    if let extract {
                        try self.eval(extract, v, nil, f) { r, _ in try k(r, out) }
                    } else {
                        try k(v, out)
                    }
                }
            }
        }
    }

    @inline(never)
    func evalBind(_ src: Node, _ pats: [RPattern], _ body: Node, _ allSlots: [Int], _ x: JSON, _ p: Path?,
                  _ f: Frame, _ k: Emit) throws {
        try eval(src, x, nil, f) { v, _ in
            if pats.count == 1 {
                try self.destructure(pats[0], v, f)
                try self.eval(body, x, p, f, k)
                return
            }
            try self.bindAlternatives(pats, allSlots, 0, v, body, x, p, f, k)
        }
    }

    @inline(never)
    func evalLabel(_ slot: Int, _ body: Node, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        let id = newID()
        f.slots[slot] = .number(JSONNumber(Double(id)))
        do {
            try eval(body, x, p, f, k)
        } catch let b as BreakSignal where b.id == id {
        }
    }

    @inline(never)
    func callParam(_ up: Int, _ index: Int, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        let c = f.ancestor(up).closures[index]
        try enterCall()
        defer { depth -= 1 }
        let frame = c.lambda.opaque ? Frame(parent: c.frame, slotCount: c.lambda.slotCount) : c.frame
        try eval(c.lambda.body, x, p, frame, k)
    }

    func evalOptional(_ n: Node?, _ x: JSON, _ f: Frame, _ k: (JSON) throws -> Void) throws {
        guard let n else { try k(.null); return }
        try eval(n, x, nil, f) { v, _ in try k(v) }
    }

    func iterate(_ v: JSON, _ p: Path?, _ k: Emit) throws {
        if let p, Interpreter.isInvalid(p) {
            throw JQError("Invalid path expression near attempt to iterate through \(JSONText.truncated(v))")
        }
        switch v {
        case .array(let a):
            if let p {
                for (i, e) in a.enumerated() { try k(e, p + [.number(i)]) }
            } else {
                for e in a { try k(e, nil) }
            }
        case .object(let o):
            if let p {
                for (key, e) in o { try k(e, p + [.string(key)]) }
            } else {
                for e in o.values { try k(e, nil) }
            }
        default:
            throw JQError("Cannot iterate over \(v.typeName)\(v.isNullOrScalarPreview)")
        }
    }

    /// `..`: the value, then recursively every child (pre-order).
    func recurse(_ v: JSON, _ p: Path?, _ k: Emit) throws {
        guard var path = p else { return try recurseValues(v, k) }
        try recursePaths(v, &path, k)
    }

    private func recurseValues(_ v: JSON, _ k: Emit) throws {
        try checkStack()
        try tick()
        try k(v, nil)
        switch v {
        case .array(let a): for e in a { try recurseValues(e, k) }
        case .object(let o): for e in o.values { try recurseValues(e, k) }
        default: break
        }
    }

    /// One path buffer, extended and trimmed in place: a path is copied only when a
    /// consumer keeps it, so `paths` over a deep value is not quadratic.
    private func recursePaths(_ v: JSON, _ path: inout Path, _ k: Emit) throws {
        try checkStack()
        try tick()
        try k(v, path)
        switch v {
        case .array(let a):
            for (i, e) in a.enumerated() {
                path.append(.number(i))
                defer { path.removeLast() }
                try recursePaths(e, &path, k)
            }
        case .object(let o):
            for (key, e) in o {
                path.append(.string(key))
                defer { path.removeLast() }
                try recursePaths(e, &path, k)
            }
        default:
            break
        }
    }

    @inline(never)
    func tryCatch(_ body: Node, _ handler: Node?, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        let id = newID()
        do {
            try eval(body, x, p, f) { v, vp in
                do { try k(v, vp) } catch let e as JQError { throw PassThrough(id: id, error: e) }
            }
        } catch let e as PassThrough where e.id == id {
            throw e.error
        } catch let e as JQError {
            // `error(null)` caught: jq 1.8 hands the catch body null.
            if let handler {
                try eval(handler, e.value, nil, f) { v, _ in
                    try k(v, p == nil ? nil : Interpreter.invalid)
                }
            }
        }
    }

    func buildObject(_ entries: [(key: Node, value: Node)], _ i: Int, _ acc: JSONObject, _ x: JSON,
                     _ f: Frame, _ k: (JSON) throws -> Void) throws {
        if i == entries.count { try k(.object(acc)); return }
        let (kn, vn) = entries[i]
        try eval(kn, x, nil, f) { key, _ in
            guard case .string(let ks) = key else {
                throw JQError("Cannot use \(key.typeName) (\(JSONText.truncated(key))) as object key")
            }
            try self.eval(vn, x, nil, f) { value, _ in
                var o = acc
                o[ks] = value
                try self.buildObject(entries, i + 1, o, x, f, k)
            }
        }
    }

    /// Interpolations are produced last-part-outermost, as jq does.
    func buildString(_ parts: [NodeStringPart], _ i: Int, _ suffix: String, _ format: String?,
                     _ x: JSON, _ f: Frame, _ k: (String) throws -> Void) throws {
        if i < 0 { try k(suffix); return }
        switch parts[i] {
        case .text(let t):
            try buildString(parts, i - 1, t + suffix, format, x, f, k)
        case .interp(let n):
            try eval(n, x, nil, f) { v, _ in
                let s: String
                if let format {
                    s = try Formats.apply(format, v)
                } else if case .string(let str) = v {
                    s = str
                } else {
                    s = JSONText.dump(v)
                }
                try self.buildString(parts, i - 1, s + suffix, format, x, f, k)
            }
        }
    }

    func bindAlternatives(_ pats: [RPattern], _ allSlots: [Int], _ i: Int, _ v: JSON, _ body: Node,
                          _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        for s in allSlots { f.slots[s] = .null }
        if i == pats.count - 1 {
            try destructure(pats[i], v, f)
            try eval(body, x, p, f, k)
            return
        }
        do {
            try destructure(pats[i], v, f)
            try eval(body, x, p, f, k)
        } catch let e as JQError {
            // `?//`: an error anywhere in the body moves on to the next pattern; only the
            // last alternative's error escapes.
            _ = e
            try bindAlternatives(pats, allSlots, i + 1, v, body, x, p, f, k)
        }
    }

    func destructure(_ pat: RPattern, _ v: JSON, _ f: Frame) throws {
        switch pat {
        case .variable(let slot):
            f.slots[slot] = v
        case .array(let items):
            for (i, item) in items.enumerated() {
                try destructure(item, try Access.index(v, .number(i)), f)
            }
        case .object(let items):
            for (key, sub) in items {
                switch key {
                case .variable(let slot, let name):
                    let value = try Access.index(v, .string(name))
                    f.slots[slot] = value
                    if let sub { try destructure(sub, value, f) }
                case .expr(let kn):
                    var keys: [JSON] = []
                    try eval(kn, v, nil, f) { kv, _ in keys.append(kv) }
                    for kv in keys {
                        guard case .string = kv else {
                            throw JQError("Cannot index \(v.typeName) with \(kv.typeName)")
                        }
                        if let sub { try destructure(sub, try Access.index(v, kv), f) }
                    }
                }
            }
        }
    }

    @inline(never)
    func callFunction(_ fb: FuncBody, _ up: Int, _ args: [ArgSpec], _ x: JSON, _ p: Path?,
                      _ f: Frame, _ k: Emit) throws {
        try enterCall()
        defer { depth -= 1 }
        let parent = f.ancestor(up)
        if !fb.opaque {
            try eval(fb.body, x, p, parent, k)
            return
        }
        var closures = ContiguousArray<Closure>()
        closures.reserveCapacity(args.count)
        for a in args {
            switch a {
            case .lambda(let l): closures.append(Closure(lambda: l, frame: f))
            case .forward(let cu, let ci): closures.append(f.ancestor(cu).closures[ci])
            }
        }
        let frame = Frame(parent: parent, slotCount: fb.slotCount, closures: closures)
        try bindValueParams(fb, 0, frame, x, p, k)
    }

    /// `def f($a; $b)` is `def f(a; b): a as $a | b as $b | ...`: first parameter outermost.
    func bindValueParams(_ fb: FuncBody, _ i: Int, _ frame: Frame, _ x: JSON, _ p: Path?, _ k: Emit) throws {
        if i == fb.valueParamSlots.count {
            try eval(fb.body, x, p, frame, k)
            return
        }
        guard let slot = fb.valueParamSlots[i] else {
            try bindValueParams(fb, i + 1, frame, x, p, k)
            return
        }
        let c = frame.closures[i]
        let cf = c.lambda.opaque ? Frame(parent: c.frame, slotCount: c.lambda.slotCount) : c.frame
        try eval(c.lambda.body, x, nil, cf) { v, _ in
            frame.slots[slot] = v
            try self.bindValueParams(fb, i + 1, frame, x, p, k)
        }
    }
}

extension JSON {
    /// An array or null: what a numeric index or a slice may be assigned into.
    var isArrayOrNull: Bool {
        switch self {
        case .array, .null: true
        default: false
        }
    }

    /// ` (value)` preview for messages like `Cannot iterate over number (1)`.
    var isNullOrScalarPreview: String {
        " (\(JSONText.truncated(self)))"
    }
}
