import Foundation
import Testing
@testable import Exam

/// Issue 14 (13) and issue 18: options are shown in a seeded shuffle keyed by the paper seed
/// and the question id, the same seed always gives the same paper, and grading is by
/// option id, never by the letter a learner typed.
@Suite struct OptionOrderTests {
    static let bank = QuestionBank.load(directory: QuestionBankTests.questionsDir)

    static func question(_ id: String, kind: Question.Kind = .single, answer: [String] = ["b"]) -> Question {
        Question(id: id, subtopic: "s", kind: kind, revision: 1, question: "Q \(id)?",
                 options: ["a", "b", "c", "d"].map { Question.Option(id: $0, text: "option \($0)", why: "because") },
                 answer: answer, explanation: "explained", sources: ["https://kubernetes.io/"], domain: "one")
    }

    /// Chi-square of observed counts against a uniform spread.
    static func chiSquare(_ counts: [Int]) -> Double {
        let total = Double(counts.reduce(0, +))
        let expected = total / Double(counts.count)
        return counts.reduce(0) { $0 + pow(Double($1) - expected, 2) / expected }
    }

    /// Chi-square at p = 0.001 for 3 degrees of freedom (four positions).
    static let chiSquare3 = 16.27

    @Test func theSameSeedGivesTheSamePaperQuestionsAndOptionOrder() throws {
        let a = try ExamPaper.draw(from: Self.bank, seed: 42)
        let b = try ExamPaper.draw(from: Self.bank, seed: 42)
        #expect(a.questions.map(\.id) == b.questions.map(\.id))
        #expect(a.orders == b.orders)
        #expect(a.questions.allSatisfy { a.orders[$0.id] != nil })
    }

    @Test func differentSeedsGiveDifferentOrders() throws {
        let q = try #require(Self.bank.questions.first { $0.options.count == 4 })
        let orders = Set((1...24).map { OptionOrder.shuffled(q, seed: UInt64($0)).ids })
        // 24 seeds over 24 possible orders: a shuffle that ignores its seed gives one.
        #expect(orders.count >= 10, "\(orders.count) distinct orders")
        let a = try ExamPaper.draw(from: Self.bank, seed: 1), b = try ExamPaper.draw(from: Self.bank, seed: 2)
        let common = a.questions.filter { q in b.questions.contains { $0.id == q.id } }
        #expect(common.contains { a.order(of: $0) != b.order(of: $0) })
    }

    @Test func aQuestionsOrderDoesNotDependOnTheOtherQuestionsDrawn() throws {
        let full = try ExamPaper.draw(from: Self.bank, seed: 9)
        let short = try ExamPaper.draw(from: Self.bank, seed: 9, count: 12)
        let generated = try ExamPaper.draw(from: Self.bank, seed: 9, generatedPercent: 30)
        for q in short.questions {
            #expect(short.order(of: q) == OptionOrder.shuffled(q, seed: 9))
            if full.questions.contains(where: { $0.id == q.id }) { #expect(full.order(of: q) == short.order(of: q)) }
            if generated.questions.contains(where: { $0.id == q.id }) { #expect(generated.order(of: q) == short.order(of: q)) }
        }
    }

    @Test func anOrderIsAPermutationOfTheOptionsWithLettersInPlace() {
        let q = Self.question("q1")
        for seed in UInt64(1)...50 {
            let o = OptionOrder.shuffled(q, seed: seed)
            #expect(o.ids.sorted() == ["a", "b", "c", "d"])
            #expect(o.letters == ["a", "b", "c", "d"])
            for (i, id) in o.ids.enumerated() {
                #expect(o.letter(of: id) == OptionOrder.letter(at: i))
                #expect(o.id(of: OptionOrder.letter(at: i)) == id)
            }
            #expect(o.id(of: "e") == nil)
        }
    }

    /// One question over many seeds: its answer lands at each position about equally often,
    /// so a letter cannot be remembered (the bank's own positions are already even, so
    /// this is what shows the shuffle works).
    @Test func oneQuestionsAnswerMovesEvenlyOverSeeds() throws {
        let singles = Self.bank.questions.filter { $0.kind == .single && $0.options.count == 4 }.prefix(20)
        try #require(singles.count == 20)
        var sum = 0.0
        for q in singles {
            var counts = [0, 0, 0, 0]
            for seed in UInt64(1)...400 {
                let letter = try #require(OptionOrder.shuffled(q, seed: seed).letter(of: q.answer[0]))
                counts[Int(letter.unicodeScalars.first!.value) - 97] += 1
            }
            sum += Self.chiSquare(counts)
            // 25 % expected; 35 % is more than four standard deviations out at 400 draws.
            #expect(counts.allSatisfy { $0 < 140 }, "\(q.id): \(counts)")
        }
        // The sum of 20 independent chi-squares with 3 degrees of freedom each: 60 degrees
        // of freedom, whose p = 0.001 point is 99.6.
        #expect(sum < 99.6, "chi-square over 20 questions: \(sum)")
    }

    /// Over seeded papers, the correct option's place is near-uniform for every single-answer
    /// item shown, and multiple-answer items are shuffled too.
    @Test func overSeededPapersTheCorrectPositionIsNearUniform() throws {
        var counts = [0, 0, 0, 0]
        var multipleMoved = 0, multiple = 0
        for seed in UInt64(1)...50 {
            let paper = try ExamPaper.draw(from: Self.bank, seed: seed)
            for q in paper.questions {
                let order = paper.order(of: q)
                if q.kind == .multiple {
                    multiple += 1
                    if order != .asWritten(q) { multipleMoved += 1 }
                } else if q.options.count == 4, let letter = order.letter(of: q.answer[0]) {
                    counts[Int(letter.unicodeScalars.first!.value) - 97] += 1
                }
            }
        }
        #expect(Self.chiSquare(counts) < Self.chiSquare3, "\(counts)")
        let total = counts.reduce(0, +)
        #expect(counts.allSatisfy { Double($0) / Double(total) < 0.30 }, "\(counts)")
        // 1 in 24 (four options) or fewer keep the written order by chance.
        #expect(multiple > 0 && Double(multipleMoved) / Double(multiple) > 0.85, "\(multipleMoved) of \(multiple)")
    }

    @Test func aShuffledPaperIsGradedByOptionID() throws {
        let q1 = Self.question("q1"), q2 = Self.question("q2", kind: .multiple, answer: ["a", "c"])
        let curriculum = ExamSessionTests.curriculum
        // q1 shows b (its answer) as a; q2 shows its answers a and c as d and b.
        let paper = ExamPaper(seed: 5, questions: [q1, q2], blueprint: ExamBlueprint(curriculum: curriculum, questions: 2),
                              orders: ["q1": OptionOrder(ids: ["b", "a", "d", "c"]), "q2": OptionOrder(ids: ["d", "c", "b", "a"])])
        var s = ExamSession(paper: paper, startedAt: ExamSessionTests.t0, minutes: 90)
        _ = s.apply(.answer(["a"]), at: ExamSessionTests.at(1))
        _ = s.apply(.answer(["b", "d"]), at: ExamSessionTests.at(2))
        #expect(s.answers == ["q1": ["b"], "q2": ["c", "a"]])
        #expect(s.reviewEntries.map(\.chosen) == [["a"], ["b", "d"]])
        let result = s.result(curriculum: curriculum)
        #expect(result.correct == 2)
        // The letters as written would be wrong on this paper.
        var t = ExamSession(paper: paper, startedAt: ExamSessionTests.t0, minutes: 90)
        _ = t.apply(.answer(["b"]), at: ExamSessionTests.at(1))
        _ = t.apply(.answer(["a", "c"]), at: ExamSessionTests.at(2))
        #expect(t.result(curriculum: curriculum).correct == 0)
        #expect(result.items[1].order.letters(of: q2.answer) == ["b", "d"])
    }

    @Test func aLetterThatIsNotShownIsRejectedWithTheLettersShown() {
        let q = Question(id: "q3", subtopic: "s", kind: .single, revision: 1, question: "Q?",
                         options: ["a", "b", "c"].map { Question.Option(id: $0, text: $0, why: "w") },
                         answer: ["c"], explanation: "e", sources: [], domain: "one")
        let paper = ExamPaper(seed: 1, questions: [q], blueprint: ExamBlueprint(curriculum: ExamSessionTests.curriculum, questions: 1),
                              orders: ["q3": OptionOrder(ids: ["c", "a", "b"])])
        var s = ExamSession(paper: paper, startedAt: ExamSessionTests.t0, minutes: 90)
        #expect(s.apply(.answer(["d"]), at: ExamSessionTests.at(1)) == [.rejected("d is not an option here (options: a, b, c)")])
        #expect(paper.ids(["a"], of: q) == ["c"])
        #expect(paper.ids(["d"], of: q) == nil)
    }

    @Test func eachReviewOfACardHasItsOwnOrder() {
        let q = Self.question("q1")
        let scheduler = ReviewScheduler()
        var card = scheduler.newCard(kind: .question, itemID: "q1", missedAt: ExamSessionTests.t0)
        var orders: [OptionOrder] = [OptionOrder.shuffled(q, seed: card.optionSeed)]
        var seeds: Set<UInt64> = [card.optionSeed]
        for day in 1...8 {
            card = scheduler.review(card, grade: day % 3 == 0 ? .again : .good, at: ExamSessionTests.t0.addingTimeInterval(Double(day) * 86_400))
            seeds.insert(card.optionSeed)
            orders.append(OptionOrder.shuffled(q, seed: card.optionSeed))
        }
        #expect(seeds.count == 9)
        #expect(Set(orders.map(\.ids)).count >= 4)
        // The same card state always gives the same order.
        #expect(OptionOrder.shuffled(q, seed: card.optionSeed) == orders.last)
    }

    @Test func testWiseStrategiesPlayTheShuffledPapers() throws {
        let s = TestWiseStrategies(bank: Self.bank, exams: 20)
        #expect(s.exams == 20)
        #expect(s.violations().isEmpty, "\(s.line())")
        // Ties go to the option shown first: on a paper with every option the same length,
        // `longest` picks whatever the shuffle put first.
        let q = Self.question("q1")
        #expect(TestWiseStrategies.choose(.longest, q, order: OptionOrder(ids: ["c", "a", "b", "d"])) == ["c"])
        #expect(TestWiseStrategies.choose(.longest, q) == ["a"])
    }
}
