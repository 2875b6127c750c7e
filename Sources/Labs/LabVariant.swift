/// Which version of a lab one learner gets: a class derives a seed per learner and lab
/// (Classroom's `VariantKeys`); `standard` (no seed) is the lab as written, which is what
/// every check outside a class uses.
public struct LabVariant: Sendable, Equatable, Hashable {
    /// The learner's seed for this lab; nil is the lab as written.
    public var seed: UInt64?

    public init(seed: UInt64?) { self.seed = seed }

    public static let standard = LabVariant(seed: nil)

    /// The largest query-lab seed a variant hands out: seeds print in the lab's text, so
    /// they are kept to nine digits.
    public static let querySeedRange: UInt64 = 1_000_000_000
}

/// What one variant of a predict lab changes: the policy or the requests (so the correct
/// answer changes), and the texts that show them (task, hints, reference).
public struct LabVariantContent: Sendable {
    public var task: String?
    public var lesson: String?
    public var hints: [String]?
    public var reference: String
    public var spec: LabSpec

    public init(task: String?, lesson: String? = nil, hints: [String]?, reference: String, spec: LabSpec) {
        self.task = task
        self.lesson = lesson
        self.hints = hints
        self.reference = reference
        self.spec = spec
    }
}

extension Lab {
    /// How many versions the lab has (1 when it has no `variants:`).
    public var variantCount: Int { variants.count + 1 }

    /// The version `index` (0 = as written); the result has no further variants.
    public func variant(index: Int) -> Lab {
        var lab = self
        lab.variants = []
        guard index > 0, index <= variants.count else { return lab }
        let v = variants[index - 1]
        lab.task = v.task ?? task
        lab.lesson = v.lesson ?? lesson
        lab.hints = v.hints ?? hints
        lab.reference = v.reference
        lab.spec = v.spec
        return lab
    }

    /// The lab as the learner with `variant` sees and is graded on. Query labs take the
    /// learner's seed for the log they can see (the hidden logs stay); labs with
    /// `variants:` pick one of their versions from the seed; other labs are unchanged.
    public func resolved(for learner: LabVariant) -> Lab {
        guard let seed = learner.seed else { return self }
        var lab = self.variant(index: Int(seed % UInt64(variantCount)))
        if case .query(var q) = lab.spec, !q.seeds.isEmpty {
            q.seeds[0] = seed % LabVariant.querySeedRange
            lab.spec = .query(q)
        }
        return lab
    }
}
