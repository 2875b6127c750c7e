import ArgumentParser
import Classroom
import Foundation
import Labs
import Progress
import Terminal
import Trainer

/// `kcsa class submit`: the learner's bundle of answers for the joined class.
struct ClassSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Write your submission for the joined class: every attempt's answer and time, and your exam answers.",
        discussion: "The instructor re-grades every answer; the bundle carries no scores.")

    @Option(name: .shortAndLong, help: "The bundle to write (default: CLASS-LEARNER.submission.json here).")
    var output: String?

    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption
    @OptionGroup var now: NowOption

    func run() throws {
        let joined: JoinedClass
        do {
            guard let j = try home.locations.joinedClass() else {
                throw CLIError("you have not joined a class: `kcsa class join FILE --as ID` first")
            }
            joined = j
        } catch let e as ClassFileError {
            throw CLIError(e.description)
        }
        let root = try content.root()
        let store = try home.progress()
        let bundle: SubmissionBundle
        do { bundle = try Self.bundle(joined, root: root, store: store, at: now.clock().now()) } catch {
            throw CLIError("cannot read your progress: \(error)")
        }
        let path = output ?? "\(joined.classInfo.id)-\(joined.learnerID).submission.json"
        do { try bundle.encoded().write(to: URL(fileURLWithPath: path)) } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
        let attempts = bundle.labs.reduce(0) { $0 + $1.attempts.count }
        let tried = bundle.labs.count { !$0.attempts.isEmpty }
        Console.out("wrote \(path): \(attempts) attempt\(attempts == 1 ? "" : "s") at \(tried) of \(bundle.labs.count) labs"
                    + (bundle.exam != nil ? ", your exam answers" : "") + "; hand it to your instructor\n")
        if bundle.contentDigest != joined.contentDigest {
            Console.err("kcsa: warning: your course content differs from the class's (content digest); "
                        + "the instructor will not be able to grade this submission: update kcsa and its labs\n")
        }
    }

    static func bundle(_ joined: JoinedClass, root: String, store: ProgressStore, at now: Date) throws -> SubmissionBundle {
        let answers = try store.labAnswers()
        let progress = try store.labProgress()
        let labs = joined.classInfo.labs.map { item in
            SubmissionBundle.LabWork(id: item.id, hintsUsed: progress[item.id]?.hintsUsed ?? 0,
                                     attempts: answers.filter { $0.labID == item.id }.map { .init(answer: $0.answer, at: $0.checkedAt) })
        }
        var exam: SubmissionBundle.ExamWork?
        if joined.classInfo.exam != nil, let taken = try store.latestExamChoices(seed: joined.keys.examSeed) {
            exam = .init(seed: joined.keys.examSeed, answers: taken.choices, at: taken.at)
        }
        return SubmissionBundle(classID: joined.classInfo.id, learnerID: joined.learnerID, kcsaVersion: BuildStamp.version,
                                contentDigest: ContentDigest.compute(root: root, spec: joined.spec), createdAt: now, labs: labs,
                                exam: exam)
    }
}
