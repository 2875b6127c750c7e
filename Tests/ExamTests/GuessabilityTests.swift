import Foundation
import Testing
@testable import Exam

/// The bank's guessability figures and the test-wise strategies that read them.
@Suite struct GuessabilityTests {
    static func q(_ id: String, _ stem: String, _ texts: [String], answer: String, kind: Question.Kind = .single) -> Question {
        Question(id: id, subtopic: "s", kind: kind, revision: 1, question: stem,
                 options: texts.enumerated().map { i, t in .init(id: String("abcde".dropFirst(i).first!), text: t, why: "w") },
                 answer: answer.map(String.init), explanation: "e", sources: ["https://kubernetes.io/"])
    }

    @Test func theLongestCountsOnlyWhenStrictlyLongest() {
        let strict = Self.q("a", "stem", ["short", "the longest option", "mid one"], answer: "b")
        let tie = Self.q("b", "stem", ["abcdefgh", "abcdefgh", "ab"], answer: "a")
        let g = Guessability([strict, tie])
        #expect(g.items == 2 && g.correctLongest == 1)
        #expect(g.longestShare == 0.5)
        #expect(g.positions == ["b": 1, "a": 1])
    }

    @Test func theLengthRatioComparesTheAnswerWithTheMeanWrongOption() {
        let g = Guessability([Self.q("a", "stem", ["xxxxxxxxxx", "xxxxx", "xxxxx", "xxxxxxxxxx"], answer: "a")])
        #expect(abs(g.lengthRatio - 10.0 / (20.0 / 3.0)) < 1e-9)
    }

    @Test func overlapCountsDistinctStemWordsOutsideStopWords() {
        let item = Self.q("a", "Which audit level records the request body?",
                          ["the request body at Request level", "nothing", "the the the the the", "audit"], answer: "a")
        #expect(Guessability.overlaps(item) == [3, 0, 0, 1])
        #expect(Guessability([item]).correctMostOverlap == 1)
    }

    @Test func multipleAnswerItemsAreNotMeasuredButArePlayed() {
        let m = Self.q("m", "Pick. Choose two.", ["long option one", "long option two", "x", "y"], answer: "ab", kind: .multiple)
        #expect(Guessability([m]).items == 0)
        #expect(TestWiseStrategies.choose(.longest, m) == ["a", "b"])
        let g = Guessability([m])
        #expect(g.multipleItems == 1 && g.multipleLongest == 1)
        #expect(g.violations().contains { $0.contains("multiple-answer items") })
    }

    @Test func aBankOverALimitIsReported() {
        let giveaway = (0..<10).map { i in
            Self.q("g\(i)", "stem", ["short", "a much longer and more careful option", "brief", "tiny"], answer: "b")
        }
        let g = Guessability(giveaway)
        let v = g.violations()
        #expect(v.count == 3)  // longest, ratio, position (overlap is 0)
        #expect(v.contains { $0.contains("longest in 100.0 %") })
        #expect(g.lines().count == 6)
    }

    /// The shipped bank stays under every limit, and no test-wise strategy passes for knowledge.
    @Test func theShippedBankIsNotGuessable() {
        let bank = QuestionBank.load(directory: QuestionBankTests.questionsDir)
        let g = Guessability(bank.questions)
        #expect(g.items >= 200)
        #expect(g.violations().isEmpty, "\(g.lines().joined(separator: "\n"))")
        let s = TestWiseStrategies(bank: bank)
        #expect(s.exams == 100)
        #expect(s.violations().isEmpty, "\(s.line())")
    }
}
