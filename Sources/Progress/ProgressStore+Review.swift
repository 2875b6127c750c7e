import Exam
import Foundation
import GRDB

/// Spaced review: cards for missed questions and failed lab checks, scheduled by
/// `ReviewScheduler` and stored in the `reviewCard` table (migration "v2").
extension ProgressStore {
    /// Records a right or wrong answer (or lab check) for spaced review, in one transaction:
    /// - a miss creates the card, or counts a lapse on it;
    /// - a success on a due card moves it on (1 day, 6 days, then interval x ease);
    /// - a success on a card that is not due yet, or on an item without a card, changes nothing.
    /// Returns the card as stored afterwards (nil when there is none).
    @discardableResult
    public func recordReviewOutcome(itemKind: ReviewItemKind, itemID: String, correct: Bool, at now: Date,
                                    scheduler: ReviewScheduler = ReviewScheduler()) throws -> ReviewCard? {
        try write { db in
            try Self.reviewOutcome(db, itemKind: itemKind, itemID: itemID, correct: correct, at: now, scheduler: scheduler)
        }
    }

    /// `recordReviewOutcome` inside a transaction the caller holds.
    static func reviewOutcome(_ db: Database, itemKind: ReviewItemKind, itemID: String, correct: Bool, at now: Date,
                              scheduler: ReviewScheduler = ReviewScheduler()) throws -> ReviewCard? {
        let existing = try ReviewCardRecord.fetchOne(db, key: ["kind": itemKind.rawValue, "itemID": itemID])?.card
        let updated: ReviewCard?
        switch (existing, correct) {
        case (nil, false): updated = scheduler.newCard(kind: itemKind, itemID: itemID, missedAt: now)
        case (let card?, false): updated = scheduler.review(card, grade: .again, at: now)
        case (let card?, true) where card.isDue(at: now): updated = scheduler.review(card, grade: .good, at: now)
        case (let card, true): return card
        }
        if let updated { try ReviewCardRecord(updated).save(db) }
        return updated
    }

    /// A failed lab check (the labs code calls this): the lab becomes, or stays, a review card.
    @discardableResult
    public func recordLabMiss(labID: String, at now: Date) throws -> ReviewCard? {
        try recordReviewOutcome(itemKind: .lab, itemID: labID, correct: false, at: now)
    }

    /// Every card, soonest due first.
    public func reviewCards() throws -> [ReviewCard] {
        try read { db in
            try ReviewCardRecord.order(Column("due"), Column("kind"), Column("itemID")).fetchAll(db).map(\.card)
        }
    }

    /// The cards due at `now`, soonest due first.
    public func dueCards(at now: Date) throws -> [ReviewCard] {
        try read { db in
            try ReviewCardRecord.filter(Column("due") <= now).order(Column("due"), Column("kind"), Column("itemID"))
                .fetchAll(db).map(\.card)
        }
    }

    /// Counts for `kcsa progress`: cards, cards due, and the leeches.
    public func reviewSummary(at now: Date, scheduler: ReviewScheduler = ReviewScheduler()) throws -> ReviewSummary {
        let cards = try reviewCards()
        return ReviewSummary(cards: cards.count, due: cards.filter { $0.isDue(at: now) }.count,
                             leeches: cards.filter(scheduler.isLeech), nextDue: cards.filter { !$0.isDue(at: now) }.map(\.due).min())
    }
}

/// How the review deck stands at one moment.
public struct ReviewSummary: Sendable, Equatable {
    public var cards: Int
    public var due: Int
    public var leeches: [ReviewCard]
    /// The earliest due date still in the future.
    public var nextDue: Date?
}

/// A review card as a row.
struct ReviewCardRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reviewCard"
    var kind: String
    var itemID: String
    var ease: Double
    var intervalDays: Int
    var repetitions: Int
    var lapses: Int
    var due: Date
    var lastReviewed: Date?

    init(_ c: ReviewCard) {
        kind = c.kind.rawValue
        itemID = c.itemID
        ease = c.ease
        intervalDays = c.intervalDays
        repetitions = c.repetitions
        lapses = c.lapses
        due = c.due
        lastReviewed = c.lastReviewed
    }

    var card: ReviewCard {
        ReviewCard(kind: ReviewItemKind(rawValue: kind) ?? .question, itemID: itemID, ease: ease, intervalDays: intervalDays,
                   repetitions: repetitions, lapses: lapses, due: due, lastReviewed: lastReviewed)
    }
}
