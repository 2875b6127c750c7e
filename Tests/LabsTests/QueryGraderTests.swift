import Testing
@testable import Labs

/// Query labs: the learner's jq against the reference on the visible and hidden logs.
@Suite struct QueryGraderTests {
    static func lab(compare: String = "multiset", slurp: Bool = false, reference: String) throws -> Lab {
        try LabFixtures.lab(LabFixtures.common + """
        id: query-fixture
        kind: query
        scenario: dev-small
        policy: seed-audit-policy
        duration: 1h
        seeds: [1, 2]
        compare: \(compare)
        slurp: \(slurp)
        starter: ""
        reference: '\(reference)'
        """)
    }

    @Test func theSameOutputInAnotherOrderPassesAMultisetLab() throws {
        let lab = try Self.lab(reference: #"select(.objectRef.resource == "secrets" and .stage == "ResponseComplete") | .auditID"#)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
        let reordered = #"select(.stage == "ResponseComplete") | select(.objectRef.resource == "secrets") | .auditID"#
        #expect(try LabFixtures.check(lab, reordered).passed)
    }

    @Test func aDifferenceShowsTheSmallestEventAndBothOutputs() throws {
        let lab = try Self.lab(reference: #"select(.objectRef.resource == "secrets" and .stage == "ResponseComplete") | .verb"#)
        let report = try LabFixtures.check(lab, #"select(.objectRef.resource == "secrets") | .verb"#)
        #expect(!report.passed)
        let findings = try #require(report.checks.last?.findings)
        let differs = try #require(findings.first { $0.code == .eventDiffers })
        #expect(differs.expected == nil)
        #expect(differs.actual?.hasPrefix("\"") == true)
        #expect(differs.counterexample?.contains("\"secrets\"") == true)
    }

    @Test func anAnswerHardCodedForTheVisibleLogFailsOnAHiddenOne() throws {
        let lab = try Self.lab(compare: "ordered", slurp: true,
                               reference: #"[.[] | select(.objectRef.resource == "secrets") | .auditID] | .[0]"#)
        // Compute the visible answer, then hard-code it.
        let visible = try LabFixtures.resources.log(scenario: "dev-small", policy: "seed-audit-policy", duration: "1h", seed: 1)
        let first = try #require(visible.first { $0["objectRef"]?["resource"]?.stringValue == "secrets" }?["auditID"]?.stringValue)
        let report = try LabFixtures.check(lab, "\"\(first)\"")
        #expect(report.checks[1].passed)
        #expect(!report.checks[2].passed)
        #expect(report.checks[2].name.contains("hidden"))
    }

    @Test func theGuidesPrivilegedQueryStopsWithJqsNullIterationError() throws {
        let lab = try Self.lab(reference: #"select(.requestObject.spec.containers[]?.securityContext.privileged == true) | .auditID"#)
        let report = try LabFixtures.check(lab, #"select(.requestObject.spec.containers[].securityContext.privileged == true)"#)
        let failed = try #require(report.checks.last?.findings.first)
        #expect(failed.code == .programFailed)
        #expect(failed.message?.contains("Cannot iterate over null") == true)
        #expect(failed.counterexample?.hasPrefix("{") == true)
    }

    @Test func aSyntaxErrorIsADiagnosticWithAPosition() throws {
        let lab = try Self.lab(reference: ".verb")
        let report = try LabFixtures.check(lab, "select(.verb == )")
        #expect(!report.passed)
        let d = try #require(report.diagnostics.first)
        #expect(d.span != nil)
    }

    @Test func aRunawayQueryIsStoppedByTheStepLimit() throws {
        let lab = try Self.lab(reference: ".verb")
        var checker = LabChecker(resources: LabFixtures.resources)
        checker.limits.stepsPerRun = 10_000
        LabFixtures.lock.lock()
        defer { LabFixtures.lock.unlock() }
        let report = try checker.check(lab, answer: .init(name: "a", text: "def f: f + 1; f"))
        #expect(report.checks.last?.findings.first?.message
                == "not passed: your query exceeded the limit of 10,000 evaluation steps on one event")
    }
}
