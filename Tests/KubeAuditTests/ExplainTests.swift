import Testing
@testable import KubeAudit

@Suite struct ExplainTests {
    static let seedPrecedence = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    omitStages: ["RequestReceived"]
    rules:
    - level: None
      namespaces: ["kube-system"]
      resources: [{group: "", resources: ["secrets"]}]
    - level: RequestResponse
      resources: [{group: "", resources: ["secrets"]}]
    """

    func explain(_ policy: String, _ line: String, user: UserInfo? = UserInfo(username: "jane", groups: ["devs"]),
                 outcome: StagePlan.Outcome = .completed) throws -> PolicyExplanation {
        let evaluator = try #require(loadPolicy(policy).evaluator())
        let parts = line.split(separator: " ", maxSplits: 1)
        let info = try RequestInfo.parse(method: String(parts[0]), url: String(parts[1]), user: user)
        return evaluator.explain(info.attributes, outcome: outcome)
    }

    @Test func firstMatchWinsAndTheExplanationSaysWhy() throws {
        let e = try explain(Self.seedPrecedence, "GET /api/v1/namespaces/kube-system/secrets/token")
        #expect(e.summary == "not logged (level None) because rule 0 matched first")
        #expect(e.checks.map(\.verdict) == [.matched, .notReached])

        let prod = try explain(Self.seedPrecedence, "GET /api/v1/namespaces/prod/secrets/db")
        #expect(prod.summary == "logged at RequestResponse because rule 1 matched first (rule 0 did not match)")
        #expect(prod.checks[0].verdict == .failed("namespaces [kube-system] does not include prod"))
        // A get has no request body; the response (the Secret) is recorded.
        #expect(prod.plan.stages == [.responseComplete])
        #expect(prod.plan.omitted == [.requestReceived])
        #expect(!prod.plan.requestObject.present)
        #expect(prod.plan.responseObject.present)
    }

    @Test func failedConditionsAreNamed() throws {
        let policy = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: Request
          verbs: ["create", "update"]
        - level: Metadata
          resources: [{group: "", resources: ["pods"]}]
        - level: None
          nonResourceURLs: ["/healthz*"]
        """
        let e = try explain(policy, "GET /api/v1/namespaces/default/pods/web/exec?command=ls")
        #expect(e.checks[0].verdict == .failed("verbs [create, update] does not include get"))
        #expect(e.checks[1].verdict == .failed("resources [pods] does not include pods/exec (a subresource needs pods/exec, pods/* or */exec)"))
        #expect(e.checks[2].verdict == .failed("the rule has nonResourceURLs, which never match a resource request (pods/exec)"))
        #expect(e.decision.rule == nil)
    }

    @Test func stagesFollowTheKindOfRequest() throws {
        let policy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: RequestResponse\n"
        let watch = try explain(policy, "GET /api/v1/pods?watch=true")
        #expect(watch.plan.stages == [.requestReceived, .responseStarted, .responseComplete])
        #expect(!watch.plan.responseObject.present)

        let exec = try explain(policy, "POST /api/v1/namespaces/default/pods/web/exec?command=sh")
        #expect(exec.plan.stages == [.requestReceived, .responseStarted, .responseComplete])
        #expect(!exec.plan.requestObject.present && !exec.plan.responseObject.present)

        let create = try explain(policy, "POST /api/v1/namespaces/default/pods")
        #expect(create.plan.stages == [.requestReceived, .responseComplete])
        #expect(create.plan.requestObject.present && create.plan.responseObject.present)

        let denied = try explain(policy, "GET /api/v1/secrets", user: nil, outcome: .unauthenticated)
        #expect(denied.plan.stages == [.responseStarted])

        let health = try explain(policy, "GET /healthz")
        #expect(!health.plan.requestObject.present && !health.plan.responseObject.present)
    }

    @Test func usersNeverMatchAFailedAuthentication() throws {
        let policy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: None\n  userGroups: [\"system:unauthenticated\"]\n- level: Metadata\n"
        let e = try explain(policy, "GET /api/v1/secrets", user: nil, outcome: .unauthenticated)
        #expect(e.decision.rule == 1)
        #expect(e.checks[0].verdict == .failed("userGroups [system:unauthenticated] cannot match a request with no user (authentication failed)"))
    }
}
