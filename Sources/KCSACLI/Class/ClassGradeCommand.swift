import ArgumentParser
import Classroom
import Exam
import Foundation
import JSONValue
import Labs
import Terminal
import Trainer

/// `kcsa class grade DIR SUBMISSION...`: re-grade every answer into the gradebook.
struct ClassGradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Re-grade submissions with your own kcsa and content, on each learner's variant, into the gradebook.",
        discussion: """
        A submission for another class, from a learner not on the roster, made with other content, or \
        malformed is reported by name (exit 1); the others are graded anyway. A newer submission from \
        the same learner supersedes the older one, which stays in the gradebook.
        """)

    @Argument(help: "The class folder.")
    var dir: String

    @Argument(help: "Submission files (from `kcsa class submit`).")
    var submissions: [String]

    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption
    @OptionGroup var output: JSONFlag
    @OptionGroup var now: NowOption

    nonisolated(unsafe) static var keepAlive: LabResources?

    func run() throws {
        guard !submissions.isEmpty else { throw CLIError("name at least one submission file") }
        let root = try content.root()
        let folder = try ClassOutput.load(dir, root: root)
        let grader = try Self.grader(folder, root: root, home: home)
        var inputs: [ClassGrader.Submission] = []
        var unreadable: [ClassGrader.Rejection] = []
        for path in submissions {
            if let data = FileManager.default.contents(atPath: path) {
                inputs.append(.init(name: path, data: data))
            } else {
                unreadable.append(.init(file: path, reason: "cannot be read (no such file, or no permission)"))
            }
        }
        let run = grader.grade(inputs)
        let outcome: Gradebook.Outcome
        do { outcome = try Gradebook(path: folder.gradebookPath).record(run, at: now.clock().now()) } catch {
            throw CLIError("cannot write the gradebook \(folder.gradebookPath): \(error)")
        }
        if output.json {
            Console.out(JSONPrinter(options: .pretty).string(ClassOutput.runJSON(run, outcome: outcome, unreadable: unreadable)) + "\n")
        } else {
            Console.out(ClassGradeText.summary(run, outcome: outcome, unreadable: unreadable))
        }
        if !unreadable.isEmpty { throw ExitCode(2) }
        if !run.rejected.isEmpty { throw ExitCode(1) }
    }

    /// The grader for a class folder: its labs from the course, the question bank when it
    /// has an exam, the lab checker with the checker's own limits.
    static func grader(_ folder: ClassFolder, root: String, home: HomeOption) throws(CLIError) -> ClassGrader {
        let catalog = try LabLoading.catalog(root: root)
        let labs = folder.spec.labs.compactMap { catalog.lab($0.id) }
        var bank: QuestionBank?
        if folder.spec.exam != nil {
            let b = QuestionBank.load(directory: root + "/Questions")
            guard b.isValid else { throw CLIError("the question bank has problems: run `kcsa content check`") }
            bank = b
        }
        let resources = home.labResources(root: root)
        keepAlive = resources
        return ClassGrader(spec: folder.spec, roster: folder.roster, labs: labs, checker: LabChecker(resources: resources),
                           bank: bank, contentDigest: ContentDigest.compute(root: root, spec: folder.spec))
    }
}

/// The terminal summary of a grading run.
enum ClassGradeText {
    static func summary(_ run: ClassGrader.Run, outcome: Gradebook.Outcome, unreadable: [ClassGrader.Rejection]) -> String {
        var out = ""
        for g in run.graded {
            let passed = Set(g.attempts.filter(\.passed).map(\.labID)).count
            out += "graded \(g.file): \(g.bundle.learnerID), \(g.attempts.count) attempt\(g.attempts.count == 1 ? "" : "s"), "
                + "\(passed) lab\(passed == 1 ? "" : "s") passed" + (g.exam.map { ", exam \(GradeExports.percent($0.percent))%" } ?? "")
                + (outcome.regraded.contains(g.file) ? " (graded again)" : "") + "\n"
            for note in g.notes { out += "  note: \(note)\n" }
        }
        for s in outcome.superseded { out += "\(s.learnerID): \(s.newer) supersedes \(s.older) (kept in the gradebook)\n" }
        for r in unreadable + run.rejected { out += "rejected \(r.file): \(r.reason)\n" }
        out += "\(run.graded.count) graded, \(run.rejected.count + unreadable.count) rejected\n"
        return out
    }
}
