/// The direct sub-expressions of a resolved node, for walks that look at every
/// part of a program (function bodies and closure arguments are not included:
/// walkers decide whether to enter them).
extension InputPathAnalysis {
    static func children(_ n: Node) -> [Node] {
        switch n {
        case .identity, .recurseDefault, .literal, .format, .variable, .breakLabel, .callParam, .builtinsList:
            return []
        case .field(let a, _), .iterate(let a), .tryOpt(let a), .neg(let a), .label(_, let a):
            return [a]
        case .index(let a, let b), .pipe(let a, let b), .comma(let a, let b), .binary(_, let a, let b),
             .and(let a, let b), .or(let a, let b), .alternative(let a, let b), .update(_, let a, let b):
            return [a, b]
        case .slice(let a, let b, let c):
            return [a] + [b, c].compactMap { $0 }
        case .array(let a):
            return a.map { [$0] } ?? []
        case .object(let entries):
            return entries.flatMap { [$0.key, $0.value] }
        case .string(let parts, _):
            return parts.compactMap { if case .interp(let p) = $0 { return p } else { return nil } }
        case .ifThen(let c, let t, let e):
            return [c, t] + (e.map { [$0] } ?? [])
        case .tryCatch(let a, let b):
            return [a] + (b.map { [$0] } ?? [])
        case .reduce(let a, let p, let b, let c):
            return [a, b, c] + patternNodes(p)
        case .foreach(let a, let p, let b, let c, let d):
            return [a, b, c] + (d.map { [$0] } ?? []) + patternNodes(p)
        case .bind(let a, let ps, let b, _):
            return [a, b] + ps.flatMap(patternNodes)
        case .callFunc(_, _, let args):
            return args.compactMap { if case .lambda(let l) = $0 { return l.body } else { return nil } }
        case .native(_, let args):
            return args.map(\.body)
        }
    }

    /// Key expressions inside a destructuring pattern.
    static func patternNodes(_ p: RPattern) -> [Node] {
        switch p {
        case .variable: return []
        case .array(let items): return items.flatMap(patternNodes)
        case .object(let items):
            return items.flatMap { item -> [Node] in
                var out: [Node] = []
                if case .expr(let e) = item.key { out.append(e) }
                if let sub = item.pattern { out += patternNodes(sub) }
                return out
            }
        }
    }
}
