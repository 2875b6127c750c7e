import Exam
import Foundation
import Progress
import Terminal

/// Takes an interactive exam on a line reader (`kcsa exam` and the REPL's `exam`): reads
/// commands, feeds them to `ExamSession`, renders its events, then grades, reports and
/// records the result.
///
/// Keys: Ctrl-C asks whether to abandon (nothing is recorded); Ctrl-D is `submit` (with
/// its confirmation); the end of piped input submits at once.
public struct ExamRunner {
    public var io: TrainerIO
    /// Store the exam and update the review deck (not with `--no-record`).
    public var record: Bool

    public init(io: TrainerIO, record: Bool) {
        self.io = io
        self.record = record
    }

    private var reader: any LineReader { io.input }
    private var style: Style { io.style }
    private func clock() -> Date { io.clock.now() }
    /// A learner at a terminal: an alarm wakes the prompt for warnings and the time-out.
    private var terminal: Bool { io.interactive }
    private var screen: ExamScreen { ExamScreen(style: style, width: io.width() ?? 88) }

    private func say(_ text: String) { io.say(text) }

    /// Draws the paper, runs the exam, and reports. Returns the exit status: 0 passed,
    /// 1 not passed or abandoned, 2 the exam could not start.
    public func take(bank: QuestionBank, seed: UInt64?, count: Int?, minutes: Int?) -> Int32 {
        let seed = seed ?? UInt64.random(in: 1...999_999)
        let paper: ExamPaper
        do {
            paper = try ExamPaper.draw(from: bank, seed: seed, count: count)
        } catch {
            say(style.red("error") + ": \(error.description)")
            return 2
        }
        guard !paper.questions.isEmpty else {
            say(style.red("error") + ": the exam has no questions")
            return 2
        }
        let start = clock()
        var session = ExamSession(paper: paper, startedAt: start, minutes: minutes ?? bank.curriculum.exam.minutes)
        say(screen.intro(session, seed: seed, passPercent: bank.curriculum.exam.passPercent))
        say(screen.question(session, 0, now: start))
        guard run(&session) else {
            say("Exam abandoned; nothing was recorded.")
            return 1
        }
        let result = session.result(curriculum: bank.curriculum)
        say(screen.report(result))
        if record { store(result, seed: seed, at: session.finishedAt ?? clock()) }
        return result.passed ? 0 : 1
    }

    /// The read-apply-render loop. false when the learner abandoned the exam.
    func run(_ session: inout ExamSession) -> Bool {
        if terminal { Interrupts.shared.installAlarmHandler() }
        // TAB completes the exam's own commands, not the REPL's.
        let replCompleter = reader.completer
        reader.completer = { _ in ["flag", "next", "previous", "review", "submit", "clear", "help"] }
        defer {
            if terminal { Interrupts.shared.cancelAlarm() }
            reader.completer = replCompleter
        }
        while true {
            let now = clock()
            render(session.tick(at: now), session)
            if session.isFinished { return true }
            if terminal { Interrupts.shared.armAlarm(at: session.nextTimerEvent(after: now), now: now) }
            let p = screen.prompt(session, now: now)
            switch reader.readLine(prompt: Prompt(p.text, sgr: p.sgr)) {
            case .line(let line):
                switch session.parse(line) {
                case .success(let command): render(session.apply(command, at: clock()), session)
                case .failure(let e): say(e.message)
                }
            case .interrupted:
                // The alarm and Ctrl-C share a flag: if the clock has news, it was the alarm.
                let events = session.tick(at: clock())
                if !events.isEmpty {
                    say("")
                    render(events, session)
                    continue
                }
                say("^C")
                if session.phase == .confirmingSubmit {
                    render(session.apply(.confirm(false), at: clock()), session)
                    continue
                }
                if askAbandon() { return false }
            case .eof:
                if terminal && !session.isFinished {
                    say("")
                    let events = session.phase == .confirmingSubmit
                        ? session.apply(.confirm(false), at: clock()) : session.apply(.submit, at: clock())
                    render(events, session)
                } else {
                    session.finish(.endOfInput, at: clock())
                    say(screen.submitted(.endOfInput))
                    return true
                }
            }
        }
    }

    private func askAbandon() -> Bool {
        switch reader.readLine(prompt: Prompt("abandon this exam? nothing will be recorded [y/N] ", sgr: "1;31")) {
        case .line(let l): return ["y", "yes"].contains(l.trimmingCharacters(in: .whitespaces).lowercased())
        case .eof: return !terminal
        case .interrupted: return false
        }
    }

    private func render(_ events: [ExamSession.Event], _ s: ExamSession) {
        let now = clock()
        for e in events {
            switch e {
            case .show(let i): say(screen.question(s, i, now: now))
            case .answered(let i):
                if i + 1 == s.questionCount { say("Answered the last question: r reviews, submit ends the exam.") }
            case .cleared(let i): say("Question \(i + 1): answer cleared.")
            case .flagChanged(let i, let on): say("Question \(i + 1) " + (on ? "flagged for review." : "unflagged."))
            case .review: say(screen.review(s, now: now))
            case .confirmSubmit(let u, let f): say(screen.confirm(unanswered: u, flagged: f))
            case .submitCancelled: say("Not submitted; carry on.")
            case .warning(let m): say(screen.warning(m))
            case .submitted(let reason): say(screen.submitted(reason))
            case .rejected(let message): say(message)
            case .help: say(screen.wrap(ExamScreen.controls))
            }
        }
    }

    /// Stores the exam and its answers, and turns the missed questions into review cards.
    private func store(_ result: ExamResult, seed: UInt64, at now: Date) {
        do {
            let store = try io.progress.open()
            try store.recordExam(
                ExamRecord(seed: Int64(bitPattern: seed), correct: result.correct, total: result.items.count,
                           passed: result.passed, takenAt: now),
                answers: result.items.map {
                    AnswerRecord(questionID: $0.question.id, revision: $0.question.revision, domain: $0.question.domain,
                                 correct: $0.correct, mode: "exam", answeredAt: now)
                })
            try store.recordExamChoices(seed: seed, choices: Dictionary(result.items.map { ($0.question.id, $0.chosen) },
                                                                        uniquingKeysWith: { a, _ in a }), at: now)
            var leeches: [ReviewCard] = []
            for item in result.items {
                let card = try store.recordReviewOutcome(itemKind: .question, itemID: item.question.id,
                                                         correct: item.correct, at: now)
                if !item.correct, let card, ReviewScheduler().isLeech(card) { leeches.append(card) }
            }
            let missed = result.items.filter { !$0.correct }.count
            if missed > 0 { say("\(missed) missed question\(missed == 1 ? " is" : "s are") now in your review deck (`kcsa review`).") }
            for card in leeches { say(ReviewText.leech(card, style: style)) }
        } catch {
            say(style.yellow("note") + ": the exam was not recorded: \(error)")
        }
    }
}
