import Foundation
import Testing

/// A long `events generate` shows progress on a terminal and nothing when piped.
@Suite struct EventsProgressTests {
    static var script: String {
        PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures/events_progress_pty.py").path
    }

    @Test(.enabled(if: PTYScript.hasPexpect, "needs python3 with pexpect"), .timeLimit(.minutes(5)))
    func aTerminalSeesProgress() throws {
        let (status, text) = try PTYScript.run(Self.script, [PolicyCommandTests.binary.path, PolicyCommandTests.packageRoot.path])
        #expect(status == 0, "\(text)")
        #expect(text.contains("ok progress shown"), "\(text)")
    }

    @Test func aPipeSeesNoProgress() throws {
        let r = try PolicyCommandTests.kcsa(["events", "generate", "--scenario", "dev-small", "--duration", "30m", "--content", "."])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout.hasSuffix("}\n"))
    }
}
