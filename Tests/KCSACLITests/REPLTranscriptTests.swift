import Foundation
import Testing

/// `kcsa < script`: commands read line by line without a terminal, no prompt or escape codes.
@Suite struct REPLTranscriptTests {
    @Test func aPipedSessionRunsEveryCommand() throws {
        let script = """
        # comments and blank lines are skipped

        policy Labs/policies/seed-comprehensive.yaml
        explain watch /api/v1/endpoints as system:kube-proxy
        explain GET /api/v1/namespaces/prod/secrets/db as jane devs
        validate Labs/policies/seed-minimal.yaml
        quit
        explain GET /never/run
        """
        let r = try PolicyCommandTests.kcsa([], stdin: script)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(!r.stdout.contains("kcsa>"))
        #expect(!r.stdout.contains("\u{1B}["))
        #expect(r.stdout.contains("loaded Labs/policies/seed-comprehensive.yaml (8 rules)"))
        #expect(r.stdout.contains("Result: not logged (level None) because rule 0 matched first"))
        #expect(r.stdout.contains("Result: logged at RequestResponse because rule 2 matched first"))
        #expect(r.stdout.contains("Labs/policies/seed-minimal.yaml: valid (3 rules)"))
        #expect(!r.stdout.contains("/never/run"))
    }

    @Test func aFailedCommandIsReportedAndTheExitCodeSaysSo() throws {
        let r = try PolicyCommandTests.kcsa([], stdin: "explian GET /x\nexplain GET /api/v1/pods\npolicy no-such.yaml\n")
        #expect(r.status == 1)
        #expect(r.stdout.contains("unknown command `explian`; did you mean `explain`?"))
        #expect(r.stdout.contains("load a policy first"))
        #expect(r.stdout.contains("cannot read no-such.yaml"))
    }

    @Test func anEmptyScriptEndsCleanly() throws {
        let r = try PolicyCommandTests.kcsa([], stdin: "")
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
    }
}

/// `kcsa events`: generation and volume from the command line.
@Suite struct EventsCommandTests {
    @Test func generationIsReproducibleAndWritesTheTruth() throws {
        let truth = try PolicyCommandTests.temp("truth.json", "")
        let args = ["events", "generate", "--scenario", "dev-small", "--policy", "Labs/policies/seed-comprehensive.yaml",
                    "--seed", "5", "--duration", "30m", "--now", "2026-05-01T10:00:00Z", "--truth", truth]
        let a = try PolicyCommandTests.kcsa(args)
        let b = try PolicyCommandTests.kcsa(args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.hasPrefix("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\""))
        #expect(a.stdout.contains("\"requestReceivedTimestamp\":\"2026-05-01T10:"))
        let t = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truth))) as? [String: Any])
        let incidents = t["incidents"] as? [[String: Any]] ?? []
        let exec = try #require(incidents.first { $0["incident"] as? String == "exec-into-payments" })
        let ids = exec["auditIDs"] as? [String] ?? []
        #expect(ids.count == 1 && a.stdout.contains(ids[0]))
    }

    @Test func volumeComparesPoliciesSideBySide() throws {
        let r = try PolicyCommandTests.kcsa(["events", "volume", "--scenario", "prod-100", "--duration", "24h", "--json",
                                             "--policy", "Labs/policies/volume-metadata.yaml",
                                             "--policy", "Labs/policies/volume-requestresponse.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        let metadata = try #require(rows[0]["bytesPerDay"] as? Double)
        let full = try #require(rows[1]["bytesPerDay"] as? Double)
        #expect(full > metadata)
    }

    @Test func aBadDurationIsAUsageError() throws {
        let r = try PolicyCommandTests.kcsa(["events", "generate", "--duration", "forever"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("not a duration"))
    }
}

/// The study guide's jq queries, run with `kcsa jq` over generated logs, find exactly
/// the incidents the generator injected (the ground truth), and nothing else.
@Suite struct IncidentQueryTests {
    static let cases: [(scenario: String, query: String, incidents: [String])] = [
        ("dev-small", #"select(.objectRef.subresource=="exec" or .objectRef.subresource=="attach") | .auditID"#, ["exec-into-payments"]),
        ("incident-breakout", #"select(.objectRef.subresource=="exec" or .objectRef.subresource=="attach") | .auditID"#, ["exec-shell"]),
        ("incident-breakout", #"select(.verb=="create" and .objectRef.resource=="pods") | select(.requestObject.spec.containers[]?.securityContext.privileged==true) | .auditID"#, ["privileged-pod"]),
        ("incident-breakout", #"select(.verb=="create" and .objectRef.resource=="pods") | select(.requestObject.spec.hostNetwork==true or .requestObject.spec.hostPID==true) | .auditID"#, ["hostnetwork-pod"]),
        ("incident-escalation", #"select(.objectRef.resource=="clusterrolebindings" or .objectRef.resource=="rolebindings") | select(.verb=="create" or .verb=="update" or .verb=="patch") | .auditID"#, ["escalation"]),
        ("incident-escalation", #"select(.responseStatus.code==403) | .auditID"#, ["forbidden-probing"]),
        ("incident-escalation", #"select(.objectRef.subresource=="token" and .verb=="create") | .auditID"#, ["persistence-token"]),
        ("dev-small", #"select(.responseStatus.code==401) | .auditID"#, ["failed-logins"]),
        ("incident-tampering", #"select(.objectRef.resource=="networkpolicies" and .verb=="delete") | .auditID"#, ["networkpolicy-deleted"]),
        ("incident-tampering", #"select(.impersonatedUser != null) | .auditID"#, ["impersonated-reads"]),
    ]

    @Test(arguments: 0..<cases.count)
    func theQueryFindsTheIncident(index: Int) throws {
        let c = Self.cases[index]
        let log = try PolicyCommandTests.temp("audit.log", "")
        let truth = try PolicyCommandTests.temp("truth.json", "")
        let gen = try PolicyCommandTests.kcsa(["events", "generate", "--scenario", c.scenario, "--policy",
                                               "Labs/policies/seed-audit-policy.yaml", "--seed", "3", "--duration", "1h",
                                               "-o", log, "--truth", truth])
        #expect(gen.status == 0, "\(gen.stderr)")
        let found = try PolicyCommandTests.kcsa(["jq", "-r", c.query, log])
        #expect(found.status == 0, "\(found.stderr)")
        let t = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truth))) as? [String: Any])
        let expected = Set((t["incidents"] as? [[String: Any]] ?? []).filter { c.incidents.contains($0["incident"] as? String ?? "") }
            .flatMap { $0["auditIDs"] as? [String] ?? [] })
        #expect(!expected.isEmpty)
        #expect(Set(found.stdout.split(separator: "\n").map(String.init)) == expected)
    }
}
