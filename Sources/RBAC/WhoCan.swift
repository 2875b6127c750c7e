/// Who may make a request: every subject of every binding whose role has a rule that
/// allows it, in the authorizer's visit order (ClusterRoleBindings, then the RoleBindings
/// of the request's namespace).
public enum WhoCan {
    /// One subject allowed by one binding.
    public struct Entry: Sendable, Equatable {
        /// The subject as written, with a RoleBinding's namespace filled in for a
        /// ServiceAccount that names none.
        public var subject: Subject
        public var grant: Grant
    }

    /// The subjects allowed, and the bindings whose role could not be resolved
    /// (binding description and error).
    public static func subjects(for request: AuthorizationRequest,
                                in authorizer: RBACAuthorizer) -> (entries: [Entry], unresolved: [(binding: BindingObject, error: String)]) {
        var entries: [Entry] = []
        var unresolved: [(BindingObject, String)] = []
        for rb in authorizer.visitOrder(namespace: request.namespace) {
            let role: RoleObject
            switch rb.resolution {
            case .failed(let e):
                unresolved.append((rb.binding, e.message(.lister)))
                continue
            case .rules(let r):
                role = r
            }
            guard let ruleIndex = role.rules.firstIndex(where: { RuleMatching.allows($0, request) }) else { continue }
            for (i, s) in rb.binding.subjects.enumerated() where ["User", "Group", "ServiceAccount"].contains(s.kind) {
                var subject = s
                if s.kind == "ServiceAccount" && s.namespace.isEmpty {
                    // A ClusterRoleBinding's unqualified ServiceAccount matches no one.
                    if rb.binding.kind == .clusterRoleBinding { continue }
                    subject.namespace = rb.binding.namespace
                }
                guard let source = rb.source else { continue }
                entries.append(Entry(subject: subject, grant: Grant(source, subjectIndex: i, ruleIndex: ruleIndex)))
            }
        }
        return (entries, unresolved)
    }
}
