/// A precomputed filter that narrows the rules worth checking for a request, from its
/// verb and API group alone. A rule left out of the candidates fails the apiserver's
/// verb or group test, so checking only the candidates, in order, gives the same first
/// match. Used for policies of up to 64 rules (one bit per rule); larger policies are
/// checked rule by rule.
struct RuleIndex: Sendable {
    private var verbKeys: [UInt64] = []
    private var verbMasks: [UInt64] = []
    private var otherVerbMask: UInt64 = 0
    private var groupKeys: [UInt64] = []
    private var groupMasks: [UInt64] = []
    private var otherGroupMask: UInt64 = 0
    private var nonResourceMask: UInt64 = 0

    static let maxRules = 64

    init?(rules: [CompiledPolicy.Rule], groupResources: [CompiledPolicy.GroupResource], fingerprints: [UInt64]) {
        guard rules.count <= Self.maxRules else { return nil }
        func fps(_ run: CompiledPolicy.Run) -> [UInt64] {
            Array(fingerprints[Int(run.start)..<Int(run.start + run.count)])
        }
        func groups(_ r: CompiledPolicy.Rule) -> [Int32] {
            groupResources[Int(r.groupResources.start)..<Int(r.groupResources.start + r.groupResources.count)].map(\.group)
        }
        for r in rules {
            for v in fps(r.verbs) where !verbKeys.contains(v) { verbKeys.append(v) }
            for g in groups(r) where g >= 0 && !groupKeys.contains(fingerprints[Int(g)]) {
                groupKeys.append(fingerprints[Int(g)])
            }
        }
        verbMasks = Array(repeating: 0, count: verbKeys.count)
        groupMasks = Array(repeating: 0, count: groupKeys.count)
        for (i, r) in rules.enumerated() {
            let bit: UInt64 = 1 << UInt64(i)
            if r.verbs.isEmpty {
                otherVerbMask |= bit
                for k in verbMasks.indices { verbMasks[k] |= bit }
            } else {
                let vs = fps(r.verbs)
                for (k, v) in verbKeys.enumerated() where vs.contains(v) { verbMasks[k] |= bit }
            }
            let gs = groups(r)
            if !r.resourceScoped || gs.isEmpty || gs.contains(-1) {
                // The group is never looked at, or any group passes.
                otherGroupMask |= bit
                for k in groupMasks.indices { groupMasks[k] |= bit }
            } else {
                let gfps = gs.map { fingerprints[Int($0)] }
                for (k, g) in groupKeys.enumerated() where gfps.contains(g) { groupMasks[k] |= bit }
            }
            if !r.resourceScoped { nonResourceMask |= bit }
        }
    }

    /// The candidate rules for a request, one bit per rule index.
    @inline(__always)
    func candidates(_ k: EvalKeys) -> UInt64 {
        var mask = otherVerbMask
        for i in verbKeys.indices where verbKeys[i] == k.verb {
            mask = verbMasks[i]
            break
        }
        if !k.resourceRequest { return mask & nonResourceMask }
        var groupMask = otherGroupMask
        for i in groupKeys.indices where groupKeys[i] == k.apiGroup {
            groupMask = groupMasks[i]
            break
        }
        return mask & groupMask
    }
}
