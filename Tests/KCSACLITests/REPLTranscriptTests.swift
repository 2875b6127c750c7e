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
