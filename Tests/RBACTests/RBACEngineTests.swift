import ContentFormat
import Diagnostics
import Testing
@testable import RBAC

/// The pieces around the authorizer: Go formatting, impersonation, the tab writer,
/// object decoding and its diagnostics, escalation outcomes, explanations.
@Suite struct RBACEngineTests {
    @Test(arguments: [
        ("plain", #""plain""#), (#"we"ird"#, #""we\"ird""#), ("tab\there", #""tab\there""#),
        ("back\\slash", #""back\\slash""#), ("\u{1}", #""\x01""#), ("héllo", #""héllo""#), ("\u{a0}", #""\u00a0""#),
    ])
    func goQuote(_ input: String, _ expected: String) {
        #expect(GoQuote.quote(input) == expected)
    }

    @Test func impersonationAddsTheGroupsTheAPIServerAdds() {
        #expect(UserInfo.impersonating("alice", groups: []).groups == ["system:authenticated"])
        #expect(UserInfo.impersonating("alice", groups: ["devs"]).groups == ["devs", "system:authenticated"])
        #expect(UserInfo.impersonating("alice", groups: ["system:unauthenticated"]).groups == ["system:unauthenticated"])
        #expect(UserInfo.impersonating("system:anonymous", groups: []).groups == ["system:unauthenticated"])
        #expect(UserInfo.impersonating("system:serviceaccount:ci:builder", groups: []).groups
                == ["system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"])
        // Groups given explicitly replace the service account groups, as the filter does.
        #expect(UserInfo.impersonating("system:serviceaccount:ci:builder", groups: ["x"]).groups == ["x", "system:authenticated"])
        // Not a service account name: three parts are required.
        #expect(UserInfo.impersonating("system:serviceaccount:ci", groups: []).groups == ["system:authenticated"])
    }

    @Test func tabWriterAlignsAsGoDoes() {
        let text = "a\tbb\tc\nlonger cell\tx\ty\n"
        #expect(TabWriter.kubectl.format(text) == "a             bb    c\nlonger cell   x     y\n")
        // A line of one cell ends a block: the columns after it are measured afresh.
        #expect(TabWriter.kubectl.format("abcdefghij\tx\nsingle\nq\tr\n") == "abcdefghij   x\nsingle\nq     r\n")
    }

    func decode(_ yaml: String) -> RBACLoadResult {
        RBACObjectDecoder.decode(SourceFile(name: "t.yaml", text: yaml))
    }

    @Test func badObjectsAreReportedAndTheOthersStillLoad() {
        let result = decode("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: no-ref, namespace: dev}
        subjects: [{kind: User, name: a}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: bad}
        rules: [{verbs: get, resources: [pods]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBindng
        metadata: {name: typo}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: good}
        rules: [{verbs: [get], apiGroups: [""], resources: [pods]}]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: sa}
        """)
        #expect(result.objects.map(\.name) == ["good"])
        #expect(result.objects.first?.namespace == "default")
        #expect(result.skipped == 1)
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("roleRef: Required value") })
        #expect(messages.contains(#"rules[0].verbs: expected array of strings, got string "get""#))
        #expect(messages.contains(#"no matches for kind "ClusterRoleBindng" in group "rbac.authorization.k8s.io""#))
        #expect(result.diagnostics.first { $0.code == "unknown-kind" }?.help == "did you mean `ClusterRoleBinding`?")
    }

    @Test func unknownFieldsAndOldVersionsAreErrorsWithHelp() {
        let result = decode("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: x}
        rule: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1beta1
        kind: ClusterRole
        metadata: {name: y}
        """)
        #expect(result.objects.isEmpty)
        #expect(result.diagnostics.map(\.message) == [#"strict decoding error: unknown field "rule""#,
                                                       #"no matches for kind "ClusterRole" in version "rbac.authorization.k8s.io/v1beta1""#])
        #expect(result.diagnostics[0].help == "did you mean `rules`?")
        let source = SourceFile(name: "t.yaml", text: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: x}\nrule: []\n")
        let d = RBACObjectDecoder.decode(source).diagnostics[0]
        #expect(DiagnosticRenderer().renderShort(d, in: source) == #"t.yaml:4:1: error: strict decoding error: unknown field "rule""#)
    }

    @Test func listKindsAreRead() {
        let result = decode("""
        apiVersion: v1
        kind: List
        items:
        - apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: a}
        - apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRoleBinding
          metadata: {name: b}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: a}
        """)
        #expect(result.objects.map(\.key) == ["ClusterRole//a", "ClusterRoleBinding//b"])
        #expect(result.diagnostics.isEmpty)
    }

    static let escalationObjects: [RBACObject] = [
        .role(RoleObject(kind: .clusterRole, name: "pod-reader", rules: [PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["pods"])])),
        .binding(BindingObject(kind: .roleBinding, name: "alice-pods", namespace: "dev",
                               roleRef: RoleRef(kind: "ClusterRole", name: "pod-reader"), subjects: [Subject(kind: "User", name: "alice")])),
        .binding(BindingObject(kind: .roleBinding, name: "alice-gone", namespace: "dev",
                               roleRef: RoleRef(kind: "Role", name: "gone"), subjects: [Subject(kind: "User", name: "alice")])),
    ]

    @Test func aBindingToAMissingRoleIsRefusedWithTheRegistryText() {
        let a = RBACAuthorizer(objects: Self.escalationObjects)
        let attempt = RBACObject.binding(BindingObject(kind: .roleBinding, name: "rb", namespace: "dev",
                                                       roleRef: RoleRef(kind: "ClusterRole", name: "nope"),
                                                       subjects: [Subject(kind: "User", name: "m")]))
        let outcome = EscalationCheck.check(attempt, by: UserInfo(name: "alice"), using: a)
        #expect(!outcome.allowed)
        #expect(outcome.decidedBy == .roleRef)
        #expect(outcome.error == #"clusterroles.rbac.authorization.k8s.io "nope" not found"#)
    }

    @Test func resolutionErrorsAreAppendedToTheEscalationMessage() {
        let a = RBACAuthorizer(objects: Self.escalationObjects)
        let result = EscalationCheck.confirmNoEscalation(a, UserInfo(name: "alice"), namespace: "dev",
                                                         rules: [PolicyRule(verbs: ["list"], apiGroups: [""], resources: ["pods"])])
        #expect(result?.message == """
        user "alice" (groups=[]) is attempting to grant RBAC permissions not currently held:
        {APIGroups:[""], Resources:["pods"], Verbs:["list"]}; resolution errors: [roles.rbac.authorization.k8s.io "gone" not found]
        """)
    }

    @Test func aDenialIsExplainedByTheClosestRule() {
        let a = RBACAuthorizer(objects: Self.escalationObjects)
        let request = AuthorizationRequest(verb: "delete", resource: "pods", namespace: "dev")
        let e = DenialExplanation.explain(request, as: UserInfo(name: "alice"), in: a)
        #expect(e.closest?.role.name == "pod-reader")
        #expect(e.lacks == [#"verb "delete" is not in verbs ["get"]"#])
        let elsewhere = DenialExplanation.explain(AuthorizationRequest(verb: "get", resource: "pods", namespace: "prod"),
                                                  as: UserInfo(name: "alice"), in: a)
        #expect(elsewhere.bindingsForUser == 0)
        #expect(elsewhere.elsewhere.map(\.binding.name) == ["alice-pods"])
    }

    @Test func whoCanListsEverySubjectOfAnAllowingBinding() {
        let objects = Self.escalationObjects + [
            .binding(BindingObject(kind: .roleBinding, name: "ci", namespace: "dev",
                                   roleRef: RoleRef(kind: "ClusterRole", name: "pod-reader"),
                                   subjects: [Subject(kind: "ServiceAccount", name: "builder"), Subject(kind: "Group", name: "qa")])),
        ]
        let (entries, unresolved) = WhoCan.subjects(for: AuthorizationRequest(verb: "get", resource: "pods", namespace: "dev"),
                                                    in: RBACAuthorizer(objects: objects))
        #expect(entries.map(\.subject) == [Subject(kind: "User", name: "alice"),
                                           Subject(kind: "ServiceAccount", name: "builder", namespace: "dev"),
                                           Subject(kind: "Group", name: "qa")])
        #expect(unresolved.map(\.error) == [#"role.rbac.authorization.k8s.io "gone" not found"#])
    }

    @Test func resourceArgumentsResolveAsKubectlDoes() {
        #expect(KnownResources.resolve("po").resource == "pods")
        #expect(KnownResources.resolve("Deploy").group == "apps")
        #expect(KnownResources.resolve("cronjobs.v1.batch").group == "batch")
        #expect(KnownResources.resolve("widgets.example.com").warning == "the server doesn't have a resource type 'widgets' in group 'example.com'")
        #expect(KnownResources.resolve("widgets.example.com").resource == "widgets.example.com")
        #expect(KnownResources.resolve("users").warning == nil)
    }
}
