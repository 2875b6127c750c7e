/// Evaluates requests against a validated policy exactly as kube-apiserver's
/// `policyRuleEvaluator` does: rules in order, the first match wins.
///
/// Everything that does not depend on the request (the omitStages union, the
/// omitManagedFields default, parsed levels and resource patterns) is computed once
/// here, into a `CompiledPolicy`. `explain` walks the policy as written instead, as an
/// independent, readable statement of the same rules; tests hold the two together.
public struct PolicyEvaluator: Sendable {
    let program: CompiledPolicy
    /// The policy as written, for explanations.
    public let policy: AuditPolicy
    let defaultOmitStages: StageSet
    let defaultOmitManagedFields: Bool

    /// Fails when a level or stage is not valid; load and validate the policy first.
    public init(_ policy: AuditPolicy) throws(PolicyEvaluatorError) {
        var policyStages = StageSet()
        for s in policy.omitStages {
            guard let stage = AuditStage(rawValue: s) else { throw .invalidStage(s) }
            policyStages.insert(stage)
        }
        var keys: [StringKey] = []
        func run(_ xs: [String]) -> CompiledPolicy.Run {
            let start = Int32(keys.count)
            keys += xs.map(StringKey.init)
            return .init(start: start, count: Int32(xs.count))
        }
        var rules: [CompiledPolicy.Rule] = []
        var grs: [CompiledPolicy.GroupResource] = []
        var patterns: [CompiledPolicy.Pattern] = []
        var urls: [[URLPattern]] = []
        for rule in policy.rules {
            guard let level = AuditLevel(rawValue: rule.level) else { throw .invalidLevel(rule.level) }
            var stages = policyStages
            for s in rule.omitStages {
                guard let stage = AuditStage(rawValue: s) else { throw .invalidStage(s) }
                stages.insert(stage)
            }
            let grStart = Int32(grs.count)
            for gr in rule.resources {
                let group: Int32 = gr.group == "*" ? -1 : run([gr.group]).start
                let names = run(gr.resourceNames)
                let patStart = Int32(patterns.count)
                for res in gr.resources { patterns.append(Self.pattern(res, &keys)) }
                grs.append(.init(group: group, names: names,
                                 patterns: .init(start: patStart, count: Int32(gr.resources.count))))
            }
            var urlIndex: Int32 = -1
            if !rule.nonResourceURLs.isEmpty {
                urlIndex = Int32(urls.count)
                urls.append(rule.nonResourceURLs.map(URLPattern.init))
            }
            rules.append(.init(
                level: level, omitStages: stages, omitManagedFields: rule.omitManagedFields ?? policy.omitManagedFields,
                resourceScoped: !rule.resources.isEmpty || !rule.namespaces.isEmpty,
                verbs: run(rule.verbs), users: run(rule.users), userGroups: run(rule.userGroups),
                namespaces: run(rule.namespaces),
                groupResources: .init(start: grStart, count: Int32(rule.resources.count)), urls: urlIndex))
        }
        program = CompiledPolicy(rules: rules, groupResources: grs, patterns: patterns, keys: keys,
                                 nonResourceURLs: urls)
        self.policy = policy
        defaultOmitStages = policyStages
        defaultOmitManagedFields = policy.omitManagedFields
    }

    /// One string of `resources`: `*`, `res`, `res/sub`, `*/sub`, or `res/*` (which also
    /// matches `res` with no subresource: the apiserver then compares only the resource).
    private static func pattern(_ res: String, _ keys: inout [StringKey]) -> CompiledPolicy.Pattern {
        func key(_ s: some StringProtocol) -> Int32 {
            keys.append(StringKey(String(s)))
            return Int32(keys.count - 1)
        }
        if res == "*" { return .init(kind: .any, a: -1, b: -1) }
        let parts = res.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1 { return .init(kind: .exact, a: key(res), b: key("")) }
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
            let (r, sub) = (parts[0], parts[1])
            if r == "*" && sub != "*" { return .init(kind: .anyResource, a: -1, b: key(sub)) }
            if sub == "*" && r != "*" { return .init(kind: .anySubresource, a: key(r), b: -1) }
            if r != "*" && sub != "*" { return .init(kind: .exact, a: key(r), b: key(sub)) }
        }
        // `*/*`, empty parts, more than one `/`: checked with the apiserver's three tests as written.
        return .init(kind: .general, a: key(res), b: -1)
    }

    public var ruleCount: Int { program.rules.count }

    /// The decision for one request.
    public func evaluate(_ a: RequestAttributes) -> PolicyDecision {
        withUnsafePointer(to: a) { decide(at: $0) }
    }

    /// Decisions for a batch of requests, in order, read in place.
    public func evaluate(_ requests: [RequestAttributes], _ body: (Int, PolicyDecision) -> Void) {
        requests.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            for i in buf.indices {
                body(i, decide(at: base + i))
            }
        }
    }

    private static let storageOffset = MemoryLayout<RequestAttributes>.offset(of: \RequestAttributes.storage)!

    /// Evaluates the request at `p` without retaining its storage: the caller keeps the
    /// request alive, and a retain would write to the storage object for every request,
    /// which on a large stream costs more than the evaluation itself.
    @inline(__always)
    private func decide(at p: UnsafePointer<RequestAttributes>) -> PolicyDecision {
        let object = UnsafeRawPointer(p).load(fromByteOffset: Self.storageOffset, as: UnsafeRawPointer.self)
        let keys = p.pointee.keys
        return Unmanaged<RequestAttributes.Storage>.fromOpaque(object)._withUnsafeGuaranteedRef { decide(keys, $0) }
    }

    @inline(__always)
    func decide(_ keys: EvalKeys, _ storage: RequestAttributes.Storage) -> PolicyDecision {
        let p = program
        if let index = p.index {
            // Only the rules whose verb and group tests can pass, lowest index first.
            var candidates = index.candidates(keys)
            while candidates != 0 {
                let i = candidates.trailingZeroBitCount
                candidates &= candidates &- 1
                if p.matches(i, keys, storage) { return decision(rule: i) }
            }
        } else {
            for i in 0..<p.rules.count where p.matches(i, keys, storage) { return decision(rule: i) }
        }
        return PolicyDecision(level: .none, omitStages: defaultOmitStages,
                              omitManagedFields: defaultOmitManagedFields, rule: nil)
    }

    @inline(__always)
    private func decision(rule i: Int) -> PolicyDecision {
        let r = program.rules[i]
        return PolicyDecision(level: r.level, omitStages: r.omitStages, omitManagedFields: r.omitManagedFields, rule: i)
    }

    /// The apiserver's tests for one `resources` string, as written (for the unusual forms).
    static func generalMatch(_ res: String, resource: String, subresource: String) -> Bool {
        let combined = subresource.isEmpty ? resource : resource + "/" + subresource
        if res == combined { return true }
        if !subresource.isEmpty && res == "*/" + subresource { return true }
        return res.hasSuffix("/*") && resource == String(res.dropLast(2))
    }
}

/// A policy that was not validated reached the evaluator.
public enum PolicyEvaluatorError: Error, Equatable, Sendable {
    case invalidLevel(String)
    case invalidStage(String)
}
