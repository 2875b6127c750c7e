/// A policy compiled into flat, reference-free records: evaluation reads integers from
/// contiguous buffers and never touches a reference count. Strings are kept beside the
/// fingerprints only to confirm a long string's fingerprint match.
final class CompiledPolicy: @unchecked Sendable {
    /// A run of entries in `fingerprints` (and `strings`).
    struct Run {
        var start: Int32
        var count: Int32
        var isEmpty: Bool { count == 0 }
    }

    struct Rule {
        var level: AuditLevel
        var omitStages: StageSet
        var omitManagedFields: Bool
        /// resources or namespaces set: only resource requests can match.
        var resourceScoped: Bool
        var verbs: Run
        var users: Run
        var userGroups: Run
        var namespaces: Run
        /// Entries in `groupResources`.
        var groupResources: Run
        /// Index into `nonResourceURLs`, or -1.
        var urls: Int32
    }

    struct GroupResource {
        /// Index of the group's fingerprint, or -1 for `"*"`.
        var group: Int32
        var names: Run
        /// Entries in `patterns`.
        var patterns: Run
    }

    struct Pattern {
        enum Kind: UInt8 { case any, exact, anyResource, anySubresource, general }
        var kind: Kind
        /// Fingerprint indices (resource, subresource) or, for `general`, the string index.
        var a: Int32
        var b: Int32
    }

    let rules: UnsafeMutableBufferPointer<Rule>
    let groupResources: UnsafeMutableBufferPointer<GroupResource>
    let patterns: UnsafeMutableBufferPointer<Pattern>
    let fingerprints: UnsafeMutableBufferPointer<UInt64>
    let strings: [String]
    let nonResourceURLs: [[URLPattern]]
    let index: RuleIndex?

    init(rules compiledRules: [Rule], groupResources grs: [GroupResource], patterns pats: [Pattern],
         keys: [StringKey], nonResourceURLs: [[URLPattern]]) {
        func copy<T>(_ xs: [T]) -> UnsafeMutableBufferPointer<T> {
            let buf = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, xs.count))
            _ = buf.initialize(from: xs)
            return UnsafeMutableBufferPointer(rebasing: buf[0..<xs.count])
        }
        index = RuleIndex(rules: compiledRules, groupResources: grs, fingerprints: keys.map(\.fingerprint))
        rules = copy(compiledRules)
        groupResources = copy(grs)
        patterns = copy(pats)
        fingerprints = copy(keys.map(\.fingerprint))
        strings = keys.map(\.string)
        self.nonResourceURLs = nonResourceURLs
    }

    deinit {
        rules.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
        groupResources.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
        patterns.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
        fingerprints.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
    }

    // MARK: - Matching (`ruleMatches`)

    /// Whether rule `i` matches. The guards are a pure conjunction, so testing the verb
    /// first (cheapest, most selective) gives the same answer as the apiserver's order.
    @inline(__always)
    func matches(_ i: Int, _ k: EvalKeys, _ s: RequestAttributes.Storage) -> Bool {
        let r = rules[i]
        if !r.verbs.isEmpty && !contains(r.verbs, k.verb, s.verb) { return false }
        if !r.users.isEmpty {
            guard k.hasUser, contains(r.users, k.username, s.username) else { return false }
        }
        if !r.userGroups.isEmpty {
            guard k.hasUser, s.groups.contains(where: { contains(r.userGroups, $0.fingerprint, $0.string) }) else {
                return false
            }
        }
        if r.resourceScoped { return matchesResource(r, k, s) }
        if r.urls >= 0 {
            if k.resourceRequest { return false }
            return nonResourceURLs[Int(r.urls)].contains { $0.matches(s.path) }
        }
        return true
    }

    @inline(__always)
    private func matchesResource(_ r: Rule, _ k: EvalKeys, _ s: RequestAttributes.Storage) -> Bool {
        guard k.resourceRequest else { return false }
        if !r.namespaces.isEmpty && !contains(r.namespaces, k.namespace, s.namespace) { return false }
        if r.groupResources.isEmpty { return true }
        for g in Int(r.groupResources.start)..<Int(r.groupResources.start + r.groupResources.count) {
            let gr = groupResources[g]
            guard gr.group < 0 || same(Int(gr.group), k.apiGroup, s.apiGroup) else { continue }
            if gr.patterns.isEmpty { return true }
            // resourceNames are checked per pattern in the apiserver; checking them once is
            // the same, since they do not depend on the pattern.
            if !gr.names.isEmpty && !contains(gr.names, k.name, s.name) { continue }
            for p in Int(gr.patterns.start)..<Int(gr.patterns.start + gr.patterns.count) where matches(patterns[p], k, s) {
                return true
            }
        }
        return false
    }

    @inline(__always)
    private func matches(_ p: Pattern, _ k: EvalKeys, _ s: RequestAttributes.Storage) -> Bool {
        switch p.kind {
        case .any: return true
        case .exact: return same(Int(p.b), k.subresource, s.subresource) && same(Int(p.a), k.resource, s.resource)
        case .anyResource: return same(Int(p.b), k.subresource, s.subresource)
        case .anySubresource: return same(Int(p.a), k.resource, s.resource)
        case .general:
            return PolicyEvaluator.generalMatch(strings[Int(p.a)], resource: s.resource, subresource: s.subresource)
        }
    }

    /// Whether entry `i` is the request's string with fingerprint `fp`. The string is read
    /// only to confirm a long string's match, so a collision can never match.
    @inline(__always)
    private func same(_ i: Int, _ fp: UInt64, _ string: @autoclosure () -> String) -> Bool {
        fingerprints[i] == fp && (!StringKey.needsConfirmation(fp) || strings[i] == string())
    }

    @inline(__always)
    private func contains(_ run: Run, _ fp: UInt64, _ string: @autoclosure () -> String) -> Bool {
        for i in Int(run.start)..<Int(run.start + run.count) where same(i, fp, string()) { return true }
        return false
    }
}

/// A `nonResourceURLs` entry: `*`, an exact path, or a prefix ending in `*`.
enum URLPattern: Sendable {
    case any
    case exact(String)
    case prefix(String)

    init(_ spec: String) {
        if spec == "*" {
            self = .any
        } else if spec.hasSuffix("*") {
            // The apiserver trims every trailing '*', then compares as a plain string prefix.
            var p = Substring(spec)
            while p.hasSuffix("*") { p = p.dropLast() }
            self = .prefix(String(p))
        } else {
            self = .exact(spec)
        }
    }

    func matches(_ path: String) -> Bool {
        switch self {
        case .any: true
        case .exact(let s): s == path
        case .prefix(let p): path.utf8.starts(with: p.utf8)
        }
    }
}
