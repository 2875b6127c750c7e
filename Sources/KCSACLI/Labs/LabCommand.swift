import ArgumentParser
import Diagnostics
import Foundation
import JSONValue
import Labs
import Progress

/// `kcsa lab`: the scenario labs without the REPL, for scripts, instructors and graders.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "List, show and check scenario labs (the same grader as the interactive session).",
        subcommands: [LabListCommand.self, LabShowCommand.self, LabCheckCommand.self]
    )
}

/// Loads the catalog, refusing to go on when it has errors.
enum LabLoading {
    static func catalog(content: String?) throws(CLIError) -> (root: String, catalog: LabCatalog) {
        let root = try ContentLocator.locate(explicit: content)
        let catalog = LabCatalog.load(root: root)
        if catalog.labs.isEmpty && !catalog.isValid {
            throw CLIError("the labs cannot be read: run `kcsa content check`")
        }
        return (root, catalog)
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
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the labs in course order.")

    @Option(help: "The content folder (holding Labs/ and Questions/).")
    var content: String?

    @Option(help: "Read progress from this folder instead of $KCSA_HOME or the XDG data directory.")
    var home: String?

    @Flag(help: "Print the list as JSON.")
    var json = false

    func run() throws {
        try runReportingErrors {
            if let home { setenv("KCSA_HOME", home, 1) }
            let (_, catalog) = try LabLoading.catalog(content: content)
            let progress = (try? StatePaths.openProgress().labProgress()) ?? [:]
            if json {
                let items: [JSON] = catalog.labs.map { lab in
                    let p = progress[lab.id]
                    return .object(["id": .string(lab.id), "title": .string(lab.title), "kind": .string(lab.kind.rawValue),
                                    "topic": .string(lab.topic), "passed": .bool(p?.passed ?? false),
                                    "attempts": .number(p?.attempts ?? 0), "hintsUsed": .number(p?.hintsUsed ?? 0)])
                }
                Console.out(JSONPrinter(options: .pretty).string(.array(items)) + "\n")
                return
            }
            Console.out(LabText.list(catalog.labs, progress: progress, style: Style(enabled: Console.stdoutColor)))
        }
    }
}

struct LabShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a lab's task and its starter.")

    @Argument(help: "The lab id.")
    var id: String

    @Option(help: "The content folder (holding Labs/ and Questions/).")
    var content: String?

    func run() throws {
        try runReportingErrors {
            let (_, catalog) = try LabLoading.catalog(content: content)
            let lab = try LabLoading.lab(id, in: catalog)
            Console.out(LabText.task(lab, style: Style(enabled: Console.stdoutColor)))
        }
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

    @Option(help: "The content folder (holding Labs/ and Questions/).")
    var content: String?

    @Option(help: "Keep progress in this folder instead of $KCSA_HOME or the XDG data directory.")
    var home: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Option(help: "Also write the result as JUnit XML to this file.")
    var junit: String?

    @Flag(help: "Do not record the attempt in the progress database.")
    var noRecord = false

    nonisolated(unsafe) static var keepAlive: LabResources?

    func run() throws {
        try runReportingErrors {
            if let home { setenv("KCSA_HOME", home, 1) }
            let root = try ContentLocator.locate(explicit: content)
            let lab: Lab
            if let one = LabCatalog.loadOne(root: root, id: id), let found = one.lab {
                lab = found
            } else {
                lab = try LabLoading.lab(id, in: LabLoading.catalog(content: content).catalog)
            }
            let answer = try InputFile.read(answerFile)
            let started = ContinuousClock.now
            let report: LabReport
            do {
                let resources = StatePaths.labResources(root: root)
                // The logs stay in memory until the process exits: freeing tens of thousands of
                // parsed events one by one would only delay the exit.
                LabCheckCommand.keepAlive = resources
                report = try LabChecker(resources: resources).check(lab, answer: answer)
            } catch let e as LabCheckError {
                throw CLIError(e.description)
            }
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if !noRecord {
                let store = try StatePaths.openProgress()
                do {
                    try LabRecording.record(report, lab: lab, in: store, at: StateClock.now())
                } catch {
                    throw CLIError("cannot record the attempt: \(error)")
                }
            }
            if let junit {
                do {
                    try LabReportRenderer.junit(report, lab: lab, seconds: seconds).write(toFile: junit, atomically: true,
                                                                                          encoding: .utf8)
                } catch {
                    throw CLIError("cannot write \(junit): \(error.localizedDescription)")
                }
            }
            if json {
                Console.out(JSONPrinter(options: .pretty).string(LabReportRenderer.json(report, lab: lab)) + "\n")
            } else {
                Console.out(LabReportRenderer(style: Style(enabled: Console.stdoutColor)).text(report, lab: lab))
            }
            if !report.passed { throw ExitCode(1) }
        }
    }
}
