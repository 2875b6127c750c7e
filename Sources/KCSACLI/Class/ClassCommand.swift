import ArgumentParser
import Classroom
import Foundation
import Labs
import Terminal
import Trainer

/// `kcsa class`: instructor-led labs (docs/CLASSES.md). The instructor inits a class,
/// hands out the join file, grades the learners' submissions and exports the grades.
struct ClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Run a class: per-learner variants, submissions re-graded by the instructor, grade exports and a board.",
        discussion: """
        Instructor: init, handout, grade, export, board. Learner: join, submit. Exit codes: 0 done, \
        1 something was reported (a rejected submission), 2 usage or unreadable input.
        """,
        subcommands: [ClassInitCommand.self, ClassHandoutCommand.self, ClassJoinCommand.self, ClassSubmitCommand.self,
                      ClassGradeCommand.self, ClassExportCommand.self, ClassBoardCommand.self]
    )
}

struct ClassInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Make a class folder: class.yaml (with a fresh salt) and roster.csv.")

    @Argument(help: "The class folder (its name becomes the class id).")
    var dir: String

    @Option(help: "The class's title.")
    var title: String

    @Option(help: "The labs in order, comma-separated lab ids.")
    var labs: String

    @Option(help: "Add an exam of this many questions (each learner gets their own paper).")
    var exam: Int?

    @Option(help: "A roster CSV (identifier,name,email, as GitHub Classroom exports it).")
    var roster: String?

    @Option(help: "The due date of every lab and the exam (ISO 8601, e.g. 2026-12-20T18:00:00Z).")
    var due: String?

    @OptionGroup var content: ContentOption

    func run() throws {
        let catalog = try LabLoading.catalog(root: content.root())
        guard let id = ClassFolder.id(forFolder: dir) else { throw CLIError("\(dir): the folder name gives no class id") }
        var dueDate: Date?
        if let due {
            guard let d = ClassDate.parse(due) else { throw CLIError("--due \(due) is not an ISO 8601 date") }
            dueDate = d
        }
        let ids = labs.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if ids.isEmpty { throw CLIError("--labs needs at least one lab id") }
        for lab in ids { _ = try LabLoading.lab(lab, in: catalog) }
        if let exam, !(1...ClassSpec.maxExamQuestions).contains(exam) {
            throw CLIError("--exam must be 1 to \(ClassSpec.maxExamQuestions) questions")
        }
        var learners = Roster(learners: [])
        if let roster {
            let source = try InputFile.read(roster)
            let (r, diagnostics) = Roster.read(source)
            guard let r else { throw ClassOutput.problems(diagnostics.map { (source, $0) }) }
            learners = r
        }
        let spec = ClassSpec(id: id, title: title, labs: ids.map { .init(id: $0, due: dueDate) },
                             exam: exam.map { .init(questions: $0, due: dueDate) }, salt: ClassSpec.newSalt())
        do { try ClassFolder.create(dir, spec: spec, roster: learners) } catch { throw CLIError(error.description) }
        let n = learners.learners.count
        Console.out("made class \(id) in \(dir): \(ids.count) lab\(ids.count == 1 ? "" : "s")"
                    + (exam.map { ", an exam of \($0) question\($0 == 1 ? "" : "s")" } ?? "")
                    + ", \(n) learner\(n == 1 ? "" : "s")\nnext: kcsa class handout \(dir) -o \(id).handout.json\n")
    }
}

struct ClassHandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Write the file learners join with: the class without its salt, and each learner's key.",
        discussion: "With --learner, the file holds only that learner's key (a handout per learner).")

    @Argument(help: "The class folder.")
    var dir: String

    @Option(name: .shortAndLong, help: "The handout file to write.")
    var output: String

    @Option(help: "Only this learner's key (a per-learner handout).")
    var learner: String?

    @OptionGroup var content: ContentOption

    func run() throws {
        let root = try content.root()
        let folder = try ClassOutput.load(dir, root: root)
        var learners = folder.roster.learners
        if let learner {
            guard let one = folder.roster.learner(learner) else { throw CLIError("\(learner) is not on the class's roster") }
            learners = [one]
        }
        if learners.isEmpty { throw CLIError("the roster of \(dir) is empty: add learners to \(dir)/\(ClassFolder.rosterFile)") }
        let handout = Handout(spec: folder.spec, contentDigest: ContentDigest.compute(root: root, spec: folder.spec),
                              learners: learners)
        do { try handout.encoded().write(to: URL(fileURLWithPath: output)) } catch {
            throw CLIError("cannot write \(output): \(error.localizedDescription)")
        }
        Console.out("wrote \(output) for \(learners.count) learner\(learners.count == 1 ? "" : "s"); "
                    + "each joins with: kcsa class join \(output) --as ID\n")
    }
}

struct ClassJoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a class as one learner: the session, the `lab` commands and `exam` then use its labs, order and seeds.")

    @Argument(help: "The handout file from the instructor.")
    var file: String

    @Option(name: .customLong("as"), help: "Your learner id (as on the class roster).")
    var learner: String

    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption

    func run() throws {
        let source = try InputFile.read(file, limit: Handout.maxBytes)
        let handout: Handout
        do { handout = try Handout.decode(Data(source.bytes), name: file) } catch { throw CLIError(error.description) }
        guard let joined = handout.join(as: learner) else {
            let guess = DidYouMeanIDs.suggest(learner, among: Array(handout.learners.keys))
            throw CLIError("\(learner) is not on the roster of class \(handout.classInfo.id)" + guess)
        }
        do { try home.locations.saveJoinedClass(joined) } catch { throw CLIError(error.description) }
        if let root = try? content.root(), ContentDigest.compute(root: root, spec: joined.spec) != handout.contentDigest {
            Console.err("kcsa: warning: your course content differs from the class's (content digest): "
                        + "the instructor will not be able to grade your work; use the kcsa and labs the class uses\n")
        }
        let labs = handout.classInfo.labs.map(\.id)
        Console.out("joined \(handout.classInfo.title) (\(handout.classInfo.id)) as \(learner): \(labs.count) labs, "
                    + (handout.classInfo.exam.map { "an exam of \($0.questions) questions, " } ?? "")
                    + "your own variants\nlabs: \(labs.joined(separator: ", "))\nwhen done: kcsa class submit\n")
    }
}
