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
        let text = secrets.details.joined(separator: "\n")
        #expect(text.contains("matching requests (resource=secrets) fail"))
        #expect(text.contains("/secrets"))
        #expect(text.contains("expected level Metadata, got RequestResponse"))
        #expect(text.contains("rule 0 (line 4) matched first"))
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
        #expect(report.checks.first?.details.contains { $0.contains("Full") } == true)
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
        #expect(budget.details.contains { $0.contains("over the budget of 0.5") })
        #expect(budget.details.contains { $0.contains("rule 0 (line 4) writes the largest share: 100%") })
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
