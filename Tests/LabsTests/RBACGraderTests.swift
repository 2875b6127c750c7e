import Testing
@testable import Labs

/// RBAC labs: accesses authorized by the RBAC engine over the answer's objects, writes
/// checked by the escalation checks, predictions against the authorizer.
@Suite struct RBACGraderTests {
    static let rbacYAML = LabFixtures.common + """
    id: rbac-fixture
    kind: rbac
    user: system:serviceaccount:shop:api
    namespace: shop
    cluster: ""
    must_allow:
      - {verb: get, resource: configmaps, name: api-config, namespace: shop}
    must_deny:
      - {verb: list, resource: secrets, namespace: shop}
    reference: |
      kind: Role
      apiVersion: rbac.authorization.k8s.io/v1
      metadata: {name: api}
      rules:
      - {apiGroups: [""], resources: [configmaps], resourceNames: [api-config], verbs: [get]}
      ---
      kind: RoleBinding
      apiVersion: rbac.authorization.k8s.io/v1
      metadata: {name: api}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: api}
      subjects: [{kind: ServiceAccount, name: api}]
    """

    static let editBinding = """
    kind: RoleBinding
    apiVersion: rbac.authorization.k8s.io/v1
    metadata: {name: api, namespace: shop}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
    subjects: [{kind: ServiceAccount, name: api, namespace: shop}]
    """

    @Test func theReferencePassesWithDefaultedNamespaces() throws {
        let lab = try LabFixtures.lab(Self.rbacYAML)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
    }

    @Test func aWrongYesNamesTheGrantingBindingAndRule() throws {
        let lab = try LabFixtures.lab(Self.rbacYAML)
        let report = try LabFixtures.check(lab, Self.editBinding)
        #expect(!report.passed)
        let f = try #require(report.findings.first)
        #expect(f.code == .rbacAccessWrong)
        #expect(f.subject == .item("list secrets in shop"))
        #expect(f.expected == "no" && f.actual == "yes")
        #expect(f.message == "RBAC: allowed by RoleBinding \"api/shop\" of ClusterRole \"edit\" to ServiceAccount \"api/shop\"")
        #expect(f.rbac?.granted == true)
        #expect(f.rbac?.role == "ClusterRole edit")
        #expect(f.rbac?.bindingLine == 1)
        #expect(f.rbac?.rule?.contains("\"secrets\"") == true)
    }

    @Test func aWrongNoNamesTheClosestRuleAndWhatItLacks() throws {
        let lab = try LabFixtures.lab(Self.rbacYAML)
        let answer = lab.reference.replacingOccurrences(of: "resources: [configmaps]", with: "resources: [secrets]")
        let report = try LabFixtures.check(lab, answer)
        let f = try #require(report.findings.first)
        #expect(f.code == .rbacAccessWrong)
        #expect(f.expected == "yes" && f.actual == "no")
        #expect(f.rbac?.granted == false)
        #expect(f.rbac?.role == "Role shop/api")
        #expect(f.rbac?.line == 1)
        #expect(f.rbac?.lacks.contains { $0.contains("configmaps") } == true)
    }

    @Test func aServiceAccountSubjectInAnotherNamespaceMatchesNoOne() throws {
        let lab = try LabFixtures.lab(Self.rbacYAML)
        let answer = lab.reference.replacingOccurrences(of: "metadata: {name: api}\nroleRef", with: "metadata: {name: api, namespace: ci}\nroleRef")
        let report = try LabFixtures.check(lab, answer)
        #expect(report.findings.map(\.code) == [.rbacAccessWrong])
    }

    @Test func anAnswerThatIsNotRBACIsADiagnostic() throws {
        let lab = try LabFixtures.lab(Self.rbacYAML)
        let report = try LabFixtures.check(lab, "kind: Pod\napiVersion: v1\nmetadata: {name: x}\n")
        #expect(!report.passed)
        #expect(!report.diagnostics.isEmpty)
    }

    static let writerYAML = rbacYAML.replacingOccurrences(of: "cluster: \"\"", with: """
    written_by: {user: jane}
    cluster: |
      kind: Role
      apiVersion: rbac.authorization.k8s.io/v1
      metadata: {name: lead, namespace: shop}
      rules:
      - {apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [create]}
      - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind], resourceNames: [view]}
      ---
      kind: RoleBinding
      apiVersion: rbac.authorization.k8s.io/v1
      metadata: {name: lead, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: lead}
      subjects: [{kind: User, apiGroup: rbac.authorization.k8s.io, name: jane}]
    """)

    @Test func aRoleWithRulesTheWriterLacksIsRefusedAndGrantsNothing() throws {
        let lab = try LabFixtures.lab(Self.writerYAML)
        let report = try LabFixtures.check(lab, lab.reference)
        let refused = report.findings.filter { $0.code == .rbacWriteRefused }
        #expect(refused.map(\.subject) == [.item("Role shop/api"), .item("RoleBinding shop/api")])
        #expect(refused.first?.message?.contains("is attempting to grant RBAC permissions not currently held") == true)
        #expect(refused.first?.rbac?.missing == ["{APIGroups:[\"\"], Resources:[\"configmaps\"], ResourceNames:[\"api-config\"], Verbs:[\"get\"]}"])
        // The refused Role was never stored, so the access it would give is denied.
        #expect(report.findings.contains { $0.code == .rbacAccessWrong && $0.subject == .item("get configmaps api-config in shop") })
    }

    @Test func bindingARoleTheWriterMayBindIsStored() throws {
        let lab = try LabFixtures.lab(Self.writerYAML)
        let report = try LabFixtures.check(lab, Self.editBinding.replacingOccurrences(of: "name: edit", with: "name: view"))
        #expect(!report.findings.contains { $0.code == .rbacWriteRefused })
    }

    static let predictYAML = LabFixtures.common + """
    id: rbac-predict-fixture
    kind: rbac-predict
    cluster: |
      kind: Role
      apiVersion: rbac.authorization.k8s.io/v1
      metadata: {name: dbg, namespace: shop}
      rules: [{apiGroups: [""], resources: ["pods/*"], verbs: [get]}]
      ---
      kind: RoleBinding
      apiVersion: rbac.authorization.k8s.io/v1
      metadata: {name: dbg, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: dbg}
      subjects: [{kind: User, apiGroup: rbac.authorization.k8s.io, name: dana}]
    accesses:
      - {id: a, user: dana, verb: get, resource: pods/log, name: web-0, namespace: shop}
      - {id: b, user: "system:anonymous", verb: get, url: /version}
    reference: |
      a: no
      b: yes
    """

    @Test func predictionsAreGradedByTheAuthorizer() throws {
        let lab = try LabFixtures.lab(Self.predictYAML)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
        let report = try LabFixtures.check(lab, "a: yes\n")
        #expect(report.findings.map(\.code) == [.rbacWrongPrediction, .notAnswered])
        let f = try #require(report.findings.first)
        #expect(f.expected == "yes" && f.actual == "no")
        #expect(f.rbac?.lacks.first?.contains("pods/log") == true)
    }

    @Test func aPredictionThatIsNotYesOrNoIsADiagnostic() throws {
        let lab = try LabFixtures.lab(Self.predictYAML)
        let report = try LabFixtures.check(lab, "a: maybe\nb: yes\nc: no\n")
        #expect(report.diagnostics.count == 2)
    }

    @Test func anAccessNeedsAResourceOrAURL() {
        let bad = Self.predictYAML.replacingOccurrences(of: "verb: get, url: /version", with: "verb: get")
        #expect(throws: LabFixtures.FixtureError.self) { try LabFixtures.lab(bad) }
    }

    @Test(arguments: [("pods/log", "", "pods", "log"), ("deployments.apps/scale", "apps", "deployments", "scale"),
                      ("clusterroles.rbac.authorization.k8s.io", "rbac.authorization.k8s.io", "clusterroles", "")])
    func accessResourcesSplitAsKubectlDoes(_ c: (String, String, String, String)) {
        let r = RBACAccess(verb: "get", resource: c.0).request
        #expect(r.apiGroup == c.1 && r.resource == c.2 && r.subresource == c.3)
    }
}
