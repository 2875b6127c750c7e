import Foundation
import Testing

/// A learner takes a short exam on a real pseudo-terminal (libedit, colour, Ctrl-C):
/// `Fixtures/exam_pty.py` drives `kcsa exam --seed 7 --count 5 --minutes 10` with
/// pexpect and checks the screen text. The test fails if any step of the flow breaks.
@Suite struct ExamPTYTests {
    static var script: String {
        PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures/exam_pty.py").path
    }

    @Test(.enabled(if: PTYScript.hasPexpect, "needs python3 with pexpect"), .timeLimit(.minutes(1)))
    func aLearnerAnswersFlagsReviewsSubmitsAndReadsTheReport() throws {
        let (status, text) = try PTYScript.run(Self.script, [PolicyCommandTests.binary.path, PolicyCommandTests.packageRoot.path])
        #expect(status == 0, "\(text)")
        #expect(text.contains(" passed, 0 failed"), "\(text)")
        #expect(text.contains("ok   the per-domain report"))
    }
}
