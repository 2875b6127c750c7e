import JSONValue

/// Assignment operators (`=`, `|=`, `+=`, ..., `//=`) with jq 1.8 semantics:
/// paths come from the left side on the original input; `|= empty` deletes.
enum Update {
    static func eval(_ I: Interpreter, _ op: UpdateOp, _ lhs: Node, _ rhs: Node, _ x: JSON, _ p: Path?,
                     _ f: Frame, _ k: Emit) throws {
        let outPath: Path? = p == nil ? nil : Interpreter.invalid
        switch op {
        case .modify:
            try k(try modify(I, lhs, x, f) { v, emit in try I.eval(rhs, v, nil, f) { r, _ in try emit(r) } }, outPath)
        case .assign:
            try I.eval(rhs, x, nil, f) { value, _ in
                var result = x
                try assign(I, lhs, &result, value, f)
                try k(result, outPath)
            }
        case .alt:
            try I.eval(rhs, x, nil, f) { value, _ in
                try k(try modify(I, lhs, x, f) { v, emit in try emit(Values.isTruthy(v) ? v : value) }, outPath)
            }
        default:
            let arith = op.arith!
            try I.eval(rhs, x, nil, f) { value, _ in
                try k(try modify(I, lhs, x, f) { v, emit in try emit(try Values.binary(arith, v, value)) }, outPath)
            }
        }
    }

    /// `lhs = value` on `state`: every path of `lhs` (taken from `state` before any change) set.
    static func assign(_ I: Interpreter, _ lhs: Node, _ state: inout JSON, _ value: JSON, _ f: Frame) throws {
        for path in try paths(I, lhs, state, f) {
            try Access.setpath(&state, path, value)
        }
    }

    /// Whether `reduce` can apply this update to its accumulator in place (`reduceStep`).
    static func updatesInPlace(_ update: Node) -> Bool {
        switch update {
        case .update: true
        case .binary(.add, .identity, _): true
        default: false
        }
    }

    /// One `reduce` step whose update is an assignment (`.[k] = v`, `.a |= f`, `.n += 1`, ...)
    /// or `. + v`, applied to the accumulator in place: the reduce holds the only reference,
    /// so building an object or array entry by entry is linear instead of quadratic.
    /// Outputs are those of evaluating the update normally: the last one becomes the
    /// accumulator (nil when there is none); earlier ones are computed for their errors only.
    static func reduceStep(_ I: Interpreter, _ update: Node, _ acc: inout JSON?, _ f: Frame) throws {
        var state = acc ?? .null
        acc = nil
        switch update {
        case .binary(.add, .identity, let rhs):
            var values: [JSON] = []
            try I.eval(rhs, state, nil, f) { v, _ in values.append(v) }
            guard let last = values.popLast() else { return }
            for v in values { _ = try Values.add(state, v) }
            try Values.addInPlace(&state, last)
        case .update(.modify, let lhs, let rhs):
            try modify(I, lhs, &state, f) { v, emit in try I.eval(rhs, v, nil, f) { r, _ in try emit(r) } }
        case .update(let op, let lhs, let rhs):
            var values: [JSON] = []
            try I.eval(rhs, state, nil, f) { v, _ in values.append(v) }
            guard let last = values.popLast() else { return }
            for v in values {
                var copy = state
                try apply(I, op, lhs, &copy, v, f)
            }
            try apply(I, op, lhs, &state, last, f)
        default:
            preconditionFailure("reduceStep on an update that is not in place")
        }
        acc = state
    }

    /// `lhs op= value` (not `|=`) on `state`.
    private static func apply(_ I: Interpreter, _ op: UpdateOp, _ lhs: Node, _ state: inout JSON,
                              _ value: JSON, _ f: Frame) throws {
        switch op {
        case .assign:
            try assign(I, lhs, &state, value, f)
        case .alt:
            try modify(I, lhs, &state, f) { v, emit in try emit(Values.isTruthy(v) ? v : value) }
        default:
            let arith = op.arith!
            try modify(I, lhs, &state, f) { v, emit in try emit(try Values.binary(arith, v, value)) }
        }
    }

    /// Every path the expression denotes in `x` (it must be a path expression).
    static func paths(_ I: Interpreter, _ lhs: Node, _ x: JSON, _ f: Frame) throws -> [Path] {
        var out: [Path] = []
        try I.eval(lhs, x, [], f) { v, vp in
            guard let vp, !Interpreter.isInvalid(vp) else { throw I.invalidPath(v) }
            out.append(vp)
        }
        return out
    }

    private struct FirstOnly: Error {}

    /// `_modify`: each path's value replaced by the update's first output, or deleted
    /// when the update produces nothing.
    static func modify(_ I: Interpreter, _ lhs: Node, _ x: JSON, _ f: Frame,
                       _ update: (JSON, (JSON) throws -> Void) throws -> Void) throws -> JSON {
        var state = x
        try modify(I, lhs, &state, f, update)
        return state
    }

    /// `_modify` on `state` in place (paths are taken from `state` before any change).
    static func modify(_ I: Interpreter, _ lhs: Node, _ state: inout JSON, _ f: Frame,
                       _ update: (JSON, (JSON) throws -> Void) throws -> Void) throws {
        var deletions: [JSON] = []
        for path in try paths(I, lhs, state, f) {
            let old = try Access.getpath(state, .array(path))
            var new: JSON?
            do {
                try update(old) { r in
                    new = r
                    throw FirstOnly()
                }
            } catch is FirstOnly {}
            if let new {
                try Access.setpath(&state, path, new)
            } else {
                deletions.append(.array(path))
            }
        }
        if !deletions.isEmpty {
            state = try Access.delpaths(state, .array(deletions))
        }
    }
}
