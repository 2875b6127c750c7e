import Foundation

/// One timed exam being taken: the answers, the flags, where the learner is, and the
/// clock. A value type that never prints: every change returns the events the CLI or
/// the REPL renders, and every method takes `now`, so a test drives the clock.
public struct ExamSession: Sendable {
    /// Minutes left at which the learner is warned, once each.
    public static let warningMinutes = [30, 15, 5]

    /// Why the exam ended.
    public enum SubmitReason: Sendable, Equatable {
        /// The learner submitted (and confirmed, if anything was left open).
        case learner
        /// The time ran out: the answers given so far are graded.
        case timeUp
        /// The input ended (a script or a pipe): nobody is left to ask.
        case endOfInput
    }

    /// Where the session is.
    public enum Phase: Sendable, Equatable {
        case answering
        /// `submit` with unanswered or flagged questions left: waiting for yes or no.
        case confirmingSubmit
        case finished(SubmitReason)
    }

    /// What a command or the clock did; the caller renders it.
    public enum Event: Sendable, Equatable {
        /// Show the question at this index (0-based).
        case show(Int)
        case answered(index: Int)
        case cleared(index: Int)
        case flagChanged(index: Int, flagged: Bool)
        /// Show the review screen (`reviewEntries`).
        case review
        /// Ask whether to submit with these open questions.
        case confirmSubmit(unanswered: Int, flagged: Int)
        case submitCancelled
        /// At most this many minutes are left (30, 15 or 5).
        case warning(minutesLeft: Int)
        case submitted(SubmitReason)
        /// The command could not be applied; the message says why.
        case rejected(String)
        case help
    }

    /// One row of the review screen.
    public struct ReviewEntry: Sendable, Equatable {
        public var number: Int
        public var questionID: String
        /// The letters chosen, as the options are shown on this paper.
        public var chosen: [String]
        public var flagged: Bool
        public var answered: Bool { !chosen.isEmpty }
    }

    public let paper: ExamPaper
    public let startedAt: Date
    /// The time allowed, in seconds.
    public let duration: TimeInterval
    /// Chosen option ids (not letters) by question id (only answered questions).
    public private(set) var answers: [String: Set<String>] = [:]
    /// Ids of the questions flagged for review.
    public private(set) var flagged: Set<String> = []
    /// The question on screen (0-based).
    public private(set) var current = 0
    public private(set) var phase: Phase = .answering
    /// The warnings already given, in minutes.
    public private(set) var warned: Set<Int> = []
    /// When the exam ended (the deadline itself on a time-out).
    public private(set) var finishedAt: Date?

    public init(paper: ExamPaper, startedAt: Date, minutes: Int) {
        self.paper = paper
        self.startedAt = startedAt
        self.duration = TimeInterval(max(minutes, 0) * 60)
    }

    public var deadline: Date { startedAt.addingTimeInterval(duration) }
    public var isFinished: Bool { if case .finished = phase { true } else { false } }
    public var questionCount: Int { paper.questions.count }
    public var currentQuestion: Question { paper.questions[current] }
    public var unansweredCount: Int { paper.questions.filter { answers[$0.id] == nil }.count }

    /// Seconds left (never negative).
    public func remaining(at now: Date) -> TimeInterval { max(0, deadline.timeIntervalSince(now)) }

    public func isFlagged(_ index: Int) -> Bool { flagged.contains(paper.questions[index].id) }
    /// The option ids chosen for a question.
    public func chosen(_ index: Int) -> Set<String> { answers[paper.questions[index].id] ?? [] }

    /// The letters chosen for a question, as its options are shown on this paper.
    public func chosenLetters(_ index: Int) -> [String] {
        paper.order(of: paper.questions[index]).letters(of: chosen(index))
    }

    /// Every question with its state, for the review screen.
    public var reviewEntries: [ReviewEntry] {
        paper.questions.indices.map { i in
            let q = paper.questions[i]
            return ReviewEntry(number: i + 1, questionID: q.id, chosen: chosenLetters(i), flagged: flagged.contains(q.id))
        }
    }

    /// The warnings that fall due and the time-out. Call it before and after reading input.
    public mutating func tick(at now: Date) -> [Event] {
        guard !isFinished else { return [] }
        let left = remaining(at: now)
        if left <= 0 {
            finish(.timeUp, at: deadline)
            return [.submitted(.timeUp)]
        }
        // Only thresholds inside the exam count (a 10-minute exam never warns at 30),
        // and after a long pause only the most urgent warning is shown.
        let crossed = Self.warningMinutes.filter { m in
            let s = TimeInterval(m * 60)
            return s < duration && left <= s && !warned.contains(m)
        }
        guard let mostUrgent = crossed.min() else { return [] }
        warned.formUnion(crossed)
        return [.warning(minutesLeft: mostUrgent)]
    }

    /// When the clock next has something to say (a warning or the deadline); nil once finished.
    public func nextTimerEvent(after now: Date) -> Date? {
        guard !isFinished else { return nil }
        let upcoming = Self.warningMinutes
            .filter { !warned.contains($0) && TimeInterval($0 * 60) < duration }
            .map { deadline.addingTimeInterval(-TimeInterval($0 * 60)) }
            .filter { $0 > now }
        return (upcoming + [deadline]).min()
    }

    /// Applies one command at `now`. A command that arrives after the deadline is not
    /// applied: the exam is submitted as it stood.
    public mutating func apply(_ command: Command, at now: Date) -> [Event] {
        var events = tick(at: now)
        if isFinished { return events }
        if phase == .confirmingSubmit {
            guard case .confirm(let yes) = command else {
                phase = .answering
                return events + [.submitCancelled] + apply(command, at: now)
            }
            if yes {
                finish(.learner, at: now)
                return events + [.submitted(.learner)]
            }
            phase = .answering
            return events + [.submitCancelled]
        }
        switch command {
        case .answer(let letters):
            let q = currentQuestion
            let order = paper.order(of: q)
            if let bad = letters.first(where: { order.id(of: $0) == nil }) {
                events.append(.rejected("\(bad) is not an option here (options: \(order.letters.joined(separator: ", ")))"))
            } else if q.kind == .single && Set(letters).count != 1 {
                events.append(.rejected("this question has one answer: type one letter"))
            } else {
                // Letters are where the options sit on this paper; the answer is kept by id.
                answers[q.id] = Set(letters.compactMap(order.id(of:)))
                events.append(.answered(index: current))
                // Straight on to the next question, as on the exam's own Next button.
                if current + 1 < questionCount {
                    current += 1
                    events.append(.show(current))
                }
            }
        case .clear:
            answers[currentQuestion.id] = nil
            events.append(.cleared(index: current))
        case .toggleFlag:
            let id = currentQuestion.id
            if flagged.contains(id) { flagged.remove(id) } else { flagged.insert(id) }
            events.append(.flagChanged(index: current, flagged: flagged.contains(id)))
        case .next:
            if current + 1 < questionCount {
                current += 1
                events.append(.show(current))
            } else {
                events.append(.rejected("this is the last question: `r` reviews, `submit` ends the exam"))
            }
        case .previous:
            if current > 0 {
                current -= 1
                events.append(.show(current))
            } else {
                events.append(.rejected("this is the first question"))
            }
        case .goTo(let number):
            if (1...max(1, questionCount)).contains(number) && questionCount > 0 {
                current = number - 1
                events.append(.show(current))
            } else {
                events.append(.rejected("there is no question \(number) (1-\(questionCount))"))
            }
        case .show:
            events.append(.show(current))
        case .review:
            events.append(.review)
        case .help:
            events.append(.help)
        case .submit:
            let open = (unanswered: unansweredCount, flagged: flagged.count)
            if open.unanswered > 0 || open.flagged > 0 {
                phase = .confirmingSubmit
                events.append(.confirmSubmit(unanswered: open.unanswered, flagged: open.flagged))
            } else {
                finish(.learner, at: now)
                events.append(.submitted(.learner))
            }
        case .confirm:
            events.append(.rejected("nothing to confirm"))
        }
        return events
    }

    /// Ends the exam (end of input, or a caller's own reason).
    public mutating func finish(_ reason: SubmitReason, at now: Date) {
        guard !isFinished else { return }
        phase = .finished(reason)
        finishedAt = now
    }

    /// The graded result of the answers given so far.
    public func result(curriculum: Curriculum) -> ExamResult {
        ExamResult.grade(paper, answers: answers, curriculum: curriculum)
    }

    /// Seconds as minutes and seconds, rounded up (`90:00`, `04:59`).
    public static func clock(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded(.up))
        return String(format: "%02d:%02d", s / 60, s % 60)
    }
}
