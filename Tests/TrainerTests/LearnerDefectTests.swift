import ContentFormat
import Diagnostics
@testable import Exam
import Foundation
import JSONValue
import Labs
import Terminal
import TestSupport
import Testing
@testable import Trainer

/// Issue 14: what a new learner hit, each driven as they typed it (in-process session,
/// scripted terminal). The terminal-dependent ones (editor, width, colour) also have pty
/// tests in KCSACLITests/LearnerPTYTests.swift.
@Suite struct LearnerDefectTests {
    /// The bank's first single-answer question.
    static func singleQuestion(_ h: inout TrainerHarness) throws -> Question {
        let loaded = h.trainer.requireBank()
        let bank = try #require(loaded)
        return try #require(bank.questions.first { $0.kind == .single && $0.options.count == 4 })
    }

    // 6. A typo or an empty Enter is asked again, not graded.
    @Test func aQuizTypoOrEmptyEnterIsAskedAgain() throws {
        var h = TrainerHarness()
        let q = try Self.singleQuestion(&h)
        h.trainer.io.input = ScriptedInput(["", "x", "a c", q.answer[0]])
        let correct = h.trainer.ask(q, order: .asWritten(q))
        let text = h.output.take()
        #expect(correct == true, "\(text)")
        #expect(text.contains("type one letter (a, b, c, d); Ctrl-C skips"))
        #expect(text.contains("`x` is not an answer: the options are a, b, c, d"))
        #expect(text.contains("this question has one answer"))
        #expect(!text.contains("Not quite."))
        let progress = try h.trainer.io.progress.open()
        #expect(try progress.answers().count == 1)
        #expect(try progress.dueCards(at: TrainerHarness.now.addingTimeInterval(86400 * 30)).isEmpty)
    }

    @Test func aReviewReplyIsValidatedTheSameWay() throws {
        var h = TrainerHarness()
        let q = try Self.singleQuestion(&h)
        let wrong = try #require(q.options.map(\.id).first { !q.answer.contains($0) })
        h.trainer.io.input = ScriptedInput([wrong])
        _ = h.trainer.ask(q, order: .asWritten(q))
        _ = h.output.take()
        // A day later the card is due: the typo is asked again, the right letter passes it
        // (the letter of the review's own option order).
        h.trainer.io.clock = .fixed(TrainerHarness.now.addingTimeInterval(2 * 86400))
        let card = try #require(try h.trainer.io.progress.open().dueCards(at: TrainerHarness.now.addingTimeInterval(2 * 86400)).first)
        let letter = try #require(OptionOrder.shuffled(q, seed: card.optionSeed).letter(of: q.answer[0]))
        let (outcome, text) = h.command("review", then: ["zz", letter])
        #expect(outcome == .ok)
        #expect(text.contains("`zz` is not an answer"))
        #expect(text.contains("Reviewed 1: 1 right."))
    }

    // 10. The near-solution first needs a yes; a TODO is "not answered yet" with no values.
    @Test func theLastHintFirstNeedsAConfirmation() {
        var h = TrainerHarness()
        _ = h.command("open secrets-at-metadata")
        var (outcome, text) = h.command("hint 3", then: ["n"])
        #expect(outcome == .failed)
        #expect(text.contains("Hint 3 is the near-solution, and you have seen none of the earlier hints."))
        #expect(!text.contains("Hint 3 of 3"))
        (outcome, text) = h.command("hint 3", then: ["y"])
        #expect(outcome == .ok)
        #expect(text.contains("Hint 3 of 3 (near-solution)"))
        var g = TrainerHarness()
        _ = g.command("open secrets-at-metadata")
        _ = g.command("hint")
        _ = g.command("hint")
        (outcome, text) = g.command("hint 3")
        #expect(outcome == .ok)
        #expect(!text.contains("show it anyway"))
    }

    @Test func anUnchangedPredictStarterShowsNoAnswers() {
        var h = TrainerHarness()
        _ = h.command("open precedence-rule-order")
        let (outcome, text) = h.command("check")
        #expect(outcome == .failed)
        #expect(text.contains("a: not answered yet (a TODO is left)"))
        #expect(!text.contains("you said"))
        #expect(!text.contains("it is Request"))
        #expect(!text.contains("RequestResponse\n"))
    }

    // 11. `open 3`, continuing the last lab, real help paragraphs.
    @Test func openTakesTheNumberLabsShows() throws {
        var h = TrainerHarness()
        let third = try #require(h.trainer.content.catalog?.labs[2])
        let (_, list) = h.command("labs")
        #expect(list.contains("  3 ") && list.contains(third.id))
        let (outcome, text) = h.command("open 3")
        #expect(outcome == .ok)
        #expect(text.contains("[\(third.id), "))
        #expect(h.command("open 999").1.contains("no lab"))
    }

    @Test func aNewSessionOffersTheLastOpenLab() {
        var first = TrainerHarness()
        _ = first.command("open fix-bad-level")
        var second = TrainerHarness(home: first.home)
        second.trainer.io.interactive = true
        let r = second.run(["", "task", "quit"])
        #expect(r.text.contains("[fix-bad-level, fix lab]"))
        #expect(second.trainer.session?.lab.id == "fix-bad-level")
        var third = TrainerHarness(home: first.home)
        third.trainer.io.interactive = true
        let declined = third.run(["n", "quit"])
        #expect(declined.text.contains("`open fix-bad-level` reopens it"))
        #expect(third.trainer.session == nil)
    }

    @Test func everyCommandHasAHelpParagraphWithAnExample() {
        var h = TrainerHarness()
        for c in TrainerCommands.all {
            let paragraph = TrainerHelp.paragraphs[c.name]
            #expect(paragraph != nil, "no help paragraph for \(c.name)")
            #expect(paragraph?.contains("Example: ") == true, "no example for \(c.name)")
            let (_, text) = h.command("help \(c.name)")
            #expect(text.split(separator: "\n").count >= 4, "help \(c.name) is only a summary")
        }
    }

    // 8. explain needs a user, or --unauthenticated (one ResponseStarted event).
    @Test func explainWithoutAUserAsksWhoSendsIt() {
        var h = TrainerHarness()
        _ = h.command("open query-secret-access")
        var (outcome, text) = h.command("explain GET /api/v1/namespaces/prod/secrets/db")
        #expect(outcome == .failed)
        #expect(text.contains("who sends it? add `as USER [GROUP...]`"))
        (outcome, text) = h.command("explain GET /api/v1/namespaces/prod/secrets/db --unauthenticated")
        #expect(outcome == .ok, "\(text)")
        #expect(text.contains("no user: authentication failed (401)"))
        #expect(text.contains("stages: ResponseStarted\n"))
        #expect(text.contains("no ResponseComplete"))
        (outcome, text) = h.command("explain GET /api/v1/namespaces/prod/secrets/db as jane")
        #expect(outcome == .ok)
        #expect(text.contains("ResponseComplete"))
    }

    // 7. `reset all` asks; a reset says what it removed; `reset undo` puts it back.
    @Test func resetAllAsksAndTheLastResetCanBeUndone() throws {
        var h = TrainerHarness()
        _ = h.command("open secrets-at-metadata")
        let lab = try #require(h.trainer.content.catalog?.lab("secrets-at-metadata"))
        _ = h.command("write", then: lab.reference.split(separator: "\n").map(String.init) + ["."])
        #expect(h.command("check").0 == .ok)
        var (outcome, text) = h.command("reset all", then: ["n"])
        #expect(outcome == .failed)
        #expect(text.contains("This resets every lab: 1 pass, the checks and hints of 1 lab, and 1 saved answer."))
        #expect(text.contains("nothing was reset"))
        #expect(h.command("labs").1.contains("passed "))
        (outcome, text) = h.command("reset secrets-at-metadata")
        #expect(text.contains("lab secrets-at-metadata reset: answer back to the starter; removed its pass, 1 check, 0 hints, 1 saved answer."))
        #expect(h.trainer.session?.answer == lab.starter)
        #expect(!h.command("labs").1.contains("passed "))
        (outcome, text) = h.command("reset undo")
        #expect(outcome == .ok)
        #expect(text.contains("reset undone: lab secrets-at-metadata is as it was"))
        #expect(h.command("labs").1.contains("passed "))
        #expect(h.trainer.session?.answer.contains("Metadata") == true)
        (outcome, text) = h.command("reset all", then: ["y"])
        #expect(text.contains("every lab reset"))
        #expect(h.command("reset undo").0 == .ok)
        #expect(h.command("reset undo").1.contains("there is no reset to undo"))
    }

    // 9. TAB offers jq builtins; `jq FILTER missing-file` is jq's own error.
    @Test func tabCompletesJQBuiltinsAndJQReportsAMissingFile() {
        var h = TrainerHarness()
        let names = h.trainer.completions("try ")
        #expect(names.contains("select") && names.contains("map") && names.contains("test"))
        #expect(!names.contains { $0.contains("/") })
        var warnings = ""
        h.trainer.io.warn = { warnings += $0 }
        let (outcome, text) = h.command("jq . no-such-file.json")
        #expect(outcome == .failed)
        #expect(!text.contains("usage"))
        #expect(warnings.contains("Could not open"), "\(warnings)")
    }

    // 12. A query counterexample names the first path where the outputs differ.
    @Test func theFirstDifferingPathIsNamed() throws {
        let e = try JSONParser.parse(#"{"user":"alice","verb":"get","n":[1,2]}"#)
        let a = try JSONParser.parse(#"{"user":null,"verb":"get","n":[1,3]}"#)
        let d = try #require(JSONDifference.first(expected: e, actual: a))
        #expect(d.path == ".user")
        #expect(d.expected == .string("alice") && d.actual == .null)
        let arrays = JSONDifference.first(expected: try JSONParser.parse(#"{"n":[1,2]}"#),
                                          actual: try JSONParser.parse(#"{"n":[1,3]}"#))
        #expect(arrays?.path == ".n[1]")
        #expect(JSONDifference.first(expected: e, actual: e) == nil)
        var h = TrainerHarness()
        _ = h.command("open query-secret-access")
        let lab = try #require(h.trainer.content.catalog?.lab("query-secret-access"))
        // The reference with one field changed: each output differs at that field.
        let answer = lab.reference.trimmingCharacters(in: .whitespacesAndNewlines) + " | if type == \"object\" then .verb = null else . end"
        _ = h.command("answer " + answer.replacingOccurrences(of: "\n", with: " "))
        let (_, text) = h.command("check")
        #expect(text.contains("first difference: .verb: expected \""), "\(text)")
    }

    // 2. Code in an exam question keeps its indentation.
    @Test func examQuestionCodeIsPrintedVerbatim() throws {
        var h = TrainerHarness()
        let loaded = h.trainer.requireBank()
        let bank = try #require(loaded)
        let q = try #require(bank.questions.first { $0.id == "sf-audit-misindented-verbs" })
        let session = ExamSession(paper: ExamPaper(seed: 1, questions: [q], blueprint: ExamBlueprint(curriculum: bank.curriculum, questions: 1)),
                                  startedAt: TrainerHarness.now, minutes: 10)
        for width in [88, 80, 60] {
            let text = ExamScreen(style: Style(enabled: false), width: width).question(session, 0, now: TrainerHarness.now)
            #expect(text.contains("\n  - level: RequestResponse\n    resources:\n      - group: \"\"\n"), "\(text)")
            #expect(text.contains("\n        verbs: [\"create\", \"update\"]\n"))
        }
    }

    // 4. `try` cuts an output by visible width, colour codes not counted, always with a marker.
    @Test func clippingCountsVisibleColumnsAndSaysWhatWasLeftOut() {
        let plain = String(repeating: "x", count: 200)
        let coloured = "\u{1B}[1;39m{" + "\u{1B}[0m" + String(repeating: "\u{1B}[0;32m\"ab\"\u{1B}[0m,", count: 50) + "}"
        let cut = TextWrap.clip(plain, width: 80)
        #expect(TextWrap.visibleWidth(cut) == 80)
        #expect(cut.hasSuffix(" ... (\(200 - (80 - " ... (000 more characters)".count + 1)) more characters)")
                || cut.contains("more characters)"))
        let cutColour = TextWrap.clip(coloured, width: 80)
        #expect(TextWrap.visibleWidth(cutColour) <= 80)
        #expect(cutColour.contains("\u{1B}[0m ... ("))
        #expect(TextWrap.clip("short", width: 80) == "short")
        #expect(TextWrap.visibleWidth(coloured) == 252)
    }

    // 3. Wrapping at word boundaries with hanging indents; JSON and fenced code never.
    @Test func wrappingKeepsWordsIndentsCodeAndJSON() {
        let finding = "          for example GET /api/v1/namespaces/dev/secrets/registry-credentials as system:serviceaccount:ci:deployer: expected level Metadata, got RequestResponse - rule 3 (line 26) matched first"
        let wrapped = TextWrap.wrap(finding, width: 80, hanging: 10)
        for line in wrapped.split(separator: "\n") {
            #expect(line.count <= 80 || !line.contains(" "))
            #expect(line.hasPrefix("          "))
        }
        #expect(wrapped.contains("rule 3 (line 26)") || wrapped.contains("rule 3\n") || wrapped.contains("(line\n") == false)
        #expect(!wrapped.contains("(l\n"))
        let json = "  expected: {\"user\":\"alice\",\"verb\":\"get\",\"objectRef\":{\"resource\":\"secrets\",\"namespace\":\"dev\",\"name\":\"registry\"}}"
        #expect(TextWrap.wrap(json, width: 60) == json)
        let fenced = "Look:\n```yaml\n" + String(repeating: "  - level: RequestResponse ", count: 4) + "\n```"
        #expect(TextWrap.wrap(fenced, width: 40) == fenced)
        #expect(TextWrap.wrap(finding, width: nil) == finding)
        let option = "  a) " + String(repeating: "word ", count: 30)
        for line in TextWrap.wrap(option, width: 50).split(separator: "\n").dropFirst() { #expect(line.hasPrefix("     w")) }
    }

    @Test func theSessionWrapsHelpLabsAndHintsToItsWidth() {
        var h = TrainerHarness()
        h.trainer.io.width = { 80 }
        for command in ["help", "labs", "help explain"] {
            let (_, text) = h.command(command)
            for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(command): \(line)") }
        }
        _ = h.command("open secrets-at-metadata")
        _ = h.command("write", then: LabFlowTests.wrongPolicy)
        let (_, check) = h.command("check")
        for line in check.split(separator: "\n") where !line.contains("{") { #expect(line.count <= 80, "\(line)") }
        #expect(check.contains("rule 0 (line 4) matched first"))
    }

    // 5. A duplicate key: the caret at the duplicate, and one account of what happens.
    @Test func aDuplicateKeyPointsAtTheDuplicate() throws {
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n  verbs: [get]\n  level: None\n"
        let source = SourceFile(name: "p.yaml", text: text)
        do {
            _ = try YAMLReader.read(source)
            Issue.record("a duplicate key must not load")
        } catch {
            let at = source.location(ofByte: error.span.start)
            #expect(at.line == 6 && at.column == 3)
            #expect(error.message == "duplicate key \"level\" (first at line 4)")
            #expect(error.help?.contains("kube-apiserver would log a warning and keep the last value") == true)
        }
        let flow = SourceFile(name: "f.yaml", text: "rules: [{level: Metadata, verbs: [get], level: None}]\n")
        do { _ = try YAMLReader.read(flow) } catch {
            #expect(flow.location(ofByte: error.span.start).column == 41)
        }
        // A policy with one is loaded as kube-apiserver loads it: a warning at the
        // duplicate, the last value kept, and graded with that value.
        var h = TrainerHarness()
        _ = h.command("open secrets-at-metadata")
        _ = h.command("write", then: text.split(separator: "\n").map(String.init) + ["."])
        let (_, screen) = h.command("check")
        #expect(screen.contains("p.yaml") == false)
        #expect(screen.contains("warning: duplicate key \"level\" (first at line 4)"), "\(screen)")
        #expect(screen.contains("answer:6:3"), "\(screen)")
        #expect(!screen.contains("would refuse to start"))
        #expect(screen.contains("kcsa does the same: it keeps this value"))
        #expect(screen.contains("FAIL"))
    }
}
