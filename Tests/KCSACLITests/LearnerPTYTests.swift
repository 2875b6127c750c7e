import Foundation
import Testing

/// Issue 14 on a real 80-column colour pseudo-terminal (python3 + pexpect): `edit` with the
/// real vi, wrapping to the terminal's width and following a resize, `try` clipped by
/// visible width, and the offer to continue the last lab (`Fixtures/learner_pty.py`); the
/// exam's code, re-prompts, duplicate keys, hint confirmation, reset, explain and jq
/// (`Fixtures/learner_defects_pty.py`).
@Suite struct LearnerPTYTests {
    static var hasVi: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/vi") }

    @Test(.enabled(if: PTYScript.hasPexpect && hasVi, "needs python3 with pexpect, and vi"), .timeLimit(.minutes(2)))
    func viWidthColourAndContinueOnAPTY() throws {
        let fixtures = PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-learner-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let (status, text) = try PTYScript.run(fixtures.appendingPathComponent("learner_pty.py").path,
                                               [PolicyCommandTests.binary.path, fixtures.appendingPathComponent("course").path,
                                                state.path])
        #expect(status == 0, "\(text)")
        #expect(text.hasSuffix("ok\n"))
    }

    /// Defects 2 and 5-10 typed at an 80-column colour terminal (`Fixtures/learner_defects_pty.py`).
    @Test(.enabled(if: PTYScript.hasPexpect, "needs python3 with pexpect"), .timeLimit(.minutes(2)))
    func theOtherDefectsAsTypedOnAPTY() throws {
        let fixtures = PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-defects-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let (status, text) = try PTYScript.run(fixtures.appendingPathComponent("learner_defects_pty.py").path,
                                               [PolicyCommandTests.binary.path, fixtures.appendingPathComponent("course").path,
                                                state.path])
        #expect(status == 0, "\(text)")
        #expect(text.hasSuffix("ok\n"))
    }
}
