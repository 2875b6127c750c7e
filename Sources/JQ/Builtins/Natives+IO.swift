import JSONValue

extension Natives {
    static let io: [Native] = [
        Native("input", 0, .contextual { I, _, _ in
            guard let v = try I.env.nextInput() else { throw JQError("No more inputs") }
            return v
        }),
        Native("debug", 0, .generator { I, _, x, p, _, k in
            I.env.diagnosticsSink("[\"DEBUG:\",\(JSONText.dump(x))]\n")
            try k(x, p)
        }),
        Native("debug", 1, .generator { I, args, x, p, f, k in
            try I.evalLambda(args[0], x, nil, f) { m, _ in
                I.env.diagnosticsSink("[\"DEBUG:\",\(JSONText.dump(m))]\n")
            }
            try k(x, p)
        }),
        Native("stderr", 0, .generator { I, _, x, p, _, k in
            if case .string(let s) = x {
                I.env.diagnosticsSink(s)
            } else {
                I.env.diagnosticsSink(JSONText.dump(x))
            }
            try k(x, p)
        }),
        Native("input_filename", 0, .contextual { I, _, _ in I.env.currentFilename() }),
        Native("input_line_number", 0, .contextual { I, _, _ in .number(I.env.currentLine()) }),
        Native("get_jq_origin", 0, .contextual { I, _, _ in I.env.jqOrigin.map(JSON.string) ?? .null }),
        Native("get_prog_origin", 0, .contextual { I, _, _ in I.env.programOrigin.map(JSON.string) ?? .null }),
        Native("now", 0, .contextual { I, _, _ in .number(JSONNumber(I.env.now())) }),
        Native("halt", 0, .unary { _ in throw JQHalt(exitCode: 0, value: nil) }),
        Native("halt_error", 0, .unary { v in throw JQHalt(exitCode: 5, value: v) }),
        Native("halt_error", 1, .values { v, a in
            guard case .number(let n) = a[0] else { throw JQError.type(a[0], "halt_error/1: number required") }
            // jq's main: `ret = jv_number_value(exit_code)`, an int conversion.
            throw JQHalt(exitCode: CNumeric.int32(n.double), value: v)
        }),
        Native("get_search_list", 0, .contextual { I, _, _ in
            .array(I.program.libraryPaths.map { .string($0) })
        }),
        Native("modulemeta", 0, .contextual { I, x, _ in
            guard case .string(let name) = x else { throw JQError("modulemeta input module name must be a string") }
            return try ModuleLoader.metadata(name, searchPaths: I.program.libraryPaths)
        }),
        Native("ltrimstr", 1, .values { v, a in
            guard case .string(let s) = v, case .string(let t) = a[0] else {
                throw JQError("startswith() requires string inputs")
            }
            guard s.utf8.starts(with: t.utf8) else { return v }
            return .string(String(decoding: Array(s.utf8.dropFirst(t.utf8.count)), as: UTF8.self))
        }),
        Native("rtrimstr", 1, .values { v, a in
            guard case .string(let s) = v, case .string(let t) = a[0] else {
                throw JQError("endswith() requires string inputs")
            }
            guard s.utf8.count >= t.utf8.count, Array(s.utf8.suffix(t.utf8.count)) == Array(t.utf8) else { return v }
            return .string(String(decoding: Array(s.utf8.dropLast(t.utf8.count)), as: UTF8.self))
        }),
    ]
}
