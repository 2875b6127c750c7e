import JSONValue

/// A builtin implemented in Swift.
final class Native: @unchecked Sendable {
    enum Impl {
        /// A function of the input only (`length`).
        case unary((JSON) throws -> JSON)
        /// A function of the input and argument values; arguments are generators,
        /// combined last-argument-outermost as jq does for C builtins.
        case values((JSON, [JSON]) throws -> JSON)
        /// Full control: closures for arguments, path mode, any number of outputs.
        case generator((Interpreter, [Lambda], JSON, Path?, Frame, Emit) throws -> Void)
        /// Needs the interpreter (environment access) but returns one value.
        case contextual((Interpreter, JSON, [JSON]) throws -> JSON)
    }

    let name: String
    let arity: Int
    let impl: Impl

    init(_ name: String, _ arity: Int, _ impl: Impl) {
        self.name = name
        self.arity = arity
        self.impl = impl
    }

    func call(_ I: Interpreter, _ args: [Lambda], _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        let outPath: Path? = p == nil ? nil : Interpreter.invalid
        switch impl {
        case .unary(let fn):
            try k(try fn(x), outPath)
        case .values(let fn):
            try I.cartesian(args, args.count - 1, [JSON](repeating: .null, count: args.count), x, f) { vals in
                try k(try fn(x, vals), outPath)
            }
        case .contextual(let fn):
            try I.cartesian(args, args.count - 1, [JSON](repeating: .null, count: args.count), x, f) { vals in
                try k(try fn(I, x, vals), outPath)
            }
        case .generator(let fn):
            try fn(I, args, x, p, f, k)
        }
    }
}

extension Interpreter {
    /// Evaluates a closure argument in the frame it was created in.
    @inline(__always)
    func evalLambda(_ l: Lambda, _ x: JSON, _ p: Path?, _ f: Frame, _ k: Emit) throws {
        if l.opaque {
            try eval(l.body, x, p, Frame(parent: f, slotCount: l.slotCount), k)
        } else {
            try eval(l.body, x, p, f, k)
        }
    }

    /// Values of every argument combination, last argument varying slowest.
    func cartesian(_ args: [Lambda], _ i: Int, _ acc: [JSON], _ x: JSON, _ f: Frame,
                   _ k: ([JSON]) throws -> Void) throws {
        if i < 0 { try k(acc); return }
        try evalLambda(args[i], x, nil, f) { v, _ in
            var a = acc
            a[i] = v
            try self.cartesian(args, i - 1, a, x, f, k)
        }
    }

    /// The first output of a closure, or nil.
    func first(_ l: Lambda, _ x: JSON, _ f: Frame) throws -> JSON? {
        var out: JSON?
        let id = newID()
        do {
            try evalLambda(l, x, nil, f) { v, _ in
                out = v
                throw BreakSignal(id: id)
            }
        } catch let b as BreakSignal where b.id == id {}
        return out
    }
}

/// The table of Swift builtins, by "name/arity".
enum Natives {
    static let table: [String: Native] = {
        var t: [String: Native] = [:]
        for n in core + strings + math + collections + generators + regex + dates + io {
            t["\(n.name)/\(n.arity)"] = n
        }
        return t
    }()

    static let envNative = Native("$ENV", 0, .contextual { I, _, _ in
        var o = JSONObject()
        for (k, v) in I.env.environment.sorted(by: { $0.key < $1.key }) { o[k] = .string(v) }
        return .object(o)
    })
}
