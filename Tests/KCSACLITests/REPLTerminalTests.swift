import Foundation
import Testing

/// The REPL on a real pseudo-terminal, driven as a learner types (python3 + pexpect):
/// TAB completion, multi-line entry, feedback, fixing, passing, Ctrl-C and history.
@Suite struct REPLTerminalTests {
    @Test func aLearnerFailsThenPassesAPolicyLabAndAQueryLab() throws {
        let fixtures = PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", fixtures.appendingPathComponent("repl_lab_session.py").path,
                       PolicyCommandTests.binary.path, fixtures.appendingPathComponent("course").path, state.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.hasSuffix("ok\n"))
    }
}
