import Foundation
import Testing
@testable import Exam

/// The exam state machine with an injected clock: answers, flags, navigation, the
/// review list, submitting, the 30/15/5-minute warnings and the time-out.
@Suite struct ExamSessionTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func question(_ id: String, _ domain: String, kind: Question.Kind = .single, answer: [String] = ["b"]) -> Question {
        Question(id: id, subtopic: "s", kind: kind, revision: 1, question: "Q \(id)?",
                 options: ["a", "b", "c", "d"].map { Question.Option(id: $0, text: "option \($0)", why: "because") },
                 answer: answer, explanation: "explained", sources: ["https://kubernetes.io/"], domain: domain)
    }

    static let curriculum = Curriculum(
        curriculum: "test", revision: "1", exam: .init(questions: 3, minutes: 90, passPercent: 75),
        domains: [.init(id: "one", title: "Domain One", weight: 2, subtopics: ["s"]),
                  .init(id: "two", title: "Domain Two", weight: 1, subtopics: ["s"])])

    static func session(minutes: Int = 90) -> ExamSession {
        let paper = ExamPaper(seed: 1, questions: [question("q1", "one"), question("q2", "one", kind: .multiple, answer: ["a", "c"]),
                                                   question("q3", "two")],
                              blueprint: ExamBlueprint(curriculum: curriculum, questions: 3))
        return ExamSession(paper: paper, startedAt: t0, minutes: minutes)
    }

    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    @Test func anAnswerIsKeptAndTheNextQuestionShown() {
        var s = Self.session()
        #expect(s.apply(.answer(["b"]), at: Self.at(1)) == [.answered(index: 0), .show(1)])
        #expect(s.answers == ["q1": ["b"]])
        #expect(s.current == 1)
        #expect(s.apply(.answer(["c", "a"]), at: Self.at(2)) == [.answered(index: 1), .show(2)])
        // The last question stays on screen.
        #expect(s.apply(.answer(["a"]), at: Self.at(3)) == [.answered(index: 2)])
        #expect(s.current == 2)
        #expect(s.answers["q2"] == ["a", "c"])
    }

    @Test func answersThatDoNotFitAreRejectedAndNothingChanges() {
        var s = Self.session()
        #expect(s.apply(.answer(["e"]), at: Self.at(1)) == [.rejected("e is not an option here (options: a, b, c, d)")])
        #expect(s.apply(.answer(["a", "b"]), at: Self.at(1)) == [.rejected("this question has one answer: type one letter")])
        #expect(s.answers.isEmpty && s.current == 0)
    }

    @Test func flagsToggleAndShowInTheReviewList() {
        var s = Self.session()
        #expect(s.apply(.toggleFlag, at: Self.at(1)) == [.flagChanged(index: 0, flagged: true)])
        _ = s.apply(.answer(["a"]), at: Self.at(1))
        _ = s.apply(.toggleFlag, at: Self.at(2))
        _ = s.apply(.toggleFlag, at: Self.at(2))
        #expect(s.flagged == ["q1"])
        #expect(s.apply(.review, at: Self.at(3)) == [.review])
        #expect(s.reviewEntries == [
            .init(number: 1, questionID: "q1", chosen: ["a"], flagged: true),
            .init(number: 2, questionID: "q2", chosen: [], flagged: false),
            .init(number: 3, questionID: "q3", chosen: [], flagged: false),
        ])
        #expect(s.reviewEntries.map(\.answered) == [true, false, false])
    }

    @Test func navigationStopsAtTheEnds() {
        var s = Self.session()
        #expect(s.apply(.previous, at: Self.at(1)) == [.rejected("this is the first question")])
        #expect(s.apply(.next, at: Self.at(1)) == [.show(1)])
        #expect(s.apply(.goTo(3), at: Self.at(1)) == [.show(2)])
        #expect(s.apply(.next, at: Self.at(1)) == [.rejected("this is the last question: `r` reviews, `submit` ends the exam")])
        #expect(s.apply(.goTo(4), at: Self.at(1)) == [.rejected("there is no question 4 (1-3)")])
        #expect(s.apply(.goTo(0), at: Self.at(1)) == [.rejected("there is no question 0 (1-3)")])
        #expect(s.apply(.previous, at: Self.at(1)) == [.show(1)])
        _ = s.apply(.answer(["a", "c"]), at: Self.at(1))
        _ = s.apply(.goTo(2), at: Self.at(1))
        #expect(s.apply(.clear, at: Self.at(1)) == [.cleared(index: 1)])
        #expect(s.answers.isEmpty)
    }

    @Test func submitAsksWhenQuestionsAreOpenAndCanBeDeclined() {
        var s = Self.session()
        _ = s.apply(.answer(["b"]), at: Self.at(1))
        _ = s.apply(.toggleFlag, at: Self.at(1))
        #expect(s.apply(.submit, at: Self.at(2)) == [.confirmSubmit(unanswered: 2, flagged: 1)])
        #expect(s.phase == .confirmingSubmit)
        #expect(s.parse("n") == .success(.confirm(false)))
        #expect(s.apply(.confirm(false), at: Self.at(2)) == [.submitCancelled])
        #expect(s.phase == .answering)
        // Another command while asked counts as "no" and is then applied.
        _ = s.apply(.submit, at: Self.at(3))
        #expect(s.apply(.previous, at: Self.at(3)) == [.submitCancelled, .show(0)])
        _ = s.apply(.submit, at: Self.at(4))
        #expect(s.apply(.confirm(true), at: Self.at(4)) == [.submitted(.learner)])
        #expect(s.phase == .finished(.learner))
        #expect(s.finishedAt == Self.at(4))
        #expect(s.apply(.answer(["c"]), at: Self.at(5)) == [])
    }

    @Test func submitWithEverythingAnsweredNeedsNoConfirmation() {
        var s = Self.session()
        _ = s.apply(.answer(["b"]), at: Self.at(1))
        _ = s.apply(.answer(["a", "c"]), at: Self.at(1))
        _ = s.apply(.answer(["d"]), at: Self.at(1))
        #expect(s.apply(.submit, at: Self.at(2)) == [.submitted(.learner)])
        let r = s.result(curriculum: Self.curriculum)
        #expect(r.correct == 2)
        #expect(r.domains.map(\.correct) == [2, 0])
        #expect(r.domains.map(\.total) == [2, 1])
        #expect(!r.passed)
    }

    @Test func warningsFireAt30_15And5MinutesLeftExactlyOnce() {
        var s = Self.session()
        #expect(s.tick(at: Self.at(0)) == [])
        #expect(s.tick(at: Self.at(59.99)) == [])
        #expect(s.tick(at: Self.at(60)) == [.warning(minutesLeft: 30)])
        #expect(s.tick(at: Self.at(60.01)) == [])
        #expect(s.apply(.next, at: Self.at(70)) == [.show(1)])
        #expect(s.apply(.next, at: Self.at(75)) == [.warning(minutesLeft: 15), .show(2)])
        #expect(s.tick(at: Self.at(80)) == [])
        #expect(s.tick(at: Self.at(85)) == [.warning(minutesLeft: 5)])
        #expect(s.tick(at: Self.at(89.9)) == [])
        #expect(s.warned == [30, 15, 5])
    }

    @Test func afterALongPauseOnlyTheMostUrgentWarningIsShown() {
        var s = Self.session()
        #expect(s.tick(at: Self.at(86)) == [.warning(minutesLeft: 5)])
        #expect(s.tick(at: Self.at(87)) == [])
    }

    @Test func aShortExamOnlyWarnsInsideItsOwnTime() {
        var s = Self.session(minutes: 10)
        #expect(s.tick(at: Self.at(0)) == [])
        #expect(s.nextTimerEvent(after: Self.at(0)) == Self.at(5))
        #expect(s.tick(at: Self.at(5)) == [.warning(minutesLeft: 5)])
        #expect(s.nextTimerEvent(after: Self.at(5)) == Self.at(10))
        #expect(s.tick(at: Self.at(9)) == [])
    }

    @Test func theTimeOutSubmitsAndLaterInputIsNotApplied() {
        var s = Self.session(minutes: 10)
        _ = s.apply(.answer(["b"]), at: Self.at(1))
        #expect(s.apply(.answer(["a", "c"]), at: Self.at(10.5)) == [.submitted(.timeUp)])
        #expect(s.phase == .finished(.timeUp))
        #expect(s.finishedAt == Self.at(10))
        #expect(s.answers == ["q1": ["b"]])
        #expect(s.tick(at: Self.at(11)) == [])
        #expect(s.nextTimerEvent(after: Self.at(11)) == nil)
        #expect(s.remaining(at: Self.at(11)) == 0)
    }

    @Test func theClockRoundsUp() {
        #expect(ExamSession.clock(90 * 60) == "90:00")
        #expect(ExamSession.clock(299.2) == "05:00")
        #expect(ExamSession.clock(59) == "00:59")
    }

    static let inputs: [(String, ExamSession.Command?)] = [
        ("a", .answer(["a"])), ("A, c", .answer(["a", "c"])), ("b d", .answer(["b", "d"])), ("ac", .answer(["a", "c"])),
        ("f", .toggleFlag), ("flag", .toggleFlag), ("n", .next), ("p", .previous), ("g 12", .goTo(12)), ("12", .goTo(12)),
        ("r", .review), ("review", .review), ("submit", .submit), ("", .show), ("-", .clear), ("?", .help),
        ("g", nil), ("what?", nil),
    ]

    @Test(arguments: 0..<inputs.count)
    func linesParseIntoCommands(_ i: Int) {
        let (line, expected) = Self.inputs[i]
        switch Self.session().parse(line) {
        case .success(let c): #expect(c == expected, "\(line)")
        case .failure: #expect(expected == nil, "\(line)")
        }
    }
}
