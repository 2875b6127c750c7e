import ArgumentParser
import Diagnostics
import Foundation
import JSONValue
import Labs
import Progress
import Terminal
import Trainer

/// `kcsa lab`: the scenario labs without the REPL, for scripts, instructors and graders.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "List, show and check scenario labs (the same grader as the interactive session).",
        subcommands: [LabListCommand.self, LabShowCommand.self, LabCheckCommand.self,
                      LabStartCommand.self, LabWatchCommand.self, LabHintCommand.self, LabPeekCommand.self,
                      LabSolutionCommand.self]
    )
}

/// Loads the catalog, refusing to go on when it has errors.
enum LabLoading {
    static func catalog(root: String) throws(CLIError) -> LabCatalog {
        let catalog = LabCatalog.load(root: root)
        if catalog.labs.isEmpty && !catalog.isValid {
            throw CLIError("the labs cannot be read: run `kcsa content check`")
        }
        return catalog
    }

    static func lab(_ id: String, in catalog: LabCatalog) throws(CLIError) -> Lab {
        if let lab = catalog.lab(id) { return lab }
        if catalog.problems.contains(where: { $0.path.hasSuffix("/\(id).yaml") }) {
            throw CLIError("lab \(id) has problems in its file: run `kcsa content check`")
        }
        let guess = DidYouMean.suggest(id, among: catalog.labs.map(\.id)).map { "; did you mean \($0)?" } ?? ""
        throw CLIError("there is no lab \"\(id)\"\(guess) (`kcsa lab list` lists them)")
    }
}

struct LabListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the labs in course order (in a joined class: its labs, in class order).")

    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption
    @OptionGroup var output: JSONFlag

    func run() throws {
        let learner = try LearnerLabs(root: content.root(), home: home)
        let catalog = learner.catalog
        let progress: [String: LabProgress]
        do { progress = try home.progress().labProgress() } catch {
            throw CLIError("cannot read the progress database: \(error)")
        }
        if output.json {
            let items: [JSON] = catalog.labs.map { lab in
                let p = progress[lab.id]
                return .object(["id": .string(lab.id), "title": .string(lab.title), "kind": .string(lab.kind.rawValue),
                                "topic": .string(lab.topic), "passed": .bool(p?.passed ?? false),
                                "attempts": .number(p?.attempts ?? 0), "hintsUsed": .number(p?.hintsUsed ?? 0)])
            }
            Console.out(JSONPrinter(options: .pretty).string(.array(items)) + "\n")
            return
        }
        let width = TerminalWidth.current()
        let heading = learner.classHeading.map { TextWrap.wrap($0, width: width) + "\n\n" } ?? ""
        Console.out(heading + LabText.list(catalog.labs, progress: progress, style: stdoutStyle, width: width))
    }
}

struct LabShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a lab's task and its starter.")

    @Argument(help: "The lab id (or its number in `kcsa lab list`).")
    var id: String

    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption

    func run() throws {
        let lab = try LearnerLabs(root: content.root(), home: home).lab(id)
        Console.out(LabText.task(lab, style: stdoutStyle, width: TerminalWidth.current()))
    }
}

struct LabCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an answer to a lab (exit 0 passed, 1 not passed, 2 usage or unreadable file).",
        discussion: """
        ANSWER_FILE holds a policy (policy and fix labs), a jq program (query labs) or a YAML mapping \
        of predictions (predict labs); `-` reads standard input. The attempt is recorded in the \
        progress database ($KCSA_HOME, or --home, or the XDG data directory) unless --no-record.
        """
    )

    @Argument(help: "The lab id.")
    var id: String

    @Argument(help: "The answer file, or - for standard input.")
    var answerFile: String

    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption
    @OptionGroup var output: JSONFlag
    @OptionGroup var now: NowOption

    @Option(help: "Also write the result as JUnit XML to this file.")
    var junit: String?

    @Flag(help: "Do not record the attempt in the progress database.")
    var noRecord = false

    @Option(help: "text, json (as --json) or classroom (GitHub Classroom's base64 autograding result).")
    var format: LabCheckFormat?

    @Option(help: "The score a passed lab is worth in --format classroom.")
    var maxScore = 10

    nonisolated(unsafe) static var keepAlive: LabResources?

    func run() throws {
        let root = try content.root()
        let written: Lab
        if let one = LabCatalog.loadOne(root: root, id: id), let found = one.lab {
            written = found
        } else {
            written = try LabLoading.lab(id, in: LabLoading.catalog(root: root))
        }
        // In a joined class the learner's own variant is checked (LabClassroom.variant).
        let lab = try LabClassroom.variant(written, home: home)
        let answer = try InputFile.read(answerFile)
        let started = ContinuousClock.now
        let report: LabReport
        do {
            let resources = home.labResources(root: root)
            // The logs stay in memory until the process exits: freeing tens of thousands of
            // parsed events one by one would only delay the exit.
            LabCheckCommand.keepAlive = resources
            CheckWatchdog.start(lab: lab, answer: answer, json: output.json)
            report = try LabChecker(resources: resources).check(lab, answer: answer)
        } catch {
            throw LabClassroom.failure(error, labID: id, format: format, maxScore: maxScore)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if !noRecord {
            let store = try home.progress()
            do {
                try store.recordLabCheck(labID: lab.id, passed: report.passed, failedChecks: report.failedCount,
                                         answer: String(decoding: answer.bytes, as: UTF8.self), at: now.clock().now())
            } catch {
                throw CLIError("cannot record the attempt: \(error)")
            }
        }
        if let junit {
            do { try OutputFile.write(LabReportRenderer.junit(report, lab: lab, seconds: seconds), to: junit) } catch {
                throw CLIError(error.description)
            }
        }
        if format == .classroom {
            Console.out(LabClassroom.encoded(report, lab: lab, maxScore: maxScore) + "\n")
        } else if output.json || format == .json {
            Console.out(JSONPrinter(options: .pretty).string(LabReportRenderer.json(report, lab: lab)) + "\n")
        } else {
            // On a terminal, findings wrap to its width (never the answer's code or JSON).
            Console.out(LabReportRenderer(style: stdoutStyle, width: TerminalWidth.current()).text(report, lab: lab))
        }
        if !report.passed { throw ExitCode(1) }
    }
}
