import PodSecurity

/// A `pss-manifest` lab: the answer is one pod or workload manifest that must be admitted
/// under `levelVersion` (the pod it makes, for a controller) and still hold what the
/// workload needs (`requires`).
public struct PSSManifestSpec: Sendable {
    /// The level and version the answer is checked against (`restricted:v1.35`).
    public var levelVersion: LevelVersion
    /// The namespace the answer is created in (only named in the forbidden error).
    public var namespace: String
    public var requires: [PSSRequirement]
}

/// One thing the answer must keep: a field path and the value it must hold.
public struct PSSRequirement: Sendable {
    /// What is kept, in words ("the image stays nginxinc/nginx-unprivileged:1.27").
    public var name: String
    /// A path into the manifest: `spec.containers[name=web].ports[*].containerPort`.
    public var path: PSSFieldPath
    /// Some value at `path` must have this text; nil: something must be there.
    public var equals: String?
    /// true: nothing may be at the path (a field that must be gone).
    public var absent: Bool
}

/// A `pss-labels` lab: the answer is a Namespace; probe pods are sent to it and each must
/// be allowed or refused, warned or not, audited or not, as stated.
public struct PSSLabelsSpec: Sendable {
    /// The namespace the answer must declare.
    public var namespace: String
    public var probes: [PSSProbe]
    /// Modes (enforce, warn, audit) whose version label must name a version (v1.x), not latest.
    public var pinned: [String]
    /// Labels the answer must carry with these values (e.g. a team label the cluster needs).
    public var labels: [String: String]
}

/// A pod sent to the learner's namespace, and what admission must do with it.
public struct PSSProbe: Sendable {
    public var id: String
    public var object: PodSecurityObject
    /// The manifest as written in the lab, for `peek`.
    public var text: String
    public var allowed: Bool
    public var warned: Bool
    public var audited: Bool
}

/// A `pss-predict` lab: namespaces with labels, objects created in them, and which facts an
/// answer states for each object.
public struct PSSPredictSpec: Sendable {
    public enum Fact: String, Sendable, CaseIterable {
        /// allowed, warning or forbidden.
        case outcome
        /// The check ids of the message that decides the outcome (forbidden: enforce;
        /// warning: warn; allowed: none).
        case checks
        /// The check ids recorded in the audit-violations annotation.
        case audit
    }

    public struct Namespace: Sendable {
        public var name: String
        public var labels: [(key: String, value: String)]

        public var labelMap: [String: String] {
            Dictionary(labels.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        }
    }

    public struct Item: Sendable {
        /// The object's metadata.name: the answer's key.
        public var id: String
        public var namespace: String
        public var object: PodSecurityObject
    }

    public var namespaces: [Namespace]
    public var ask: [Fact]
    public var items: [Item]
    /// The manifests as written in the lab, for `peek`.
    public var text: String

    public func namespace(_ name: String) -> Namespace? { namespaces.first { $0.name == name } }
}

/// A dotted path into a YAML manifest: keys, `[*]` (every entry), `[N]` (one entry) and
/// `[key=value]` (the entries of a list whose `key` is `value`).
public struct PSSFieldPath: Sendable, CustomStringConvertible {
    public enum Step: Sendable, Equatable {
        case key(String)
        case every
        case index(Int)
        case matching(key: String, value: String)
    }

    public var steps: [Step]
    public var description: String

    /// Parses `a.b[*].c[name=x]`; nil when the text is not a path.
    public init?(_ text: String) {
        var steps: [Step] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let keyEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let key = rest[..<keyEnd]
            if key.isEmpty && keyEnd == rest.endIndex { return nil }
            if !key.isEmpty { steps.append(.key(String(key))) }
            rest = rest[keyEnd...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                if inner == "*" {
                    steps.append(.every)
                } else if let n = Int(inner), n >= 0 {
                    steps.append(.index(n))
                } else if let eq = inner.firstIndex(of: "="), eq != inner.startIndex {
                    steps.append(.matching(key: String(inner[..<eq]), value: String(inner[inner.index(after: eq)...])))
                } else {
                    return nil
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        if steps.isEmpty { return nil }
        self.steps = steps
        description = text
    }
}
