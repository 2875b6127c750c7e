import Labs

/// What the session's generic commands mean for each kind of lab. A new kind adds its
/// case to each switch here (the compiler lists them) and its tools in Trainer+LabTools.
enum LabAffordances {
    /// How to work on a lab of this kind, said when it opens.
    static func workflow(_ spec: LabSpec) -> String {
        switch spec {
        case .policy, .fix: "Write the policy with `write` (end with a line `.`), `edit` or `load FILE`; `explain` a request; `check`."
        case .query: "Try queries with `try FILTER` on the log (`peek` shows events); set the answer with `answer FILTER` or `write`; `check`."
        case .predict: "Write your predictions with `write` (YAML, end with a line `.`), `edit` or `load FILE`; `check`."
        case .pssManifest: "Write the manifest with `write` (end with a line `.`), `edit` or `load FILE`; `explain` runs every check on it; `check`."
        case .pssLabels: "Write the Namespace with `write` (end with a line `.`), `edit` or `load FILE`; `peek` shows the probe pods; `explain PROBE` shows admission on one; `check`."
        case .pssPredict: "`peek` shows the namespaces and objects; write your predictions with `write` (YAML, end with a line `.`), `edit` or `load FILE`; `explain NAME LEVEL[:VERSION]` runs the checks; `check`."
        case .netpol: "`peek` shows the cluster; write NetworkPolicies with `write` (end with a line `.`), `edit` or `load FILE`; "
            + "`explain FROM TO PORT[/PROTOCOL]` a connection under your answer; `check`."
        case .netpolPredict: "`peek` shows the cluster and its policies; write your prediction with `write` (YAML, end with a line `.`), "
            + "`edit` or `load FILE`; `check`. (`explain FROM TO PORT` gives away a verdict.)"
        case .rbac: "Write the RBAC objects with `write` (YAML, end with a line `.`), `edit` or `load FILE`; `peek` shows the cluster; `check`."
        case .rbacPredict: "Answer each access id with yes or no via `write` (YAML, end with a line `.`), `edit` or `load FILE`; `peek` shows the cluster; `check`."
        }
    }

    /// In `write`, TAB indents (YAML answers) rather than completing (jq answers).
    static func tabIndents(_ spec: LabSpec) -> Bool {
        switch spec {
        case .query: false
        case .policy, .fix, .predict, .netpol, .netpolPredict: true
        case .pssManifest, .pssLabels, .pssPredict: true
        case .rbac, .rbacPredict: true
        }
    }

    /// How many items `peek` shows by default.
    static func peekCount(_ spec: LabSpec) -> Int {
        switch spec {
        case .query: 3
        case .policy, .fix, .predict: 15
        case .pssManifest, .pssLabels, .pssPredict: 40
        case .netpol, .netpolPredict: 100
        case .rbac, .rbacPredict: 15
        }
    }
}
