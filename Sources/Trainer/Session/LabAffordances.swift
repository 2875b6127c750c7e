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
        case .rbac: "Write the RBAC objects with `write` (YAML, end with a line `.`), `edit` or `load FILE`; `peek` shows the cluster; `check`."
        case .rbacPredict: "Answer each access id with yes or no via `write` (YAML, end with a line `.`), `edit` or `load FILE`; `peek` shows the cluster; `check`."
        }
    }

    /// In `write`, TAB indents (YAML answers) rather than completing (jq answers).
    static func tabIndents(_ spec: LabSpec) -> Bool {
        switch spec {
        case .query: false
        case .policy, .fix, .predict: true
        case .rbac, .rbacPredict: true
        }
    }

    /// How many items `peek` shows by default.
    static func peekCount(_ spec: LabSpec) -> Int {
        switch spec {
        case .query: 3
        case .policy, .fix, .predict: 15
        case .rbac, .rbacPredict: 15
        }
    }
}
