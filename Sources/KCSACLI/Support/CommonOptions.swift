import ArgumentParser
import Labs
import Progress
import Terminal
import Trainer

/// `--content DIR`, shared by every command that reads the course.
struct ContentOption: ParsableArguments {
    @Option(help: "The content folder (holding Labs/ and Questions/).")
    var content: String?

    /// The located content folder.
    func root() throws(CLIError) -> String { try ContentLocator.locate(explicit: content) }
}

/// `--home DIR`, shared by every command that reads or writes the learner's progress.
struct HomeOption: ParsableArguments {
    @Option(help: "Keep progress in this folder instead of $KCSA_HOME or the XDG data directory.")
    var home: String?

    var locations: StateLocations { .process(home: home) }

    /// The progress database, opened once (a damaged one is moved aside and said so on stderr).
    func progress() throws(CLIError) -> ProgressStore {
        try ProgressAccess(path: locations.progressDatabase, notice: { Console.err($0) }).open()
    }

    /// Lab logs and reference outputs, cached on disk for this build.
    func labResources(root: String) -> LabResources {
        LabResources(root: root, cacheDirectory: locations.labCache, generatorStamp: BuildStamp.current)
    }
}

/// `--json`, shared by every command with a machine-readable form.
struct JSONFlag: ParsableArguments {
    @Flag(help: "Print as JSON.")
    var json = false
}

/// `--now` (hidden): the moment the command acts at, for reproducible tests.
struct NowOption: ParsableArguments {
    @Option(help: .hidden)
    var now: String?

    func clock() throws(CLIError) -> TrainerClock { try TrainerClock.from(explicit: now) }
}

/// Styling for standard output: colour on a terminal, never with NO_COLOR.
var stdoutStyle: Style { Style(enabled: Console.stdoutColor) }
