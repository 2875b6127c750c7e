import Testing
@testable import Trainer

/// One table gives dispatch, help and completion: they cannot drift apart.
@Suite struct CommandTableTests {
    @Test func everyCommandHasHelpAndIsCompleted() {
        var h = TrainerHarness()
        let (_, help) = h.command("help")
        let completed = h.trainer.completions("")
        for c in TrainerCommands.all {
            #expect(help.contains(c.usage), "help lacks \(c.name)")
            #expect(completed.contains(c.name), "TAB lacks \(c.name)")
            let (outcome, text) = h.command("help \(c.name)")
            #expect(outcome == .ok)
            #expect(text.contains(c.summary))
        }
    }

    @Test func completionFollowsTheTable() {
        var h = TrainerHarness()
        #expect(h.trainer.completions("open secrets-").contains("secrets-at-metadata"))
        #expect(h.trainer.completions("reset ").contains("all"))
        #expect(h.trainer.completions("explain ").contains("watch"))
        #expect(h.trainer.completions("try sel").contains("select"))
        #expect(h.trainer.completions("quiz ").contains("security-fundamentals"))
        _ = h.command("open query-secret-access")
        #expect(h.trainer.completions("try .objectRef.").contains(".objectRef.resource"))
    }

    @Test func aPipedSessionCountsFailures() {
        var h = TrainerHarness()
        var r = h.run(["# a comment", "", "labs", "quit", "check"])
        #expect(r.status == 0)
        #expect(r.text.contains("labs passed."))
        r = h.run(["check"])
        #expect(r.status == 1)
    }
}
