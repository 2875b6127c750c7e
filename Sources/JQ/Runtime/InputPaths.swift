import JSONValue

/// What a program reads of each input, so the reader can skip the rest (see
/// `JSONPathPlan`). Found by `JQProgram.inputPlan(slurp:)`.
public struct JQInputPlan: Sendable {
    /// The paths to read. With `-s`, the plan for each slurped value.
    public let paths: JSONPathPlan
    /// Every output of the program is its input unchanged: print the whole input
    /// (or its bytes, when canonical) for each output instead of the pruned value.
    public let outputsInput: Bool
}

extension JQProgram {
    /// The input paths this program may read, when the analysis is sure of them
    /// and they are not the whole input; nil otherwise (read inputs in full).
    /// `slurp`: the input is the array of all values (`-s`).
    public func inputPlan(slurp: Bool) -> JQInputPlan? {
        InputPathAnalysis.plan(for: compiled, slurp: slurp)
    }
}

/// An abstract interpretation of the resolved program over "where a value comes
/// from": a path of the input, an array of such values, or something else.
/// Every place a value is used other than by a path step (compared, printed,
/// passed to a builtin, bound to a variable...) marks its path as needed whole.
/// Anything the analysis does not model (reading other inputs, closure
/// parameters outside a function) makes it unsure, and the reader then reads
/// everything, so semantics never depend on the analysis being clever.
final class InputPathAnalysis {
    /// One step of an input path.
    enum Step: Hashable {
        case field(String)
        /// Every element or member (`.[]`, `.[n]`).
        case each
    }

    /// Where a value comes from.
    indirect enum Value: Hashable {
        /// Exactly the input's value at this path (null where it is missing).
        case path([Step])
        /// An array whose elements are these values (`map`, `group_by`, `-s`).
        case arrayOf([Value])
        /// Anything else: its input-derived parts are already needed whole.
        case derived
    }

    /// Builtins that read other inputs or the reader's position.
    static let readsInputs: Set<String> = ["input/0", "input_line_number/0", "input_filename/0"]
    /// Work limits: beyond them the analysis gives up (reads everything).
    static let maxSteps = 100_000
    static let maxResults = 64

    private(set) var needed: [[Step]] = []
    /// Paths stepped into: their values must keep their type (and arrays their
    /// length) even when no part of them is needed whole.
    private(set) var visited: [[Step]] = []
    private(set) var unsure = false
    private var steps = 0
    private var scanned: Set<ObjectIdentifier> = []

    static func plan(for program: CompiledProgram, slurp: Bool) -> JQInputPlan? {
        let a = InputPathAnalysis()
        let root: Value = slurp ? .arrayOf([.path([.each])]) : .path([])
        let results = a.eval(program.root, root)
        if a.unsure { return nil }
        let outputsInput = !slurp && !results.isEmpty && results.allSatisfy { $0 == .path([]) }
        if !outputsInput { for r in results { a.markWhole(r) } }
        if a.unsure { return nil }
        let plan = JSONPathPlan()
        for (p, whole) in a.visited.map({ ($0, false) }) + a.needed.map({ ($0, true) }) {
            var node = plan
            for s in p {
                switch s {
                case .field(let name): node = node.field(name)
                case .each: node = node.elements()
                }
            }
            if whole { node.whole = true }
        }
        plan.normalize()
        if plan.depth > JSONPathPlan.maxDepth { return nil }
        if slurp {
            let element = plan.each ?? JSONPathPlan()
            return element.whole ? nil : JQInputPlan(paths: element, outputsInput: false)
        }
        return plan.whole ? nil : JQInputPlan(paths: plan, outputsInput: outputsInput)
    }

    // MARK: - Values

    func markWhole(_ v: Value) {
        switch v {
        case .path(let p): needed.append(p)
        case .arrayOf(let xs): for x in xs { markWhole(x) }
        case .derived: break
        }
    }

    private func markWhole(_ vs: [Value]) {
        for v in vs { markWhole(v) }
    }

    /// The value one path step from `v`.
    private func step(_ v: Value, _ s: Step) -> [Value] {
        switch v {
        case .path(let p):
            let q = p + [s]
            visited.append(q)
            return [.path(q)]
        case .arrayOf(let xs):
            // `.k` of an array is an error (its text names only the types).
            if case .field = s { return [] }
            return xs
        case .derived: return [.derived]
        }
    }

    private func unique(_ vs: [Value]) -> [Value] {
        var out: [Value] = []
        for v in vs where !out.contains(v) { out.append(v) }
        if out.count > InputPathAnalysis.maxResults { unsure = true; return [.derived] }
        return out
    }

    private func arrayOf(_ vs: [Value]) -> Value {
        let u = unique(vs)
        return u.allSatisfy { $0 == .derived } ? .derived : .arrayOf(u)
    }

    // MARK: - Nodes

    /// The values `n` may produce on input `x`, recording what it needs.
    func eval(_ n: Node, _ x: Value) -> [Value] {
        steps += 1
        if steps > InputPathAnalysis.maxSteps { unsure = true }
        if unsure { return [.derived] }
        switch n {
        case .identity: return [x]
        case .literal, .variable, .builtinsList: return [.derived]
        case .recurseDefault, .format:
            markWhole(x)
            return [.derived]
        case .field(let t, let name):
            return unique(eval(t, x).flatMap { step($0, .field(name)) })
        case .index(let t, let key):
            return evalIndex(t, key, x)
        case .slice(let t, let lo, let hi):
            for b in [lo, hi].compactMap({ $0 }) { markWhole(eval(b, x)) }
            return eval(t, x).map { v in
                if case .arrayOf = v { return v }
                markWhole(v)
                return .derived
            }
        case .iterate(let t):
            return unique(eval(t, x).flatMap { step($0, .each) })
        case .tryOpt(let body):
            return eval(body, x)
        case .tryCatch(let body, let handler):
            return unique(eval(body, x) + (handler.map { eval($0, .derived) } ?? []))
        case .pipe(let a, let b):
            return unique(eval(a, x).flatMap { eval(b, $0) })
        case .comma(let a, let b):
            return unique(eval(a, x) + eval(b, x))
        case .neg(let a):
            markWhole(eval(a, x))
            return [.derived]
        case .binary(_, let a, let b):
            markWhole(eval(a, x))
            markWhole(eval(b, x))
            return [.derived]
        case .and(let a, let b), .or(let a, let b):
            // Only truthiness is read, and pruning keeps every value's type.
            _ = eval(a, x)
            _ = eval(b, x)
            return [.derived]
        case .alternative(let a, let b):
            return unique(eval(a, x) + eval(b, x))
        case .update(_, let lhs, let rhs):
            markWhole(x)
            _ = eval(lhs, .derived)
            _ = eval(rhs, .derived)
            return [.derived]
        case .array(let e):
            guard let e else { return [.derived] }
            return [arrayOf(eval(e, x))]
        case .object(let entries):
            for (k, v) in entries {
                markWhole(eval(k, x))
                markWhole(eval(v, x))
            }
            return [.derived]
        case .string(let parts, _):
            for case .interp(let p) in parts { markWhole(eval(p, x)) }
            return [.derived]
        case .ifThen(let c, let t, let e):
            _ = eval(c, x)
            return unique(eval(t, x) + (e.map { eval($0, x) } ?? [x]))
        case .reduce(let src, let pattern, let initial, let update):
            return evalFold(src, [pattern], initial, [update], x)
        case .foreach(let src, let pattern, let initial, let update, let extract):
            return evalFold(src, [pattern], initial, [update] + (extract.map { [$0] } ?? []), x)
        case .bind(let src, let patterns, let body, _):
            markWhole(eval(src, x))
            for p in patterns { evalPattern(p, x) }
            return eval(body, x)
        case .label(_, let body):
            return eval(body, x)
        case .breakLabel:
            return []
        case .callFunc(let fb, _, let args):
            // A jq-defined function: its input is needed whole; look inside only for
            // builtins that read other inputs.
            markWhole(x)
            scan(fb)
            for case .lambda(let l) in args { _ = eval(l.body, .derived) }
            return [.derived]
        case .callParam:
            unsure = true
            return [.derived]
        case .native(let native, let args):
            return evalNative(native, args, x)
        }
    }

    private func evalIndex(_ t: Node, _ key: Node, _ x: Value) -> [Value] {
        if case .literal(.number) = key {
            return unique(eval(t, x).flatMap { v -> [Value] in
                if case .arrayOf = v { return step(v, .each) + [.derived] }
                return step(v, .each)
            })
        }
        markWhole(eval(key, x))
        markWhole(eval(t, x))
        return [.derived]
    }

    private func evalFold(_ src: Node, _ patterns: [RPattern], _ initial: Node, _ bodies: [Node], _ x: Value) -> [Value] {
        markWhole(eval(src, x))
        for p in patterns { evalPattern(p, x) }
        markWhole(eval(initial, x))
        for b in bodies { _ = eval(b, .derived) }
        return [.derived]
    }

    /// Destructuring keys computed by expressions are evaluated on the input.
    private func evalPattern(_ p: RPattern, _ x: Value) {
        switch p {
        case .variable: break
        case .array(let items): for i in items { evalPattern(i, x) }
        case .object(let items):
            for (key, sub) in items {
                if case .expr(let e) = key {
                    markWhole(x)
                    _ = eval(e, .derived)
                }
                if let sub { evalPattern(sub, x) }
            }
        }
    }

    private func evalNative(_ native: Native, _ args: [Lambda], _ x: Value) -> [Value] {
        let key = "\(native.name)/\(native.arity)"
        if InputPathAnalysis.readsInputs.contains(key) {
            unsure = true
            return [.derived]
        }
        switch key {
        case "empty/0":
            return []
        case "not/0":
            return [.derived]
        case "select/1":
            _ = eval(args[0].body, x)
            return [x]
        case "map/1":
            return [arrayOf(step(x, .each).flatMap { eval(args[0].body, $0) })]
        case "length/0":
            if case .arrayOf = x { return [.derived] }
        case "sort_by/1", "group_by/1":
            guard case .arrayOf(let xs) = x else { break }
            for e in xs { markWhole(eval(args[0].body, e)) }
            return [key == "sort_by/1" ? x : .arrayOf([x])]
        default:
            break
        }
        markWhole(x)
        for l in args { _ = eval(l.body, .derived) }
        return [.derived]
    }

    // MARK: - Reading other inputs

    /// Looks through a function body (once) for builtins that read other inputs.
    private func scan(_ fb: FuncBody) {
        guard scanned.insert(ObjectIdentifier(fb)).inserted else { return }
        scan(fb.body)
    }

    private func scan(_ n: Node) {
        if unsure { return }
        switch n {
        case .native(let native, let args):
            if InputPathAnalysis.readsInputs.contains("\(native.name)/\(native.arity)") { unsure = true }
            for l in args { scan(l.body) }
        case .callFunc(let fb, _, let args):
            scan(fb)
            for case .lambda(let l) in args { scan(l.body) }
        default:
            for c in InputPathAnalysis.children(n) { scan(c) }
        }
    }
}
