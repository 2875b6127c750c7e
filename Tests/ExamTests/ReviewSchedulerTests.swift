import Foundation
import Testing
@testable import Exam

/// SM-2 as documented in docs/EXAM.md, with exact numbers.
@Suite struct ReviewSchedulerTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let day = 86_400.0
    let scheduler = ReviewScheduler()

    func fresh() -> ReviewCard { ReviewCard(kind: .question, itemID: "sf-x", due: Self.t0) }

    /// Reviews `grades` a day after each due date; returns (interval, ease) after each.
    func run(_ card: ReviewCard, _ grades: [ReviewGrade]) -> [(Int, Double)] {
        var c = card
        var out: [(Int, Double)] = []
        for g in grades {
            c = scheduler.review(c, grade: g, at: c.due)
            out.append((c.intervalDays, c.ease))
        }
        return out
    }

    @Test func aMissCreatesACardDueTomorrowWithOneLapse() {
        let c = scheduler.newCard(kind: .question, itemID: "sf-x", missedAt: Self.t0)
        #expect(c.lapses == 1)
        #expect(c.repetitions == 0)
        #expect(c.intervalDays == 1)
        #expect(c.ease == 2.3)
        #expect(c.due == Self.t0.addingTimeInterval(Self.day))
        #expect(!c.isDue(at: Self.t0.addingTimeInterval(Self.day - 1)))
        #expect(c.isDue(at: Self.t0.addingTimeInterval(Self.day)))
    }

    @Test func successesGoOneDaySixDaysThenTimesTheEase() {
        let r = run(fresh(), [.good, .good, .good, .good, .good])
        #expect(r.map(\.0) == [1, 6, 15, 38, 95])   // 6 x 2.5 = 15; 15 x 2.5 = 37.5 -> 38; 38 x 2.5 = 95
        #expect(r.map(\.1) == [2.5, 2.5, 2.5, 2.5, 2.5])
    }

    @Test func aMissedCardGrowsWithItsLowerEase() {
        let c = scheduler.newCard(kind: .question, itemID: "sf-x", missedAt: Self.t0)
        let r = run(c, [.good, .good, .good, .good])
        #expect(r.map(\.0) == [1, 6, 14, 32])   // 6 x 2.3 = 13.8 -> 14; 14 x 2.3 = 32.2 -> 32
    }

    @Test func hardAndEasyMoveTheEase() {
        #expect(run(fresh(), [.hard, .hard, .hard]).map(\.1) == [2.35, 2.2, 2.05])
        let easy = run(fresh(), [.easy, .easy, .easy])
        #expect(easy.map(\.1) == [2.65, 2.8, 2.95])
        // The interval uses the ease before this review changes it: 6 x 2.8 = 16.8 -> 17.
        #expect(easy.map(\.0) == [1, 6, 17])
    }

    @Test func theEaseNeverFallsBelowOnePointThree() {
        let r = run(fresh(), [.again, .again, .again, .again, .again, .again, .hard])
        #expect(r.map(\.1) == [2.3, 2.1, 1.9, 1.7, 1.5, 1.3, 1.3])
        var low = fresh()
        low.ease = 1.3
        low.repetitions = 2
        low.intervalDays = 10
        #expect(scheduler.review(low, grade: .good, at: Self.t0).intervalDays == 13)
    }

    @Test func aLapseResetsTheRepetitionsAndTheInterval() {
        var c = fresh()
        for _ in 0..<3 { c = scheduler.review(c, grade: .good, at: c.due) }
        #expect((c.repetitions, c.intervalDays) == (3, 15))
        let now = c.due
        c = scheduler.review(c, grade: .again, at: now)
        #expect(c.repetitions == 0)
        #expect(c.intervalDays == 1)
        #expect(c.lapses == 1)
        #expect(c.ease == 2.3)
        #expect(c.due == now.addingTimeInterval(Self.day))
        #expect(c.lastReviewed == now)
        // And the climb starts again: 1, 6, then 6 x 2.3.
        #expect(run(c, [.good, .good, .good]).map(\.0) == [1, 6, 14])
    }

    @Test func theFourthMissMakesALeech() {
        var c = scheduler.newCard(kind: .lab, itemID: "lab-1", missedAt: Self.t0)
        for _ in 0..<2 { c = scheduler.review(c, grade: .again, at: c.due) }
        #expect(c.lapses == 3)
        #expect(!scheduler.isLeech(c))
        c = scheduler.review(c, grade: .good, at: c.due)
        #expect(!scheduler.isLeech(c))
        c = scheduler.review(c, grade: .again, at: c.due)
        #expect(c.lapses == 4)
        #expect(scheduler.isLeech(c))
        #expect(ReviewScheduler(leechLapses: 5).isLeech(c) == false)
    }

    @Test func gradesFromRightAndWrong() {
        #expect(ReviewGrade(correct: true) == .good)
        #expect(ReviewGrade(correct: false) == .again)
    }
}
