import Foundation
import Labs
import Terminal

/// The session on this process's terminal: libedit when interactive, plain lines from a
/// pipe otherwise, the real clock (or KCSA_NOW), the XDG state and the located content.
public enum TerminalSession {
    /// Options a subcommand passes down (no environment variables are set to pass them).
    public struct Options {
        public var content: String?
        public var home: String?
        public var now: String?
        /// The course at `content`, when the caller has read it already.
        public var catalog: LabCatalog?

        public init(content: String? = nil, home: String? = nil, now: String? = nil, catalog: LabCatalog? = nil) {
            self.content = content
            self.home = home
            self.now = now
            self.catalog = catalog
        }
    }

    public static func make(_ options: Options = Options()) throws(CLIError) -> Trainer {
        Interrupts.shared.installInterruptHandler()
        Interrupts.shared.installTerminationHandlers()
        let interactive = isInteractiveTerminal()
        let color = interactive && Console.stdoutColor
        let locations = StateLocations.process(home: options.home)
        var reader: any LineReader = PlainLineReader()
        if interactive {
            ensureUTF8Locale()
            if let r = EditLineReader(programName: "kcsa", historyPath: locations.preparedHistoryFile(), useColor: color) {
                reader = r
            }
        }
        let io = TrainerIO(
            input: reader, output: StandardOutput(), clock: try TrainerClock.from(explicit: options.now),
            progress: ProgressAccess(path: locations.progressDatabase, notice: { Console.err($0) }),
            drafts: FileDrafts(directory: locations.draftsDirectory), interactive: interactive,
            style: Style(enabled: color), runEditor: runEditor, warn: { Console.err($0) })
        var content: TrainerContent
        do {
            let root = try ContentLocator.locate(explicit: options.content)
            content = TrainerContent(root: root, cacheDirectory: locations.labCache, generatorStamp: BuildStamp.current,
                                     catalog: options.catalog)
        } catch {
            if options.content != nil { throw error }
            content = TrainerContent(root: nil, problem: error.message, cacheDirectory: nil, generatorStamp: "")
        }
        // A joined class (`kcsa class join`) gives the session its labs, order and variants.
        do { if let joined = try locations.joinedClass() { content.useClass(joined) } } catch {
            Console.err("kcsa: warning: \(error.description); the class is not used\n")
        }
        var wired = io
        if interactive {
            // A resize (SIGWINCH) takes effect on the next output.
            TerminalWidth.followResizes()
            wired.width = { TerminalWidth.current() }
        }
        return Trainer(io: wired, content: content)
    }

    /// `$VISUAL`, else `$EDITOR`, else vi, on the terminal; its exit status.
    static func runEditor(_ path: String) -> Int32? {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        return EditorLauncher.run(command: editor, path: path)
    }
}

extension Trainer {
    /// Points TAB at this session's command table. Completion reads a snapshot of the
    /// session (the lab list, the open lab and its log's fields), taken again whenever the
    /// open lab changes, so the cached field paths survive between key presses.
    public mutating func refreshCompleter() {
        let key = session?.lab.id ?? ""
        guard completionKey != key else { return }
        completionKey = key
        let box = CompletionBox(self)
        io.input.completer = { before in box.complete(before) }
    }
}

/// Holds the snapshot completion reads.
final class CompletionBox {
    private var trainer: Trainer
    init(_ trainer: Trainer) { self.trainer = trainer }
    func complete(_ before: String) -> [String] { trainer.completions(before) }
}
