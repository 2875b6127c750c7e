import Testing
@testable import ClusterSim
@testable import KubeAudit

/// The events issue 18 corrected: a failed authentication and discovery requests, as
/// kube-apiserver writes them (spec §7-§8).
@Suite struct CorrectedEventTests {
    static func builder(_ level: String) throws -> EventBuilder {
        let policy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: \(level)\n"
        return EventBuilder(evaluator: try #require(PolicyLoader.load(.init(name: "p", text: policy)).evaluator()), seed: 5)
    }

    static let alice = UserInfo(username: "alice@example.com", groups: ["system:authenticated"])

    static func request(_ url: String, user: UserInfo? = alice, status: Int = 200) -> SimRequest {
        SimRequest(time: 1_772_442_000_000_000, method: "GET", url: url, user: user, userAgent: "kubectl/v1.36.0",
                   sourceIP: "203.0.113.9", status: status, body: nil, incident: nil)
    }

    @Test func aFailedAuthenticationLogsTheUnauthorizedStatus() throws {
        let r = Self.request("/api/v1/namespaces/kube-system/secrets", user: nil, status: 401)
        let out = try #require(try Self.builder("RequestResponse").events(for: r, index: 0))
        #expect(out.events.map(\.stage) == [.responseStarted])
        let line = AuditEventEncoder.json(out.events[0])
        #expect(line.contains(#""responseStatus":{"metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#))
        #expect(line.contains(#""responseObject":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#))
        #expect(!line.contains("Authentication failed"))
        #expect(!line.contains(#""user""#) || line.contains(#""user":{}"#))
        #expect(EventRules.violations(r, out, evaluator: try Self.builder("RequestResponse").evaluator).isEmpty)
        // At Metadata the Status is only in responseStatus.
        let meta = try #require(try Self.builder("Metadata").events(for: r, index: 0))
        #expect(meta.events.count == 1 && meta.events[0].responseObject == nil)
        #expect(meta.events[0].responseStatus?.message == "Unauthorized")
    }

    @Test(arguments: ["/api", "/api/v1", "/apis", "/apis/apps", "/apis/apps/v1"])
    func discoveryResponsesAreLoggedAtRequestResponse(path: String) throws {
        let builder = try Self.builder("RequestResponse")
        let r = Self.request(path)
        let out = try #require(builder.events(for: r, index: 1))
        let complete = try #require(out.events.last)
        #expect(complete.stage == .responseComplete)
        let body = try #require(complete.responseObject)
        let kind = path == "/api" ? "APIVersions" : path == "/apis" ? "APIGroupList" : path == "/apis/apps" ? "APIGroup" : "APIResourceList"
        #expect(body.hasPrefix(#"{"kind":"\#(kind)""#))
        #expect(complete.objectRef == nil)
        #expect(EventRules.violations(r, out, evaluator: builder.evaluator).isEmpty)
    }

    @Test(arguments: ["/healthz", "/livez", "/readyz", "/metrics", "/version"])
    func rawEndpointsNeverLogAResponseObject(path: String) throws {
        let builder = try Self.builder("RequestResponse")
        let r = Self.request(path)
        let out = try #require(builder.events(for: r, index: 2))
        #expect(!out.events.isEmpty)
        #expect(out.events.allSatisfy { $0.responseObject == nil })
        #expect(EventRules.violations(r, out, evaluator: builder.evaluator).isEmpty)
    }

    @Test func theRulesCatchTheOldMistakes() throws {
        let builder = try Self.builder("RequestResponse")
        let denied = Self.request("/api/v1/secrets", user: nil, status: 401)
        var out = try #require(builder.events(for: denied, index: 3))
        out.events[0].responseStatus?.message = "Authentication failed, no credentials provided"
        #expect(!EventRules.violations(denied, out, evaluator: builder.evaluator).isEmpty)
        out = try #require(builder.events(for: denied, index: 3))
        out.events[0].responseObject = nil
        #expect(!EventRules.violations(denied, out, evaluator: builder.evaluator).isEmpty)
        let discovery = Self.request("/apis")
        out = try #require(builder.events(for: discovery, index: 4))
        out.events[out.events.count - 1].responseObject = nil
        #expect(!EventRules.violations(discovery, out, evaluator: builder.evaluator).isEmpty)
        let health = Self.request("/healthz")
        out = try #require(builder.events(for: health, index: 5))
        out.events[out.events.count - 1].responseObject = "{}"
        #expect(!EventRules.violations(health, out, evaluator: builder.evaluator).isEmpty)
    }

    @Test func thePlanAgrees() {
        let discovery = RequestAttributes(user: Self.alice, verb: "get", path: "/apis/apps/v1", resourceRequest: false)
        #expect(StagePlan.isDiscovery(discovery))
        #expect(!StagePlan.isDiscovery(RequestAttributes(user: Self.alice, verb: "get", path: "/version", resourceRequest: false)))
        #expect(!StagePlan.isDiscovery(RequestAttributes(user: Self.alice, verb: "get", path: "/apis/apps/v1/x", resourceRequest: false)))
        let d = PolicyDecision(level: .requestResponse, omitStages: StageSet(), omitManagedFields: false, rule: 0)
        #expect(StagePlan(decision: d, attributes: discovery).responseObject.present)
        #expect(StagePlan(decision: d, attributes: RequestAttributes(user: Self.alice, verb: "get", path: "/healthz", resourceRequest: false))
            .responseObject.present == false)
        #expect(StagePlan(decision: d, attributes: RequestAttributes(user: Self.alice, verb: "get", resource: "secrets", resourceRequest: true),
                          outcome: .unauthenticated).responseObject.present)
    }
}
