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
                for path in try paths(I, lhs, x, f) {
                    result = try Access.setpath(result, .array(path), value)
                }
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
        var deletions: [JSON] = []
        for path in try paths(I, lhs, x, f) {
            let old = try Access.getpath(state, .array(path))
            var new: JSON?
            do {
                try update(old) { r in
                    new = r
                    throw FirstOnly()
                }
            } catch is FirstOnly {}
            if let new {
                state = try Access.setpath(state, .array(path), new)
            } else {
                deletions.append(.array(path))
            }
        }
        if !deletions.isEmpty {
            state = try Access.delpaths(state, .array(deletions))
        }
        return state
    }
}
