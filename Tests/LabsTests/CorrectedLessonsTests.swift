import Testing
@testable import Labs

/// The lab lessons issue 18 corrected, each pinned against the engine and the simulator:
/// a 401 event's status, discovery responses, exec over WebSocket.
@Suite struct CorrectedLessonsTests {
    static let catalog = LabCatalog.load(root: LabFixtures.root)

    /// The reference answer with one line replaced.
    static func reference(_ lab: Lab, replacing id: String, with line: String) -> String {
        lab.reference.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("\(id):") ? line : String($0) }.joined(separator: "\n")
    }

    @Test func aFailedLoginCannotBeFoundByItsMessageText() throws {
        let lab = try #require(Self.catalog.lab("query-failed-authentication"))
        #expect(try LabFixtures.check(lab, lab.reference).passed)
        #expect(!lab.reference.contains(".message"))
        #expect(lab.lesson.contains(#""message":"Unauthorized""#))
        // The simulated 401s carry the Unauthorized Status, not the authenticator's reason.
        let byMessage = #"select(.responseStatus.message | startswith("Authentication failed")) | {auditID, time: .requestReceivedTimestamp, ip: .sourceIPs[0], uri: .requestURI, reason: .responseStatus.reason}"#
        #expect(!(try LabFixtures.check(lab, byMessage).passed))
    }

    @Test func aFailedLoginAtRequestResponseLogsTheStatusButNoSecret() throws {
        let lab = try #require(Self.catalog.lab("secrets-requestresponse-leak"))
        #expect(lab.reference.contains("g: {level: RequestResponse, requestObject: false, responseObject: true}"))
        let old = Self.reference(lab, replacing: "g", with: "g: {level: RequestResponse, requestObject: false, responseObject: false}")
        let report = try LabFixtures.check(lab, old)
        #expect(!report.passed)
        let g = try #require(report.checks.first { $0.name.hasPrefix("g:") })
        let wrong = try #require(g.findings.first)
        #expect(wrong.mismatches.contains { $0.field == "responseObject" && $0.actual == "true" && ($0.reason ?? "").contains("401 Status") })
        #expect(!lab.hints.joined().contains("except watch streams, exec-style connections and 401s"))
    }

    @Test func discoveryIsLoggedAndVersionIsNot() throws {
        let lab = try #require(Self.catalog.lab("levels-what-each-records"))
        #expect(try LabFixtures.check(lab, lab.reference).passed)
        let noDiscovery = Self.reference(lab, replacing: "i", with: "i: {level: RequestResponse, requestObject: false, responseObject: false}")
        #expect(!(try LabFixtures.check(lab, noDiscovery).passed))
        let version = Self.reference(lab, replacing: "j", with: "j: {level: RequestResponse, requestObject: false, responseObject: true}")
        #expect(!(try LabFixtures.check(lab, version).passed))
        #expect(!lab.lesson.contains("non-resource URLs such as /healthz"))
    }

    @Test func kubectlExecIsAWebSocketGet() throws {
        let lab = try #require(Self.catalog.lab("stages-by-request-kind"))
        guard case .predict(let spec) = lab.spec else { Issue.record("not a predict lab"); return }
        let exec = try #require(spec.requests.first { $0.id == "d" })
        #expect(exec.request.method == "GET")
        #expect(try exec.request.info().attributes.verb == "get")
        #expect(lab.task.contains("d  GET  /api/v1/namespaces/payments/pods/api-7f9c4/exec"))
        #expect(lab.lesson.contains("Since kubectl 1.31"))
    }
}
