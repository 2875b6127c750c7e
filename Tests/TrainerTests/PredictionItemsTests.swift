import Labs
import Testing
@testable import Trainer

/// A prediction lab can only be answered when the learner can see what each answer id
/// stands for: every connection of a NetworkPolicy prediction lab is listed, with its id,
/// when the lab is opened, in `peek`, and in the file `kcsa lab start` writes. (Until
/// session 6 the task said "8 connections" and never named them.)
@Suite struct PredictionItemsTests {
    static let labs: [Lab] = (TrainerHarness().trainer.content.catalog?.labs ?? []).filter {
        if case .netpolPredict(let s) = $0.spec, case .connections = s.question { return true }
        return false
    }

    @Test func thereAreConnectionLabs() {
        #expect(Self.labs.count >= 2)
    }

    @Test(arguments: labs.map(\.id))
    func everyConnectionIsListed(id: String) throws {
        let lab = try #require(Self.labs.first { $0.id == id })
        guard case .netpolPredict(let s) = lab.spec, case .connections(let items) = s.question else { return }
        var h = TrainerHarness()
        let opened = h.command("open \(id)").1
        let peek = h.command("peek").1
        let file = LabWorkspace.starterFile(lab)
        for item in items {
            let c = item.connection
            let pattern = "  \(item.id)  \(c.from) "
            let tail = " \(c.to) "
            for (name, text) in [("open", opened), ("peek", peek), ("lab start", file)] {
                let line = text.split(separator: "\n").first { $0.contains(pattern) && $0.contains(tail) }
                #expect(line?.hasSuffix("\(c.port)/\(c.protocol.rawValue)") == true, "\(name) of \(id) lacks \(item.id): \(c.summary)")
            }
        }
    }
}

/// The "continue lab X? [Y/n]" question at the start of a terminal session.
@Suite struct ContinueQuestionTests {
    /// A second session in the same home, on a "terminal", given `lines`.
    static func secondSession(_ lines: [String]) -> String {
        var first = TrainerHarness()
        _ = first.command("open query-secret-access")
        var second = TrainerHarness(home: first.home)
        second.trainer.io.interactive = true
        return second.run(lines).text
    }

    @Test func enterReopensTheLab() {
        let text = Self.secondSession(["", "quit"])
        #expect(text.contains("[query-secret-access, query lab]"))
    }

    @Test func noDeclines() {
        let text = Self.secondSession(["n", "quit"])
        #expect(text.contains("`open query-secret-access` reopens it"))
        #expect(!text.contains("[query-secret-access, query lab]"))
    }

    /// A command typed instead of an answer declines and runs, rather than being dropped.
    @Test func aCommandTypedThereRuns() {
        let text = Self.secondSession(["open fix-bad-level", "quit"])
        #expect(text.contains("[fix-bad-level, fix lab]"))
        #expect(!text.contains("[query-secret-access, query lab]"))
    }
}
