import Foundation
import Testing

/// The REPL on a real pseudo-terminal, driven as a learner types (python3 + pexpect):
/// TAB completion, multi-line entry, feedback, fixing, passing, Ctrl-C and history.
@Suite struct REPLTerminalTests {
    @Test(.enabled(if: PTYScript.hasPexpect, "needs python3 with pexpect"), .timeLimit(.minutes(2)))
    func aLearnerFailsThenPassesAPolicyLabAndAQueryLab() throws {
        let fixtures = PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let (status, text) = try PTYScript.run(fixtures.appendingPathComponent("repl_lab_session.py").path,
                                               [PolicyCommandTests.binary.path, fixtures.appendingPathComponent("course").path,
                                                state.path])
        #expect(status == 0, "\(text)")
        #expect(text.hasSuffix("ok\n"))
    }
}

/// Runs a pexpect script from Fixtures/ with python3 and collects what it printed.
enum PTYScript {
    static let hasPexpect: Bool = (try? run(nil, ["-c", "import pexpect"]).status) == 0

    /// `python3 SCRIPT ARGS...` (or `python3 ARGS...` without a script): exit status and output.
    static func run(_ script: String?, _ args: [String]) throws -> (status: Int32, text: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + (script.map { [$0] } ?? []) + args
        p.currentDirectoryURL = PolicyCommandTests.packageRoot
        let output = Pipe()
        p.standardOutput = output
        p.standardError = output
        try p.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }
}
