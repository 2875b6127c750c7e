import Testing
@testable import Labs

/// Predict labs: stated facts against what the engine computes.
@Suite struct PredictGraderTests {
    static let yaml = LabFixtures.common + """
    id: predict-fixture
    kind: predict
    policy_text: |
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: [RequestReceived]
      rules:
      - level: Metadata
        resources:
        - group: ""
          resources: ["secrets"]
      - level: RequestResponse
    ask: [level, stages, requestObject, responseObject]
    requests:
      - id: a
        request: {method: GET, url: /api/v1/namespaces/dev/secrets/db, user: alice}
      - id: b
        request: {method: GET, url: "/api/v1/namespaces/dev/pods?watch=true", user: alice}
      - id: c
        request: {method: GET, url: /api/v1/namespaces/dev/pods}
    starter: ""
    reference: |
      a: {level: Metadata, stages: [ResponseComplete], requestObject: false, responseObject: false}
      b: {level: RequestResponse, stages: [ResponseStarted, ResponseComplete], requestObject: false, responseObject: false}
      c: {level: RequestResponse, stages: [ResponseStarted], requestObject: false, responseObject: true}
    """

    @Test func theComputedTruthMatchesTheReference() throws {
        let lab = try LabFixtures.lab(Self.yaml)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
    }

    @Test func aWrongFactIsCorrectedWithTheReason() throws {
        let lab = try LabFixtures.lab(Self.yaml)
        let answer = """
        a: {level: RequestResponse, stages: [ResponseComplete], requestObject: false, responseObject: true}
        b: {level: RequestResponse, stages: [ResponseStarted, ResponseComplete], requestObject: false, responseObject: false}
        c: {level: RequestResponse, stages: [RequestReceived, ResponseComplete], requestObject: false, responseObject: true}
        """
        let report = try LabFixtures.check(lab, answer)
        #expect(!report.passed)
        let a = try #require(report.checks.first { $0.name.hasPrefix("a:") })
        let wrong = try #require(a.findings.first)
        #expect(wrong.code == .wrongPrediction)
        #expect(wrong.mismatches.contains(.init(field: "level", expected: "RequestResponse", actual: "Metadata")))
        #expect(wrong.rule?.index == 0)
        #expect(wrong.message?.hasPrefix("logged at Metadata because rule 0 matched first") == true)
        #expect(report.checks.first { $0.name.hasPrefix("b:") }?.passed == true)
        let c = try #require(report.checks.first { $0.name.hasPrefix("c:") })
        #expect(c.findings.first?.mismatches.contains { $0.field == "stages" && $0.actual == "ResponseStarted" } == true)
    }

    @Test func unknownIdsArePositionedErrors() throws {
        let lab = try LabFixtures.lab(Self.yaml)
        let report = try LabFixtures.check(lab, "a: {level: Metadata}\nz: {level: None}\n")
        let d = try #require(report.diagnostics.first)
        #expect(d.message.contains("no request \"z\""))
        #expect(report.answer.location(ofByte: d.span!.start).line == 2)
    }
}
