import Foundation
import TestSupport
import Testing

/// `kcsa policy ...` run as a user runs it: the built binary, its output and exit code.
@Suite struct PolicyCommandTests {
    typealias Run = KCSARun

    static let packageRoot = SharedFolder.packageRoot()

    /// The `kcsa` executable built beside the test bundle.
    static var binary: URL { KCSABinary.url }

    /// Runs kcsa from the package root; progress goes to `home`, or a private folder, never
    /// the learner's own database.
    static func kcsa(_ args: [String], stdin: String = "", home: String? = nil,
                     environment extra: [String: String] = [:]) throws -> Run {
        var env: [String: String?] = extra.mapValues { $0 }
        env["KCSA_HOME"] = extra["KCSA_HOME"] ?? home ?? KCSABinary.freshHome()
        return try KCSABinary.run(args, stdin: stdin, in: packageRoot, environment: env)
    }

    static func temp(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func theSeedPoliciesAreValid() throws {
        let r = try Self.kcsa(["policy", "validate", "Labs/policies/seed-comprehensive.yaml"])
        #expect(r.status == 0)
        #expect(r.stdout == "Labs/policies/seed-comprehensive.yaml: valid (8 rules)\n")
    }

    @Test func anInvalidPolicyShowsWhereAndExitsOne() throws {
        let path = try Self.temp("policy.yaml", """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
          - level: Verbose
        """)
        let r = try Self.kcsa(["policy", "validate", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: rules[1].level: Unsupported value: \"Verbose\""))
        #expect(r.stderr.contains("\(path):5:12"))
        #expect(r.stderr.contains("5 |   - level: Verbose\n  |            ^^^^^^^"))
        #expect(r.stdout.contains("kube-apiserver would refuse to start"))
        #expect(!r.stdout.contains("\u{1B}["), "NO_COLOR is set")
    }

    @Test func strictTurnsDroppedKeysIntoErrors() throws {
        let path = try Self.temp("p.yaml", """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          resources:
          - group: ""
            resources: ["secrets"]
            verbs: ["get"]
        """)
        let lenient = try Self.kcsa(["policy", "validate", path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning: unknown field \"verbs\""))
        let strict = try Self.kcsa(["policy", "validate", "--strict", path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: unknown field \"verbs\""))
    }

    @Test func validateJSONIsMachineReadable() throws {
        let path = try Self.temp("p.yaml", "apiVersion: audit.k8s.io/v1\nkind: Policy\n")
        let r = try Self.kcsa(["policy", "validate", "--json", path])
        #expect(r.status == 1)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["valid"] as? Bool == false)
        #expect(obj["apiserverError"] as? String == "loaded illegal policy with 0 rules")
    }

    @Test func aMissingFileIsAUsageError() throws {
        let r = try Self.kcsa(["policy", "validate", "no-such-policy.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no-such-policy.yaml"))
    }

    @Test func evalWritesOneDecisionPerLine() throws {
        let requests = """
        {"user":"system:kube-proxy","groups":["system:authenticated"],"verb":"watch","namespace":"","apiGroup":"","apiVersion":"v1","resource":"endpoints","subresource":"","name":"","path":"/api/v1/endpoints","resourceRequest":true}
        {"method":"GET","url":"/api/v1/namespaces/prod/secrets/db","user":"jane","groups":["devs"]}

        {"method":"GET","url":"/healthz","user":"system:anonymous"}
        """
        let r = try Self.kcsa(["policy", "eval", "Labs/policies/seed-comprehensive.yaml"], stdin: requests)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
        {"level":"None","omitStages":["RequestReceived"],"omitManagedFields":false,"rule":0}
        {"level":"RequestResponse","omitStages":["RequestReceived"],"omitManagedFields":false,"rule":2}
        {"level":"Metadata","omitStages":["RequestReceived"],"omitManagedFields":false,"rule":7}

        """)
    }

    @Test func aBadRequestLineIsReportedWithItsPositionAndTheRestStillRuns() throws {
        let requests = """
        {"verb": 5, "resource": "pods"}
        {"method":"GET","url":"/version","user":"u"}
        not json
        """
        let r = try Self.kcsa(["policy", "eval", "Labs/policies/seed-minimal.yaml", "--requests", "-"], stdin: requests)
        #expect(r.status == 1)
        #expect(r.stdout == "{\"level\":\"None\",\"omitStages\":[\"RequestReceived\"],\"omitManagedFields\":false,\"rule\":2}\n")
        #expect(r.stderr.contains("<stdin>:1:2"))
        #expect(r.stderr.contains("\"verb\" must be a string, not number"))
        #expect(r.stderr.contains("<stdin>:3:"))
        #expect(r.stderr.contains("2 request lines could not be read"))
    }

    @Test func explainNamesTheRuleThatWon() throws {
        let r = try Self.kcsa(["policy", "explain", "Labs/policies/seed-comprehensive.yaml",
                               "--url", "GET /api/v1/namespaces/prod/secrets/db", "--user", "jane", "--group", "devs"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("rule 1  None            no match: users [system:kube-proxy] does not include jane"))
        #expect(r.stdout.contains("Result: logged at RequestResponse because rule 2 matched first (rules 0-1 did not match)"))
        #expect(r.stdout.contains("responseObject: yes"))
    }

    @Test func explainAcceptsKubernetesVerbsAndJSON() throws {
        let r = try Self.kcsa(["policy", "explain", "Labs/policies/seed-comprehensive.yaml",
                               "--url", "watch /api/v1/endpoints", "--user", "system:kube-proxy", "--json"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((obj["decision"] as? [String: Any])?["rule"] as? Int == 0)
        #expect(obj["summary"] as? String == "not logged (level None) because rule 0 matched first")
    }

    @Test func explainRejectsAnUnknownMethodWithASuggestion() throws {
        let r = try Self.kcsa(["policy", "explain", "Labs/policies/seed-minimal.yaml", "--url", "GTE /api/v1/pods",
                               "--user", "u"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean GET?"))
    }
}
