import JSONValue

extension Natives {
    static let generators: [Native] = [
        Native("range", 2, .generator { I, args, x, p, f, k in
            try I.evalLambda(args[0], x, nil, f) { from, _ in
                try I.evalLambda(args[1], x, nil, f) { upto, _ in
                    guard case .number(let a) = from, case .number(let b) = upto else {
                        throw JQError("Range bounds must be numeric")
                    }
                    var i = a.double
                    let out: Path? = p == nil ? nil : Interpreter.invalid
                    while i < b.double {
                        try I.tick()
                        try k(.number(JSONNumber(i)), out)
                        i += 1
                    }
                }
            }
        }),
        Native("range", 3, .generator { I, args, x, p, f, k in
            // def range($init; $upto; $by): first parameter outermost.
            try I.evalLambda(args[0], x, nil, f) { v0, _ in
            try I.evalLambda(args[1], x, nil, f) { v1, _ in
            try I.evalLambda(args[2], x, nil, f) { v2, _ in
                let v = [v0, v1, v2]
                let out: Path? = p == nil ? nil : Interpreter.invalid
                guard case .number(let by) = v[2] else {
                    // jq compares $by with 0 first; a non-number is never > 0 unless it sorts after numbers.
                    if Values.compare(v[2], .number(0)) > 0 {
                        var cur = v[0]
                        while Values.compare(cur, v[1]) < 0 {
                            try k(cur, out)
                            cur = try Values.add(cur, v[2])
                        }
                    }
                    return
                }
                var cur = v[0]
                if by.double > 0 {
                    while Values.compare(cur, v[1]) < 0 {
                        try I.tick()
                        try k(cur, out)
                        cur = try Values.add(cur, v[2])
                    }
                } else if by.double < 0 {
                    while Values.compare(cur, v[1]) > 0 {
                        try I.tick()
                        try k(cur, out)
                        cur = try Values.add(cur, v[2])
                    }
                }
            }
            }
            }
        }),
        Native("limit", 2, .generator { I, args, x, p, f, k in
            try I.evalLambda(args[0], x, nil, f) { nv, _ in
                if Values.compare(nv, .number(0)) <= 0 {
                    if nv == .number(0) || Values.compare(nv, .number(0)) == 0 { return }
                    throw JQError("limit doesn't support negative count")
                }
                guard case .number(let n) = nv else {
                    // Values above all numbers: no limit.
                    try I.evalLambda(args[1], x, p, f, k)
                    return
                }
                var left = n.double
                let id = I.newID()
                do {
                    try I.evalLambda(args[1], x, p, f) { v, vp in
                        left -= 1
                        try k(v, vp)
                        if left <= 0 { throw BreakSignal(id: id) }
                    }
                } catch let b as BreakSignal where b.id == id {}
            }
        }),
        Native("skip", 2, .generator { I, args, x, p, f, k in
            try I.evalLambda(args[0], x, nil, f) { nv, _ in
                if Values.compare(nv, .number(0)) < 0 { throw JQError("skip doesn't support negative count") }
                guard case .number(let n) = nv else { return }
                var left = n.double
                try I.evalLambda(args[1], x, p, f) { v, vp in
                    if left > 0 { left -= 1; return }
                    try k(v, vp)
                }
            }
        }),
        Native("first", 1, .generator { I, args, x, p, f, k in
            let id = I.newID()
            do {
                try I.evalLambda(args[0], x, p, f) { v, vp in
                    try k(v, vp)
                    throw BreakSignal(id: id)
                }
            } catch let b as BreakSignal where b.id == id {}
        }),
        Native("last", 1, .generator { I, args, x, p, f, k in
            var last: (JSON, Path?)?
            try I.evalLambda(args[0], x, p, f) { v, vp in last = (v, vp) }
            if let last { try k(last.0, last.1) }
        }),
        Native("isempty", 1, .generator { I, args, x, p, f, k in
            let id = I.newID()
            var empty = true
            do {
                try I.evalLambda(args[0], x, nil, f) { _, _ in
                    empty = false
                    throw BreakSignal(id: id)
                }
            } catch let b as BreakSignal where b.id == id {}
            try k(.bool(empty), p == nil ? nil : Interpreter.invalid)
        }),
        Native("any", 2, .generator { I, args, x, p, f, k in
            let id = I.newID()
            var r = false
            do {
                try I.evalLambda(args[0], x, nil, f) { v, _ in
                    try I.evalLambda(args[1], v, nil, f) { c, _ in
                        if Values.isTruthy(c) { r = true; throw BreakSignal(id: id) }
                    }
                }
            } catch let b as BreakSignal where b.id == id {}
            try k(.bool(r), p == nil ? nil : Interpreter.invalid)
        }),
        Native("all", 2, .generator { I, args, x, p, f, k in
            let id = I.newID()
            var r = true
            do {
                try I.evalLambda(args[0], x, nil, f) { v, _ in
                    try I.evalLambda(args[1], v, nil, f) { c, _ in
                        if !Values.isTruthy(c) { r = false; throw BreakSignal(id: id) }
                    }
                }
            } catch let b as BreakSignal where b.id == id {}
            try k(.bool(r), p == nil ? nil : Interpreter.invalid)
        }),
        Native("recurse", 1, .generator { I, args, x, p, f, k in
            func go(_ v: JSON, _ vp: Path?) throws {
                try I.enterCall()
                defer { I.depth -= 1 }
                try k(v, vp)
                try I.evalLambda(args[0], v, vp, f) { c, cp in try go(c, cp) }
            }
            try go(x, p)
        }),
        Native("recurse", 0, .generator { I, _, x, p, _, k in
            // recurse(.[]?)
            try I.recurse(x, p, k)
        }),
        Native("while", 2, .generator { I, args, x, p, f, k in
            func go(_ v: JSON, _ vp: Path?) throws {
                try I.enterCall()
                defer { I.depth -= 1 }
                try I.evalLambda(args[0], v, nil, f) { c, _ in
                    guard Values.isTruthy(c) else { return }
                    try k(v, vp)
                    try I.evalLambda(args[1], v, vp, f) { n, np in try go(n, np) }
                }
            }
            try go(x, p)
        }),
        Native("until", 2, .generator { I, args, x, p, f, k in
            func go(_ v: JSON, _ vp: Path?) throws {
                try I.enterCall()
                defer { I.depth -= 1 }
                try I.evalLambda(args[0], v, nil, f) { c, _ in
                    if Values.isTruthy(c) {
                        try k(v, vp)
                    } else {
                        try I.evalLambda(args[1], v, vp, f) { n, np in try go(n, np) }
                    }
                }
            }
            try go(x, p)
        }),
        Native("repeat", 1, .generator { I, args, x, p, f, k in
            // jq 1.8: def repeat(f): def _repeat: f, _repeat; _repeat;  (f again on the same input)
            while true {
                try I.tick()
                try I.evalLambda(args[0], x, p, f, k)
            }
        }),
        Native("walk", 1, .generator { I, args, x, p, f, k in
            func w(_ v: JSON, _ out: (JSON) throws -> Void) throws {
                try I.enterCall()
                defer { I.depth -= 1 }
                var nv = v
                switch v {
                case .array(let a):
                    var r: [JSON] = []
                    r.reserveCapacity(a.count)
                    for e in a { try w(e) { r.append($0) } }
                    nv = .array(r)
                case .object(let o):
                    // map_values(w): a child with no output is deleted; only the first output is kept.
                    var r = JSONObject()
                    for (key, e) in o {
                        var first: JSON?
                        try w(e) { if first == nil { first = $0 } }
                        if let first { r[key] = first }
                    }
                    nv = .object(r)
                default:
                    break
                }
                try I.evalLambda(args[0], nv, nil, f) { r, _ in try out(r) }
            }
            try w(x) { try k($0, p == nil ? nil : Interpreter.invalid) }
        }),
        Native("env", 0, .contextual { I, _, _ in
            var o = JSONObject()
            for (key, v) in I.env.environment.sorted(by: { $0.key < $1.key }) { o[key] = .string(v) }
            return .object(o)
        }),
        Native("splits", 1, .generator { I, args, x, p, f, k in
            try I.evalLambda(args[0], x, nil, f) { re, _ in
                for s in try Regex.split(x, re, .null) { try k(s, p == nil ? nil : Interpreter.invalid) }
            }
        }),
        Native("splits", 2, .generator { I, args, x, p, f, k in
            try I.cartesian(args, 1, [.null, .null], x, f) { a in
                for s in try Regex.split(x, a[0], a[1]) { try k(s, p == nil ? nil : Interpreter.invalid) }
            }
        }),
    ]
}
