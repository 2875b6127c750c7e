import ArgumentParser
import Foundation
import Labs
import Progress
import Terminal
import Trainer
#if canImport(Glibc)
import Glibc
#endif

/// `--dir D`: the lab workspace folder (default ./kcsa-labs).
struct WorkspaceOption: ParsableArguments {
    @Option(help: "The folder holding your lab files (default: ./\(LabWorkspace.defaultDirectory)).")
    var dir: String = LabWorkspace.defaultDirectory

    var workspace: LabWorkspace { LabWorkspace(directory: dir) }
}

/// `kcsa lab start ID`: the starter as a file to edit in any editor.
struct LabStartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Write a lab's starter to a file in your workspace, to edit in your own editor.",
        discussion: "The file is DIR/ID.yaml (or .jq for a query lab) with the task as a comment at the top. "
            + "An existing file is left as it is. Then run `kcsa lab watch ID`.")

    @Argument(help: "The lab id (or its number in `kcsa lab list`).")
    var id: String
    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption

    func run() throws {
        // In a joined class the starter is the learner's variant, the one `lab check` grades.
        let lab = try LearnerLabs(root: content.root(), home: home).lab(id)
        let (path, created) = try write(lab)
        Console.out((created ? "Wrote \(path)" : "\(path) is there already (kept as it is)")
                    + ": edit it in your editor, then run\n  kcsa lab watch \(lab.id)"
                    + (workspace.dir == LabWorkspace.defaultDirectory ? "" : " --dir \(workspace.dir)")
                    + "\nwhich checks it each time you save.\n")
    }

    private func write(_ lab: Lab) throws(CLIError) -> (String, Bool) {
        do { return try workspace.workspace.start(lab) } catch {
            throw CLIError("cannot write the lab's file in \(workspace.dir): \(error.localizedDescription)")
        }
    }
}

/// `kcsa lab watch [ID]`: re-check on every save, move on when it passes.
struct LabWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Check your lab file each time you save it; on a pass, go on to the next lab. Ctrl-C leaves.",
        discussion: "Without ID: the first lab you have not passed. Progress is shared with the interactive "
            + "session. Saves are seen with inotify (polling where inotify is missing).")

    @Argument(help: "The lab id (default: the first lab not yet passed).")
    var id: String?
    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption
    @OptionGroup var now: NowOption

    func run() throws {
        // Ctrl-C (and SIGTERM) leave, even when the parent started kcsa with them blocked or ignored.
        var leave = sigset_t()
        sigemptyset(&leave)
        sigaddset(&leave, SIGINT)
        sigaddset(&leave, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &leave, nil)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        let root = try content.root()
        // In a joined class: the class's labs, in its order, as the learner's variants.
        let learner = try LearnerLabs(root: root, home: home)
        var resolved: String?
        if let id { resolved = try learner.lab(id).id }
        let catalog = learner.catalog(startingAt: resolved)
        let access = ProgressAccess(path: home.locations.progressDatabase, notice: { Console.err($0) })
        var watchers: [String: FileWatcher] = [:]
        let watch = LabWatch(catalog: catalog, resources: home.labResources(root: root), workspace: workspace.workspace,
                             progress: access, clock: try now.clock(), output: StandardOutput(), style: stdoutStyle,
                             width: TerminalWidth.current(), waitForSave: { path in
                                 let w = watchers[path] ?? FileWatcher(path: path)
                                 watchers[path] = w
                                 return w.waitForChange()
                             })
        guard let first = watch.firstLab(resolved) else {
            Console.out("Every lab is passed. `kcsa progress` shows where you stand.\n")
            return
        }
        let status = watch.run(from: first)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `kcsa lab hint ID [N]`: the REPL's hints, outside it.
struct LabHintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hint",
        abstract: "Show a lab's next hint (a nudge, a pointer, then a near-solution); hints used are recorded.",
        discussion: "The near-solution before the earlier hints needs --yes.")

    @Argument(help: "The lab id.")
    var id: String
    @Argument(help: "Which hint (default: the next one you have not seen).")
    var number: Int?
    @Flag(help: "Show the near-solution even though the earlier hints were not seen.")
    var yes = false
    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption
    @OptionGroup var now: NowOption

    func run() throws {
        let lab = try LearnerLabs(root: content.root(), home: home).lab(id)
        let store = try home.progress()
        let seen = (try? store.labProgress()[lab.id]?.hintsUsed) ?? 0
        let hints = lab.hints
        guard !hints.isEmpty else { throw CLIError("lab \(lab.id) has no hints", exitCode: 1) }
        let tier = number ?? min(seen + 1, hints.count)
        guard tier >= 1, tier <= hints.count else {
            throw CLIError("lab \(lab.id) has \(hints.count) hint\(hints.count == 1 ? "" : "s")")
        }
        if tier == hints.count, tier > 1, seen < tier - 1, !yes {
            throw CLIError("hint \(tier) is the near-solution and you have seen " + (seen == 0 ? "no hints" : "hints 1-\(seen)")
                           + " yet: `kcsa lab hint \(lab.id)` gives hint \(seen + 1), or add --yes", exitCode: 1)
        }
        let style = stdoutStyle
        Console.out(style.bold("Hint \(tier) of \(hints.count) (\(HintName.of(tier, of: hints.count)))") + ":\n"
                    + TextWrap.wrap(hints[tier - 1].trimmingCharacters(in: .whitespacesAndNewlines),
                                    width: TerminalWidth.current(), keepIndented: true) + "\n")
        do { try store.recordHint(labID: lab.id, tier: tier, at: now.clock().now()) } catch {
            Console.err("kcsa: note: the hint was not recorded: \(error)\n")
        }
    }
}

/// `kcsa lab solution ID`: the reference answer, once the lab is passed.
struct LabSolutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solution", abstract: "Show a lab's reference solution (once you have passed it).")

    @Argument(help: "The lab id.")
    var id: String
    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption

    func run() throws {
        let lab = try LearnerLabs(root: content.root(), home: home).lab(id)
        let passed = (try? home.progress().labProgress()[lab.id]?.passed) ?? false
        guard passed else {
            throw CLIError("the reference solution of \(lab.id) opens once you pass it (`kcsa lab hint \(lab.id)` helps)",
                           exitCode: 1)
        }
        Console.out(lab.reference.trimmingCharacters(in: .newlines) + "\n")
    }
}
