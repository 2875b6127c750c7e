import Foundation
import Seeded

/// The order a question's options are shown in, and the letter each carries there.
///
/// Options keep their ids (`a` to `e` as written in the bank); grading is always by id.
/// A learner sees and types letters: the first option shown is `a`, whatever its id, so
/// the letters of a shuffled question are not its ids. The shuffle is SplitMix64
/// (`SeededGenerator`) keyed by a seed and the question's id, so one question's order
/// depends only on those two and never on which other questions were drawn with it.
public struct OptionOrder: Sendable, Equatable {
    /// Option ids in the order shown; the first is shown as `a`.
    public let ids: [String]

    public init(ids: [String]) { self.ids = ids }

    /// The options as written in the bank (letters equal ids).
    public static func asWritten(_ q: Question) -> OptionOrder { OptionOrder(ids: q.options.map(\.id)) }

    /// The seeded shuffle of `q`'s options, keyed by `seed` and `q.id` only.
    public static func shuffled(_ q: Question, seed: UInt64) -> OptionOrder {
        var ids = q.options.map(\.id)
        var rng = SeededGenerator(seed: key(seed: seed, questionID: q.id))
        rng.shuffle(&ids)
        return OptionOrder(ids: ids)
    }

    /// The generator seed for one question of a paper: the paper seed scrambled once, then
    /// mixed with a stable 64-bit FNV-1a hash of the question id (Swift's `Hasher` is
    /// randomised per process, so it cannot be used here).
    static func key(seed: UInt64, questionID: String) -> UInt64 {
        var scramble = SeededGenerator(seed: seed)
        return scramble.next() ^ fnv1a(questionID)
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The letter shown at a position (0 is `a`).
    public static func letter(at index: Int) -> String {
        String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index)))
    }

    /// The letters shown, in order (`a, b, c, d`).
    public var letters: [String] { ids.indices.map(Self.letter(at:)) }

    /// The letter an option id is shown with.
    public func letter(of id: String) -> String? { ids.firstIndex(of: id).map(Self.letter(at:)) }

    /// The option id behind a letter the learner typed.
    public func id(of letter: String) -> String? {
        guard let i = letters.firstIndex(of: letter) else { return nil }
        return ids[i]
    }

    /// Option ids as the letters they are shown with, in letter order.
    public func letters(of chosen: some Collection<String>) -> [String] {
        chosen.compactMap { letter(of: $0) }.sorted()
    }

    /// `q`'s options in the order shown, each with its letter.
    public func shown(_ q: Question) -> [(letter: String, option: Question.Option)] {
        ids.enumerated().compactMap { i, id in
            q.options.first { $0.id == id }.map { (Self.letter(at: i), $0) }
        }
    }
}

extension ReviewCard {
    /// The seed of this review's option order: the card's item, its review count (misses
    /// and successful reviews in a row) and when it was last reviewed, so each review of a
    /// card shows the options in a new order and a learner cannot remember a letter.
    public var optionSeed: UInt64 {
        let reviewed = UInt64(bitPattern: Int64((lastReviewed?.timeIntervalSince1970 ?? 0).rounded()))
        return OptionOrder.fnv1a(itemID) ^ (UInt64(lapses) << 48) ^ (UInt64(repetitions) << 32) ^ reviewed
    }
}
