import Exam
import Foundation
import JSONValue
import Progress
import Terminal

/// Review cards as text and JSON.
public enum ReviewText {
    public static func leech(_ card: ReviewCard, style: Style) -> String {
        style.yellow("leech") + ": you have missed \(card.itemID) \(card.lapses) times - read the explanation and its sources"
            + (card.kind == .lab ? " (and the lab's hints)" : "") + " instead of guessing again."
    }

    public static func labAdvice(_ card: ReviewCard) -> String {
        "lab \(card.itemID) is due for review: run `kcsa lab check \(card.itemID)`, or `open \(card.itemID)` in the REPL."
    }

    public static func nothingDue(_ summary: ReviewSummary, now: Date) -> String {
        guard let next = summary.nextDue else {
            return "No review cards yet: questions you miss in `kcsa quiz` or `kcsa exam` (and failed lab checks) become cards."
        }
        return "Nothing is due. The next review is due \(TrainerClock.iso(next)) (\(TrainerClock.relative(next, from: now)))."
    }

    public static func json(due: [ReviewCard], summary: ReviewSummary, now: Date) -> JSON {
        var o = JSONObject()
        o["now"] = .string(TrainerClock.iso(now))
        o["cards"] = .number(summary.cards)
        o["due"] = .array(due.map(card))
        o["leeches"] = .array(summary.leeches.map(card))
        o["nextDue"] = summary.nextDue.map { .string(TrainerClock.iso($0)) } ?? .null
        return .object(o)
    }

    public static func card(_ c: ReviewCard) -> JSON {
        var o = JSONObject()
        o["kind"] = .string(c.kind.rawValue)
        o["id"] = .string(c.itemID)
        o["due"] = .string(TrainerClock.iso(c.due))
        o["intervalDays"] = .number(c.intervalDays)
        o["ease"] = .number(c.ease)
        o["repetitions"] = .number(c.repetitions)
        o["lapses"] = .number(c.lapses)
        o["leech"] = .bool(ReviewScheduler().isLeech(c))
        return .object(o)
    }
}
