import Diagnostics

/// kube-apiserver's NetworkPolicy validation on create (`ValidateNetworkPolicy` in
/// kubernetes/kubernetes pkg/apis/networking/validation), with its field paths and wording.
/// `StrictIPCIDRValidation` is alpha and off by default, so CIDRs are checked the legacy
/// way: `10.0.1.10/4` (host bits set) is accepted.
public enum PolicyValidation {
    public static func validate(_ policy: NetworkPolicy) -> [FieldError] {
        var errors = validateMetadata(policy)
        errors += LabelValidation.validate(policy.podSelector, path: "spec.podSelector")
        for (i, rule) in policy.ingress.enumerated() {
            errors += validate(rule, path: "spec.ingress[\(i)]", peers: "from")
        }
        for (i, rule) in policy.egress.enumerated() {
            errors += validate(rule, path: "spec.egress[\(i)]", peers: "to")
        }
        errors += validatePolicyTypes(policy.declaredPolicyTypes)
        return errors
    }

    /// The parts of `ValidateObjectMeta` that a NetworkPolicy file can get wrong.
    static func validateMetadata(_ policy: NetworkPolicy) -> [FieldError] {
        var errors: [FieldError] = []
        if policy.name.isEmpty {
            errors.append(.required("metadata.name", "name or generateName is required"))
        } else {
            for msg in LabelValidation.dns1123SubdomainProblems(policy.name) {
                errors.append(.invalid("metadata.name", .string(policy.name), msg))
            }
        }
        for msg in LabelValidation.dns1123LabelProblems(policy.namespace) {
            errors.append(.invalid("metadata.namespace", .string(policy.namespace), msg))
        }
        return errors
    }

    static func validate(_ rule: PolicyRule, path: String, peers: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (i, port) in rule.ports.enumerated() {
            errors += validate(port, path: "\(path).ports[\(i)]")
        }
        for (i, peer) in rule.peers.enumerated() {
            errors += validate(peer, path: "\(path).\(peers)[\(i)]")
        }
        return errors
    }

    /// `ValidateNetworkPolicyPort`.
    public static func validate(_ port: PolicyPort, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let proto = port.protocolText, PortProtocol(rawValue: proto) == nil {
            errors.append(.notSupported(path + ".protocol", .json(GoQuote.json(proto)), ["TCP", "UDP", "SCTP"]))
        }
        switch port.port {
        case .number(let n)?:
            for msg in portNumberProblems(n) { errors.append(.invalid(path + ".port", .int(n), msg)) }
            if let end = port.endPort {
                if end < n { errors.append(.invalid(path + ".endPort", .int(end), "must be greater than or equal to `port`")) }
                for msg in portNumberProblems(end) { errors.append(.invalid(path + ".endPort", .int(end), msg)) }
            }
        case .name(let name)?:
            if let end = port.endPort {
                errors.append(.invalid(path + ".endPort", .int(end), "may not be specified when `port` is non-numeric"))
            }
            for msg in portNameProblems(name) { errors.append(.invalid(path + ".port", .string(name), msg)) }
        case nil:
            if let end = port.endPort {
                errors.append(.invalid(path + ".endPort", .int(end), "may not be specified when `port` is not specified"))
            }
        }
        return errors
    }

    /// `ValidateNetworkPolicyPeer`.
    static func validate(_ peer: Peer, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var count = 0
        if let s = peer.podSelector {
            count += 1
            errors += LabelValidation.validate(s, path: path + ".podSelector")
        }
        if let s = peer.namespaceSelector {
            count += 1
            errors += LabelValidation.validate(s, path: path + ".namespaceSelector")
        }
        if let block = peer.ipBlock {
            count += 1
            errors += validate(block, path: path + ".ipBlock")
        }
        if count == 0 {
            errors.append(.required(path, "must specify a peer"))
        } else if count > 1 && peer.ipBlock != nil {
            errors.append(.forbidden(path, "may not specify both ipBlock and another peer"))
        }
        return errors
    }

    /// `ValidateIPBlock` with legacy (non-strict) CIDR parsing.
    public static func validate(_ block: IPBlock, path: String) -> [FieldError] {
        if block.cidr.isEmpty { return [.required(path + ".cidr", "")] }
        guard let cidr = CIDR(block.cidr) else {
            return [.invalid(path + ".cidr", .string(block.cidr), invalidCIDR)]
        }
        var errors: [FieldError] = []
        for (i, text) in block.except.enumerated() {
            let p = "\(path).except[\(i)]"
            guard let except = CIDR(text) else {
                errors.append(.invalid(p, .string(text), invalidCIDR))
                continue
            }
            if !cidr.contains(except.network) || cidr.prefixLength >= except.prefixLength {
                errors.append(.invalid(p, .string(text), "must be a strict subset of `cidr`"))
            }
        }
        return errors
    }

    static let invalidCIDR = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"

    static func validatePolicyTypes(_ types: [String]) -> [FieldError] {
        if types.count > 2 {
            return [.invalid("spec.policyTypes", .json(GoQuote.jsonArray(types)), "may not specify more than two policyTypes")]
        }
        var errors: [FieldError] = []
        for (i, t) in types.enumerated() where t != "Ingress" && t != "Egress" {
            errors.append(.notSupported("spec.policyTypes[\(i)]", .json(GoQuote.json(t)), ["Ingress", "Egress"]))
        }
        return errors
    }

    /// `validation.IsValidPortNum`.
    public static func portNumberProblems(_ n: Int) -> [String] {
        (1...65535).contains(n) ? [] : ["must be between 1 and 65535, inclusive"]
    }

    /// `validation.IsValidPortName` (its length message says "characters", unlike label checks).
    public static func portNameProblems(_ name: String) -> [String] {
        var errs: [String] = []
        let u = Array(name.utf8)
        if u.count > 15 { errs.append("must be no more than 15 characters") }
        let lowerOrDigit: (UInt8) -> Bool = { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }
        if u.isEmpty || !u.allSatisfy({ lowerOrDigit($0) || $0 == UInt8(ascii: "-") }) {
            errs.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if !u.contains(where: { $0 >= 97 && $0 <= 122 }) { errs.append("must contain at least one letter (a-z)") }
        if name.contains("--") { errs.append("must not contain consecutive hyphens") }
        if let f = u.first, let l = u.last, f == UInt8(ascii: "-") || l == UInt8(ascii: "-") {
            errs.append("must not begin or end with a hyphen")
        }
        return errs
    }
}
