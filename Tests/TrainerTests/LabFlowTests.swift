import Foundation
import Testing
@testable import Trainer

/// The lab workflow a learner follows, driven in-process through the command table.
@Suite struct LabFlowTests {
    static let wrongPolicy = ["apiVersion: audit.k8s.io/v1", "kind: Policy", "rules:", "- level: RequestResponse", "."]

    @Test func aPolicyLabFromFirstFailureToTheNextLab() throws {
        var h = TrainerHarness()
        var (outcome, text) = h.command("open secrets-at-metadata")
        #expect(outcome == .ok)
        #expect(text.contains("[secrets-at-metadata, policy lab]"))
        #expect(text.contains("Write the policy with `write`"))

        (outcome, text) = h.command("write", then: Self.wrongPolicy)
        #expect(outcome == .ok)
        #expect(text.contains("answer saved (4 lines)"))

        (outcome, text) = h.command("check")
        #expect(outcome == .failed)
        #expect(text.contains("FAIL  "))
        #expect(text.contains("expected level Metadata, got RequestResponse"))
        #expect(text.contains("rule 0 (line 4) matched first"))
        #expect(text.contains("NOT PASSED secrets-at-metadata"))
        #expect(text.contains("Stuck? `hint` gives a nudge."))

        (outcome, text) = h.command("solution")
        #expect(outcome == .failed)
        #expect(text.contains("opens once you pass"))

        (outcome, text) = h.command("hint")
        #expect(outcome == .ok)
        #expect(text.contains("Hint 1 of 3 (nudge)"))

        let lab = try #require(h.trainer.content.catalog?.lab("secrets-at-metadata"))
        (outcome, text) = h.command("write", then: lab.reference.split(separator: "\n").map(String.init) + ["."])
        (outcome, text) = h.command("check")
        #expect(outcome == .ok, "\(text)")
        #expect(text.contains("PASSED secrets-at-metadata"))
        #expect(text.contains("What to take away"))

        (outcome, text) = h.command("solution")
        #expect(outcome == .ok)
        #expect(text.contains("Reference solution"))

        (outcome, text) = h.command("progress")
        #expect(text.contains("secrets-at-metadata"))
        #expect(text.contains("passed  2 checks, hints 1"))

        (outcome, text) = h.command("next")
        #expect(outcome == .ok)
        let following = try #require(h.trainer.content.catalog?.next(after: "secrets-at-metadata"))
        #expect(text.contains("[\(following.id), "))
        #expect(h.trainer.session?.lab.id == following.id)

        (outcome, text) = h.command("reset secrets-at-metadata")
        #expect(outcome == .ok)
        #expect(text.contains("lab secrets-at-metadata reset"))
        (outcome, text) = h.command("progress")
        #expect(!text.contains("secrets-at-metadata "))
    }

    @Test func theDraftSurvivesTheSessionAndResetGoesBackToTheStarter() throws {
        var first = TrainerHarness()
        _ = first.command("open secrets-at-metadata")
        _ = first.command("write", then: Self.wrongPolicy)
        var second = TrainerHarness(home: first.home)
        var (_, text) = second.command("open secrets-at-metadata")
        #expect(text.contains("your saved answer is loaded"))
        #expect(second.trainer.session?.answer.contains("RequestResponse") == true)
        (_, text) = second.command("reset")
        let lab = try #require(second.trainer.content.catalog?.lab("secrets-at-metadata"))
        #expect(second.trainer.session?.answer == lab.starter)
        var third = TrainerHarness(home: first.home)
        (_, text) = third.command("open secrets-at-metadata")
        #expect(!text.contains("your saved answer is loaded"))
    }

    @Test func aQueryLabTryPeekAnswerCheck() throws {
        var h = TrainerHarness()
        var (outcome, text) = h.command("open query-secret-access")
        #expect(outcome == .ok)
        #expect(text.contains("query lab"))

        (outcome, text) = h.command("peek 2")
        #expect(outcome == .ok)
        #expect(text.contains("\"kind\":\"Event\""))
        #expect(text.contains("2 of "))

        (outcome, text) = h.command(#"try select(.objectRef.resource == "secrets") | .verb"#)
        #expect(outcome == .ok)
        #expect(text.contains("outputs from"))

        (outcome, text) = h.command("try .objectRef.resource | ascii_downcase(")
        #expect(outcome == .failed)
        #expect(text.contains("^"))

        (outcome, text) = h.command("answer .verb")
        #expect(outcome == .ok)
        #expect(h.trainer.session?.answer == ".verb\n")
        (outcome, text) = h.command("check")
        #expect(outcome == .failed)
        #expect(text.contains("the smallest event where they differ"))
        #expect(text.contains("expected:"))

        let lab = try #require(h.trainer.content.catalog?.lab("query-secret-access"))
        (outcome, text) = h.command("answer " + lab.reference.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " "))
        (outcome, text) = h.command("check")
        #expect(outcome == .ok, "\(text)")
        #expect(text.contains("PASSED query-secret-access"))
    }

    @Test func commandsNeedWhatTheyWorkOn() {
        var h = TrainerHarness()
        var (outcome, text) = h.command("check")
        #expect(outcome == .failed)
        #expect(text.contains("no lab is open"))
        (outcome, text) = h.command("open secrets-at-metdata")
        #expect(text.contains("did you mean `secrets-at-metadata`?"))
        (outcome, text) = h.command("chek")
        #expect(outcome == .failed)
        #expect(text.contains("unknown command `chek`; did you mean `check`?"))
        _ = h.command("open secrets-at-metadata")
        (outcome, text) = h.command("try .verb")
        #expect(text.contains("`try` runs jq on a query lab's log; this is a policy lab"))
    }

    @Test func ctrlCDuringWriteKeepsThePreviousAnswer() {
        var h = TrainerHarness()
        _ = h.command("open secrets-at-metadata")
        let before = h.trainer.session?.answer
        let (outcome, text) = h.command("write", then: ["rules:", ScriptedInputMarker.ctrlC])
        #expect(outcome == .failed)
        #expect(text.contains("entry abandoned"))
        #expect(h.trainer.session?.answer == before)
    }
}

import TestSupport
typealias ScriptedInputMarker = ScriptedInput
