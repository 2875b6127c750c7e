import Foundation

/// What a review card is about: a bank question or a lab.
public enum ReviewItemKind: String, Sendable, Codable, CaseIterable {
    case question
    case lab
}

/// How well an item was recalled. Quiz, exam and review answers map right/wrong to
/// `good`/`again`; `hard` and `easy` are there for a learner who grades themselves.
public enum ReviewGrade: String, Sendable, CaseIterable {
    case again, hard, good, easy

    public init(correct: Bool) { self = correct ? .good : .again }
}

/// The spaced-repetition state of one item (SM-2): when it is due, and how the
/// interval grows.
public struct ReviewCard: Sendable, Equatable, Codable {
    public var kind: ReviewItemKind
    public var itemID: String
    /// SM-2's E-factor: the interval multiplier after the second success.
    public var ease: Double
    /// Days between the last review and `due`.
    public var intervalDays: Int
    /// Successful reviews in a row since the last miss.
    public var repetitions: Int
    /// How many times the item was missed (the miss that created the card counts).
    public var lapses: Int
    public var due: Date
    public var lastReviewed: Date?

    public init(kind: ReviewItemKind, itemID: String, ease: Double = ReviewScheduler.initialEase, intervalDays: Int = 0,
                repetitions: Int = 0, lapses: Int = 0, due: Date, lastReviewed: Date? = nil) {
        self.kind = kind
        self.itemID = itemID
        self.ease = ease
        self.intervalDays = intervalDays
        self.repetitions = repetitions
        self.lapses = lapses
        self.due = due
        self.lastReviewed = lastReviewed
    }

    public func isDue(at now: Date) -> Bool { due <= now }
}

/// SM-2 scheduling, as documented in `docs/EXAM.md`:
/// - a success moves the interval to 1 day, then 6 days, then the previous interval
///   times the ease (rounded to whole days), computed with the ease *before* this
///   review changes it;
/// - the ease changes by -0.15 (hard), 0 (good), +0.15 (easy), -0.20 (again), is kept
///   to two decimals, and never falls below 1.3;
/// - a miss (`again`) is a lapse: repetitions go back to 0 and the card is due again
///   in 1 day;
/// - a card missed `leechLapses` (4) times is a leech.
public struct ReviewScheduler: Sendable {
    public static let initialEase = 2.5
    public static let easeFloor = 1.3
    public static let day: TimeInterval = 86_400

    /// Lapses that make a card a leech.
    public var leechLapses: Int

    public init(leechLapses: Int = 4) {
        self.leechLapses = leechLapses
    }

    /// The card for an item missed for the first time: one lapse, due in a day.
    public func newCard(kind: ReviewItemKind, itemID: String, missedAt now: Date) -> ReviewCard {
        review(ReviewCard(kind: kind, itemID: itemID, due: now), grade: .again, at: now)
    }

    /// The card after a review at `now`.
    public func review(_ card: ReviewCard, grade: ReviewGrade, at now: Date) -> ReviewCard {
        var c = card
        switch grade {
        case .again:
            c.lapses += 1
            c.repetitions = 0
            c.intervalDays = 1
        case .hard, .good, .easy:
            switch c.repetitions {
            case 0: c.intervalDays = 1
            case 1: c.intervalDays = 6
            default: c.intervalDays = max(1, Int((Double(c.intervalDays) * c.ease).rounded()))
            }
            c.repetitions += 1
        }
        c.ease = max(Self.easeFloor, Self.round2(c.ease + Self.easeChange(grade)))
        c.lastReviewed = now
        c.due = now.addingTimeInterval(Double(c.intervalDays) * Self.day)
        return c
    }

    /// Whether the card has been missed often enough to need a different approach.
    public func isLeech(_ card: ReviewCard) -> Bool { card.lapses >= leechLapses }

    static func easeChange(_ grade: ReviewGrade) -> Double {
        switch grade {
        case .again: -0.20
        case .hard: -0.15
        case .good: 0
        case .easy: 0.15
        }
    }

    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
