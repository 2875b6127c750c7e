import Foundation
import Labs
import Terminal

/// Everything a session reads and writes, injected: the line input, the output, the
/// clock, the progress store and the drafts. The REPL passes the terminal's; a test
/// passes a scripted reader and a captured output, and drives a whole session in-process.
public struct TrainerIO {
    public var input: any LineReader
    public var output: any OutputSink
    public var clock: TrainerClock
    public var progress: ProgressAccess
    public var drafts: any DraftStore
    /// A learner at a terminal (banner, prompts, `edit`); false for piped input and tests.
    public var interactive: Bool
    public var style: Style
    /// Runs an editor on a file; returns its exit status, or nil when it could not start.
    public var runEditor: (_ path: String) -> Int32?
    /// Diagnostics that are not part of the session's text (stderr in the REPL).
    public var warn: (String) -> Void
    /// The terminal's width in columns, asked at each render; nil without a terminal
    /// (text is then not wrapped).
    public var width: () -> Int? = { nil }

    public init(input: any LineReader, output: any OutputSink, clock: TrainerClock, progress: ProgressAccess,
                drafts: any DraftStore, interactive: Bool, style: Style,
                runEditor: @escaping (String) -> Int32? = { _ in nil }, warn: @escaping (String) -> Void = { _ in }) {
        self.input = input
        self.output = output
        self.clock = clock
        self.progress = progress
        self.drafts = drafts
        self.interactive = interactive
        self.style = style
        self.runEditor = runEditor
        self.warn = warn
    }

    /// Writes `text`, adding the final newline if it has none.
    public func say(_ text: String) { output.write(text.hasSuffix("\n") ? text : text + "\n") }
}

/// Where a session finds the course and caches generated logs, located once.
public struct TrainerContent {
    public var root: String?
    /// Why the content was not found, said when a command needs it.
    public var problem: String?
    public var catalog: LabCatalog?
    public var resources: LabResources?

    /// `catalog`: the course when the caller has read it already (it is read from `root` otherwise).
    public init(root: String?, problem: String? = nil, cacheDirectory: String?, generatorStamp: String,
                catalog: LabCatalog? = nil) {
        self.root = root
        self.problem = problem
        if let root {
            self.catalog = catalog ?? LabCatalog.load(root: root)
            resources = LabResources(root: root, cacheDirectory: cacheDirectory, generatorStamp: generatorStamp)
        }
    }
}
