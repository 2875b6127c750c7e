import Terminal
import Testing
@testable import Trainer

/// A lab's task is prose written at about 80 columns: on a terminal its paragraphs are
/// joined and wrapped to the real width, and its code is kept as written.
@Suite struct TaskWrapTests {
    static let task = """
    The log is dev-small under the study guide's own policy, which logs
    Secrets at RequestResponse and omits RequestReceived.

    Fix them so that the policy does what its comments say:
    - health checks not logged,
    - everything else at Metadata, without the
    RequestReceived stage.
      rules:
      - level: None
    ```
    kept as
    written
    ```
    {"auditID": 1}
    {"auditID": 2}
    """

    @Test func paragraphsAreJoinedAndCodeListsFencesAndJSONAreNot() {
        let lines = TextWrap.reflow(Self.task).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "The log is dev-small under the study guide's own policy, which logs Secrets at RequestResponse and omits RequestReceived.",
            "",
            "Fix them so that the policy does what its comments say:",
            "- health checks not logged,",
            "- everything else at Metadata, without the RequestReceived stage.",
            "  rules:",
            "  - level: None",
            "```", "kept as", "written", "```",
            "{\"auditID\": 1}", "{\"auditID\": 2}",
        ])
    }

    @Test func theTaskFillsTheWidthAndTheStarterIsKept() throws {
        var h = TrainerHarness()
        h.trainer.io.width = { 100 }
        let (_, wide) = h.command("open query-secret-access")
        #expect(wide.contains("The log is dev-small under the study guide's own policy (seed-audit-policy), which logs Secrets"))
        h.trainer.io.width = { 50 }
        let (_, narrow) = h.command("task")
        // Indented lines are the task's code and the starter: kept as written.
        for line in narrow.split(separator: "\n") where !line.hasPrefix(" ") {
            #expect(line.count <= 50, "\(line)")
        }
        #expect(narrow.contains("    select(.objectRef.resource==\"secrets\")"))
        // Without a terminal the task is printed as written.
        h.trainer.io.width = { nil }
        let (_, plain) = h.command("task")
        #expect(plain.contains("which logs\nSecrets at RequestResponse"))
    }
}
