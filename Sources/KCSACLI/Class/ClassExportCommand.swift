import ArgumentParser
import Classroom
import Foundation
import JSONValue
import Terminal
import Trainer

/// `kcsa class export DIR`: grades.csv, junit.xml, classroom.json and board.html.
struct ClassExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write grades.csv, junit.xml, classroom.json and board.html from the gradebook.")

    @Argument(help: "The class folder.")
    var dir: String

    @Option(help: "The folder to write into (default: DIR/export).")
    var out: String?

    @OptionGroup var content: ContentOption

    func run() throws {
        let standing = try ClassStandingLoader.load(dir, content: content)
        let target = out ?? dir + "/export"
        let files = [("grades.csv", GradeExports.csv(standing)), ("junit.xml", GradeExports.junit(standing)),
                     ("classroom.json", ClassroomResult.classFile(standing)), ("board.html", BoardHTML.render(standing))]
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: target + "/" + name)) }
        } catch {
            throw CLIError("cannot write into \(target): \(error.localizedDescription)")
        }
        Console.out("wrote " + files.map { target + "/" + $0.0 }.joined(separator: ", ") + "\n")
    }
}

/// `kcsa class board DIR`: the learners × labs matrix in the terminal.
struct ClassBoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "Show the learners × labs matrix, each lab's pass rate and its most failed check.")

    @Argument(help: "The class folder.")
    var dir: String

    @OptionGroup var content: ContentOption
    @OptionGroup var output: JSONFlag

    func run() throws {
        let standing = try ClassStandingLoader.load(dir, content: content)
        if output.json {
            Console.out(JSONPrinter(options: .pretty).string(ClassOutput.boardJSON(standing)) + "\n")
        } else {
            Console.out(BoardText.render(standing))
        }
    }
}

/// The grade table of a class folder, from its gradebook.
enum ClassStandingLoader {
    static func load(_ dir: String, content: ContentOption) throws(CLIError) -> ClassStanding {
        let folder = try ClassOutput.load(dir, root: content.root())
        let work: [String: LearnerWork]
        do { work = try Gradebook(path: folder.gradebookPath).currentWork() } catch {
            throw CLIError("cannot read the gradebook \(folder.gradebookPath): \(error)")
        }
        return ClassStanding.compute(spec: folder.spec, roster: folder.roster, work: work)
    }
}
