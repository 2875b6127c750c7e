import Foundation
import Testing

/// `kcsa lab ...` and labs in a piped session, on the two-lab test course.
@Suite struct LabCommandTests {
    static let course = PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures/course").path

    static let wrongPolicy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: RequestResponse\n"
    static let rightPolicy = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
    - level: Metadata
      resources:
      - group: ""
        resources: ["secrets"]
    - level: Request

    """

    static func kcsa(_ args: [String], stdin: String = "", home: String? = nil) throws -> PolicyCommandTests.Run {
        try PolicyCommandTests.kcsa(args + ["--content", course], stdin: stdin, home: home)
    }

    @Test func checkExitsZeroOnAPassAndOneOtherwise() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-home-\(UUID().uuidString)").path
        let wrong = try PolicyCommandTests.temp("wrong.yaml", Self.wrongPolicy)
        let r = try Self.kcsa(["lab", "check", "fixture-secrets", wrong], home: home)
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL  secrets at Metadata"))
        #expect(r.stdout.contains("expected level Metadata, got RequestResponse - rule 0 (line 4) matched first"))
        #expect(r.stdout.contains("NOT PASSED fixture-secrets: 2 of 3 checks fail."))
        let right = try PolicyCommandTests.temp("right.yaml", Self.rightPolicy)
        let ok = try Self.kcsa(["lab", "check", "fixture-secrets", right], home: home)
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("PASSED fixture-secrets: all 3 checks pass."))
        // Both attempts are in the progress database.
        let list = try Self.kcsa(["lab", "list", "--json"], home: home)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let item = try #require(items.first { $0["id"] as? String == "fixture-secrets" })
        #expect(item["passed"] as? Bool == true)
        #expect(item["attempts"] as? Int == 2)
        let progress = try Self.kcsa(["progress"], home: home)
        #expect(progress.stdout.contains("Labs: 1 of 2 passed"))
    }

    @Test func jsonAndJUnitReportEveryCheck() throws {
        let wrong = try PolicyCommandTests.temp("wrong.yaml", Self.wrongPolicy)
        let junit = try PolicyCommandTests.temp("report.xml", "")
        let r = try Self.kcsa(["lab", "check", "fixture-secrets", wrong, "--json", "--junit", junit, "--no-record"])
        #expect(r.status == 1)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["passed"] as? Bool == false)
        let checks = try #require(o["checks"] as? [[String: Any]])
        #expect(checks.map { $0["passed"] as? Bool } == [true, false, false])
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains(#"<testsuite name="fixture-secrets" tests="3" failures="2""#))
        #expect(xml.contains("matching requests (resource=secrets) fail"))
    }

    @Test func aBrokenAnswerShowsACaretAndAnUnknownLabIsAUsageError() throws {
        let broken = try PolicyCommandTests.temp("broken.yaml", "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Everything\n")
        let r = try Self.kcsa(["lab", "check", "fixture-secrets", broken, "--no-record"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("broken.yaml:4:10"))
        #expect(r.stdout.contains("^"))
        let unknown = try Self.kcsa(["lab", "check", "fixture-secret", broken])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean fixture-secrets?"))
        let missing = try Self.kcsa(["lab", "check", "fixture-secrets", "/no/such/answer.yaml"])
        #expect(missing.status == 2)
    }

    @Test func aQueryLabShowsTheSmallestDifferingEvent() throws {
        let q = try PolicyCommandTests.temp("q.jq", #"select(.objectRef.resource == "secrets") | .verb"#)
        let r = try Self.kcsa(["lab", "check", "fixture-query", q, "--no-record"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("the smallest event where they differ"))
        let right = try PolicyCommandTests.temp("q.jq", #"select(.stage == "ResponseComplete" and .objectRef.resource == "secrets") | .verb"#)
        #expect(try Self.kcsa(["lab", "check", "fixture-query", right, "--no-record"]).status == 0)
    }

    @Test func aPipedLabSessionReadsAnswersLineByLine() throws {
        let script = """
        open fixture-secrets
        write
        \(Self.wrongPolicy).
        check
        solution
        write
        \(Self.rightPolicy).
        check
        solution
        hint
        next
        answer select(.stage == "ResponseComplete" and .objectRef.resource == "secrets") | .verb
        check
        progress
        """
        let r = try PolicyCommandTests.kcsa([], stdin: script, environment: ["KCSA_CONTENT": Self.course])
        #expect(r.status == 1, "a failed check makes the session exit 1")
        #expect(!r.stdout.contains("\u{1B}["))
        #expect(r.stdout.contains("NOT PASSED fixture-secrets"))
        #expect(r.stdout.contains("the reference solution opens once you pass the lab"))
        #expect(r.stdout.contains("PASSED fixture-secrets: all 3 checks pass."))
        #expect(r.stdout.contains("Reference solution:"))
        #expect(r.stdout.contains("Hint 1 of 2 (nudge):"))
        #expect(r.stdout.contains("PASSED fixture-query"))
        #expect(r.stdout.contains("Labs: 2 of 2 passed"))
    }
}
