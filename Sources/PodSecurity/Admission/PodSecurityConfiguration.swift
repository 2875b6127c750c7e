/// The admission plugin's configuration (pod-security.admission.config.k8s.io/v1
/// PodSecurityConfiguration): the policy for unlabelled modes and the exemptions.
public struct PodSecurityConfiguration: Sendable, Equatable {
    /// Exemptions skip evaluation entirely (admission/api/types.go PodSecurityExemptions).
    public struct Exemptions: Sendable, Equatable {
        public var usernames: [String]
        public var namespaces: [String]
        public var runtimeClasses: [String]

        public init(usernames: [String] = [], namespaces: [String] = [], runtimeClasses: [String] = []) {
            self.usernames = usernames
            self.namespaces = namespaces
            self.runtimeClasses = runtimeClasses
        }
    }

    public var defaults: NamespacePolicy
    public var exemptions: Exemptions

    public init(defaults: NamespacePolicy = .privileged, exemptions: Exemptions = Exemptions()) {
        self.defaults = defaults
        self.exemptions = exemptions
    }

    func exemptNamespace(_ ns: String) -> Bool { !ns.isEmpty && exemptions.namespaces.contains(ns) }
    func exemptUser(_ user: String) -> Bool { !user.isEmpty && exemptions.usernames.contains(user) }
    func exemptRuntimeClass(_ rc: String?) -> Bool {
        guard let rc, !rc.isEmpty else { return false }
        return exemptions.runtimeClasses.contains(rc)
    }

    /// admissionapi.ToPolicy for the `defaults` stanza (v1 defaulting fills privileged and
    /// latest first); the messages name the field, e.g. `enforce: must be one of ...`.
    public static func defaultsPolicy(_ fields: [String: String]) -> (policy: NamespacePolicy, errors: [String]) {
        var p = NamespacePolicy.privileged
        var errors: [String] = []
        func level(_ key: String) -> PodSecurityLevel {
            let text = fields[key].flatMap { $0.isEmpty ? nil : $0 } ?? "privileged"
            let r = PodSecurityLevel.parse(text)
            if let e = r.error { errors.append("\(key): \(e)") }
            return r.level
        }
        func version(_ key: String) -> PodSecurityVersion {
            let text = fields[key].flatMap { $0.isEmpty ? nil : $0 } ?? "latest"
            let r = PodSecurityVersion.parse(text)
            if let e = r.error { errors.append("\(key): \(e)") }
            return r.version
        }
        p.enforce = LevelVersion(level("enforce"), version("enforce-version"))
        p.audit = LevelVersion(level("audit"), version("audit-version"))
        p.warn = LevelVersion(level("warn"), version("warn-version"))
        return (p, errors)
    }
}
