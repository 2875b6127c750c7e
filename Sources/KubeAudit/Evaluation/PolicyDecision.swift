/// What the policy decides for one request (`RequestAuditConfig` plus the rule that won).
public struct PolicyDecision: Sendable, Equatable {
    public var level: AuditLevel
    /// The policy-wide omitStages united with the matching rule's.
    public var omitStages: StageSet
    public var omitManagedFields: Bool
    /// 0-based index of the first rule that matched; nil when none did (level None).
    public var rule: Int?

    public init(level: AuditLevel, omitStages: StageSet, omitManagedFields: Bool, rule: Int?) {
        self.level = level
        self.omitStages = omitStages
        self.omitManagedFields = omitManagedFields
        self.rule = rule
    }
}
