import Testing
@testable import KubeAudit

@Suite struct AuditEventEncoderTests {
    // 2024-05-01T10:00:00.123456Z
    static let t0: Int64 = 1_714_557_600_123_456

    @Test func aMetadataEventIsWrittenLikeTheApiserver() {
        let e = AuditEvent(
            level: .metadata, auditID: "7e0c3f4a-1111-4222-8333-944455556666", stage: .responseComplete,
            requestURI: "/api/v1/namespaces/prod/secrets/db?a=1&b=<2>", verb: "get",
            user: UserInfo(username: "jane", groups: ["devs", "system:authenticated"]),
            sourceIPs: ["203.0.113.7"], userAgent: "kubectl/v1.36.0",
            objectRef: ObjectReference(resource: "secrets", namespace: "prod", name: "db", apiVersion: "v1"),
            responseStatus: ResponseStatus(code: 200),
            requestReceivedTimestamp: Self.t0, stageTimestamp: Self.t0 + 2_001,
            annotations: ["authorization.k8s.io/reason": "RBAC: allowed", "authorization.k8s.io/decision": "allow"])
        #expect(AuditEventEncoder.json(e) == """
        {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"7e0c3f4a-1111-4222-8333-944455556666","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/prod/secrets/db?a=1\\u0026b=\\u003c2\\u003e","verb":"get","user":{"username":"jane","groups":["devs","system:authenticated"]},"sourceIPs":["203.0.113.7"],"userAgent":"kubectl/v1.36.0","objectRef":{"resource":"secrets","namespace":"prod","name":"db","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"2024-05-01T10:00:00.123456Z","stageTimestamp":"2024-05-01T10:00:00.125457Z","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"RBAC: allowed"}}

        """)
    }

    @Test func aFailedAuthenticationHasAnEmptyUserAndAStatus() {
        let e = AuditEvent(
            level: .metadata, auditID: "x", stage: .responseStarted, requestURI: "/api/v1/secrets", verb: "list",
            user: nil, sourceIPs: ["198.51.100.9"],
            objectRef: ObjectReference(resource: "secrets", apiVersion: "v1"),
            responseStatus: ResponseStatus(code: 401, status: "Failure", message: "Authentication failed, no credentials provided", reason: "Unauthorized"),
            requestReceivedTimestamp: Self.t0, stageTimestamp: Self.t0)
        let line = AuditEventEncoder.json(e)
        #expect(line.contains("\"user\":{},"))
        #expect(line.contains("\"responseStatus\":{\"metadata\":{},\"status\":\"Failure\",\"message\":\"Authentication failed, no credentials provided\",\"reason\":\"Unauthorized\",\"code\":401}"))
        #expect(!line.contains("annotations"))
    }

    @Test func legacyLines() {
        let e = AuditEvent(
            level: .metadata, auditID: "id-1", stage: .requestReceived, requestURI: "/api/v1/pods", verb: "list",
            user: UserInfo(username: "jane", groups: ["devs", "ops"]), sourceIPs: ["10.0.0.1", "10.0.0.2"],
            userAgent: "kubectl", objectRef: ObjectReference(resource: "pods"),
            requestReceivedTimestamp: Self.t0, stageTimestamp: Self.t0)
        #expect(AuditEventEncoder.legacy(e) == """
        2024-05-01T10:00:00.123456Z AUDIT: id="id-1" stage="RequestReceived" ip="10.0.0.1" method="list" user="jane" groups="\\"devs\\",\\"ops\\"" as="<self>" asgroups="<lookup>" user-agent="kubectl" namespace="<none>" uri="/api/v1/pods" response="<deferred>"

        """)
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000000Z", "1970-01-01T00:00:00Z"),
        (Int64(951_782_400_500_000), "2000-02-29T00:00:00.500000Z", "2000-02-29T00:00:00.5Z"),
        (Int64(-1), "1969-12-31T23:59:59.999999Z", "1969-12-31T23:59:59.999999Z"),
    ])
    func timestamps(micros: Int64, micro: String, nano: String) {
        #expect(MicroTime.format(micros) == micro)
        #expect(MicroTime.rfc3339Nano(micros) == nano)
    }
}
