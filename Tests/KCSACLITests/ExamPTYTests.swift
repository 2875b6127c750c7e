import Foundation
import Testing

/// A learner takes a short exam on a real pseudo-terminal (libedit, colour, Ctrl-C):
/// `Fixtures/exam_pty.py` drives `kcsa exam --seed 7 --count 5 --minutes 10` with
/// pexpect and checks the screen text. The test fails if any step of the flow breaks.
@Suite struct ExamPTYTests {
    static var script: String {
        PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures/exam_pty.py").path
    }

    static var hasPexpect: Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import pexpect"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    @Test(.enabled(if: hasPexpect, "needs python3 with pexpect"), .timeLimit(.minutes(1)))
    func aLearnerAnswersFlagsReviewsSubmitsAndReadsTheReport() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.script, PolicyCommandTests.binary.path, PolicyCommandTests.packageRoot.path]
        p.currentDirectoryURL = PolicyCommandTests.packageRoot
        let output = Pipe()
        p.standardOutput = output
        p.standardError = output
        try p.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains(" passed, 0 failed"), "\(text)")
        #expect(text.contains("ok   the per-domain report"))
    }
}
