import Foundation
import Testing

/// Without a terminal, `kcsa lab check` and `kcsa lab show` print their lines whole, for
/// scripts and logs (on a terminal they wrap: `Fixtures/learner_defects_pty.py`).
@Suite struct LabOutputWidthTests {
    @Test func withoutATerminalNothingIsWrapped() throws {
        let course = PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures/course").path
        let wrong = try PolicyCommandTests.temp("wrong.yaml", "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: RequestResponse\n")
        let check = try PolicyCommandTests.kcsa(["lab", "check", "fixture-secrets", wrong, "--no-record", "--content", course])
        #expect(check.status == 1)
        #expect(check.stdout.split(separator: "\n").contains { $0.count > 150 && $0.contains("matched first") }, "\(check.stdout)")
        let show = try PolicyCommandTests.kcsa(["lab", "show", "fixture-query", "--content", course])
        #expect(show.stdout.contains("the program runs on each event; outputs compared in any order"))
    }
}
