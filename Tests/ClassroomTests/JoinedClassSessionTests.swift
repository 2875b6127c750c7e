@testable import Classroom
import Exam
import Foundation
import Labs
import Progress
import Terminal
import TestSupport
import Testing
import Trainer

/// The learner's side: a joined class gives the session its labs, order and variants, and
/// the attempts keep their answers for `class submit`; the exam is re-graded on the
/// learner's own paper.
struct JoinedClassSessionTests {
    static func trainer(home: String, joined: JoinedClass, input: [String]) -> (Trainer, CapturedOutput) {
        let output = CapturedOutput()
        let io = TrainerIO(input: ScriptedInput(input), output: output, clock: .fixed(Date(timeIntervalSince1970: 1_780_000_000)),
                           progress: ProgressAccess(path: home + "/progress.sqlite", notice: { _ in }),
                           drafts: FileDrafts(directory: home + "/drafts"), interactive: false, style: Style(enabled: false))
        var content = TrainerContent(root: ClassFixture.root, cacheDirectory: home + "/cache", generatorStamp: "tests")
        content.useClass(joined)
        return (Trainer(io: io, content: content), output)
    }

    static func joined(_ learner: String) throws -> JoinedClass {
        let handout = Handout(spec: ClassFixture.spec, contentDigest: "d", learners: ClassFixture.roster.learners)
        return try #require(handout.join(as: learner))
    }

    @Test func theSessionUsesTheClassLabsOrderAndVariants() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-joined-\(UUID().uuidString)").path
        let (a, b) = try #require(VariantTests.differingPair("precedence-rule-order"))
        let mine = ClassFixture.lab("precedence-rule-order", for: a)
        let theirs = ClassFixture.lab("precedence-rule-order", for: b)
        var (t, output) = Self.trainer(home: home, joined: try Self.joined(a), input: [])
        _ = t.execute("labs")
        let listing = output.take()
        let positions = ClassFixture.labIDs.compactMap { listing.range(of: $0)?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted(), "\(listing)")
        #expect(!listing.contains("policy-minimal"))
        _ = t.execute("open precedence-rule-order")
        _ = output.take()
        // The other learner's right answer does not pass mine; mine does, and is kept.
        t.io.input = ScriptedInput(theirs.reference.split(separator: "\n").map(String.init) + ["."])
        _ = t.execute("write")
        #expect(t.execute("check") == .failed)
        t.io.input = ScriptedInput(mine.reference.split(separator: "\n").map(String.init) + ["."])
        _ = t.execute("write")
        #expect(t.execute("check") == .ok, "\(output.take())")
        let answers = try ProgressStore(path: home + "/progress.sqlite").labAnswers()
        #expect(answers.map(\.passed) == [false, true])
        #expect(answers.last?.answer.trimmingCharacters(in: .newlines) == mine.reference.trimmingCharacters(in: .newlines))
    }

    @Test func theExamIsGradedOnTheLearnersOwnPaper() throws {
        let bank = QuestionBank.load(directory: ClassFixture.root + "/Questions")
        var spec = ClassFixture.spec
        spec.exam = .init(questions: 10)
        let keys = ClassFixture.keys("learner-1")
        let paper = try ExamPaper.draw(from: bank, seed: keys.examSeed, count: 10)
        var answers = Dictionary(uniqueKeysWithValues: paper.questions.map { ($0.id, $0.answer) })
        answers[paper.questions[0].id] = ["z"]
        let grader = ClassGrader(spec: spec, roster: ClassFixture.roster, labs: [], checker: LabChecker(resources: ClassFixture.resources),
                                 bank: bank, contentDigest: "d")
        func bundle(_ learner: String, seed: UInt64) -> ClassGrader.Submission {
            .init(name: learner, data: SubmissionBundle(classID: "spring", learnerID: learner, kcsaVersion: "t", contentDigest: "d",
                                                        createdAt: Date(), labs: [],
                                                        exam: .init(seed: seed, answers: answers, at: Date())).encoded())
        }
        let run = grader.grade([bundle("learner-1", seed: keys.examSeed),
                                bundle("learner-2", seed: keys.examSeed)])
        let own = try #require(run.graded.first?.exam)
        #expect(own.correct == 9)
        #expect(own.total == 10)
        #expect(own.paperMatched)
        // learner-2 sent learner-1's paper: graded on their own, and noted.
        let other = try #require(run.graded.last)
        #expect(other.exam?.paperMatched == false)
        #expect(other.notes.contains { $0.hasPrefix("the exam answers are for paper") })
    }
}
