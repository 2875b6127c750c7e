import Testing
@testable import Labs

/// Policy and fix labs: loading errors with positions, expectations over the scenario
/// stream and explicit requests, feedback naming a concrete request and the winning rule.
@Suite struct PolicyGraderTests {
    static let lab = """
    id: secrets-fixture
    kind: policy
    scenario: dev-small
    starter: ""
    reference: |
      apiVersion: audit.k8s.io/v1
      kind: Policy
      rules:
      - level: Metadata
        resources:
        - group: ""
          resources: ["secrets"]
      - level: Request
    expect:
      - name: secrets at Metadata
        match: {resource: secrets}
        level: Metadata
      - name: a pod create keeps its body
        request: {method: POST, url: /api/v1/namespaces/dev/pods, user: alice, groups: [devs]}
        at_least: Request
      - name: failed logins are logged
        match: {status: 401}
        stages: [ResponseStarted]
    """

    @Test func theReferencePasses() throws {
        let lab = try LabFixtures.lab(LabFixtures.common + Self.lab)
        let report = try LabFixtures.check(lab, lab.reference)
        #expect(report.passed)
        #expect(report.checks.count == 4)
    }

    @Test func aFailureNamesARequestExpectedActualAndTheWinningRule() throws {
        let lab = try LabFixtures.lab(LabFixtures.common + Self.lab)
        let answer = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: RequestResponse
        """
        let report = try LabFixtures.check(lab, answer)
        #expect(!report.passed)
        let secrets = try #require(report.checks.first { $0.name == "secrets at Metadata" })
        #expect(!secrets.passed)
        let summary = try #require(secrets.findings.first)
        #expect(summary.code == .matchingRequestsFail)
        #expect(summary.subject == .requests("resource=secrets"))
        #expect((summary.count?.failed ?? 0) > 0)
        let example = try #require(secrets.findings.last)
        #expect(example.code == .requestMishandled && example.isExample)
        guard case .request(let request)? = example.subject else { Issue.record("no request"); return }
        #expect(request.contains("/secrets"))
        #expect(example.mismatches == [.init(field: "level", expected: "Metadata", actual: "RequestResponse")])
        #expect(example.rule == .init(index: 0, line: 4, level: "RequestResponse"))
        #expect(report.checks.first { $0.name == "a pod create keeps its body" }?.passed == true)
    }

    @Test func aPolicyThatDoesNotLoadFailsWithAPositionedError() throws {
        let lab = try LabFixtures.lab(LabFixtures.common + Self.lab)
        let answer = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Full\n"
        let report = try LabFixtures.check(lab, answer)
        #expect(!report.passed)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        let span = try #require(error.span)
        #expect(report.answer.location(ofByte: span.start).line == 4)
        let refused = try #require(report.checks.first?.findings.first)
        #expect(refused.code == .policyRefused)
        #expect(refused.message?.contains("Full") == true)
    }

    @Test func strictLabsFailOnMisindentedKeys() throws {
        let yaml = LabFixtures.common + """
        id: strict-fixture
        kind: fix
        strict: true
        starter: ""
        reference: "apiVersion: audit.k8s.io/v1\\nkind: Policy\\nrules:\\n- level: Metadata\\n"
        expect:
          - name: pods logged
            request: {method: GET, url: /api/v1/namespaces/dev/pods, user: alice}
            level: Metadata
        """
        let lab = try LabFixtures.lab(yaml)
        let misindented = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: Metadata
          resources:
          - group: ""
            verbs: ["get"]
        """
        let report = try LabFixtures.check(lab, misindented)
        #expect(!report.passed)
        #expect(report.checks.contains { !$0.passed && $0.name.contains("no warnings") })
        #expect(try LabFixtures.check(lab, lab.reference).passed)
    }

    @Test func aBudgetNamesTheRuleThatCostsMost() throws {
        let yaml = LabFixtures.common + """
        id: budget-fixture
        kind: policy
        scenario: dev-small
        starter: ""
        reference: "apiVersion: audit.k8s.io/v1\\nkind: Policy\\nrules:\\n- level: None\\n"
        expect:
          - name: small log
            budget: {events_per_second: 0.5, bytes_per_day: 10MB}
        """
        let lab = try LabFixtures.lab(yaml)
        let report = try LabFixtures.check(lab, "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: RequestResponse\n")
        let budget = try #require(report.checks.last)
        #expect(!budget.passed)
        let over = try #require(budget.findings.first { $0.code == .overEventBudget })
        #expect(over.expected == "0.5" && Double(over.actual ?? "") ?? 0 > 0.5)
        let share = try #require(budget.findings.first { $0.code == .largestShare })
        #expect(share.rule?.index == 0 && share.rule?.line == 4 && share.share == 100)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
    }

    @Test func aSelectorThatMatchesNothingIsAContentError() throws {
        let yaml = LabFixtures.common + """
        id: empty-fixture
        kind: policy
        scenario: dev-small
        starter: ""
        reference: "apiVersion: audit.k8s.io/v1\\nkind: Policy\\nrules:\\n- level: None\\n"
        expect:
          - name: nothing
            match: {resource: podsecuritypolicies}
            level: None
        """
        let lab = try LabFixtures.lab(yaml)
        #expect(throws: LabCheckError.self) { try LabFixtures.check(lab, lab.reference) }
    }
}
