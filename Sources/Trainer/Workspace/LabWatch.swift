import Diagnostics
import Foundation
import Labs
import Progress
import Terminal

/// `kcsa lab watch`: checks a lab's file each time it is saved and prints only what
/// changed since the last check (new or different failures, checks that now pass); when
/// the lab passes it is recorded, and the next lab not yet passed is started, as in
/// rustlings' watch mode. Progress is the REPL's: a lab passed here shows as passed there.
public struct LabWatch {
    public var catalog: LabCatalog
    public var resources: LabResources
    public var workspace: LabWorkspace
    public var progress: ProgressAccess
    public var clock: TrainerClock
    public var output: any OutputSink
    public var style: Style
    public var width: Int?
    /// Waits until the file at the path is saved again; false ends the watch (tests).
    public var waitForSave: (String) -> Bool

    public init(catalog: LabCatalog, resources: LabResources, workspace: LabWorkspace, progress: ProgressAccess,
                clock: TrainerClock, output: any OutputSink, style: Style, width: Int?,
                waitForSave: @escaping (String) -> Bool) {
        self.catalog = catalog
        self.resources = resources
        self.workspace = workspace
        self.progress = progress
        self.clock = clock
        self.output = output
        self.style = style
        self.width = width
        self.waitForSave = waitForSave
    }

    private func say(_ text: String) { output.write(text.hasSuffix("\n") ? text : text + "\n") }

    /// The lab to watch first: `id`, else the first lab not yet passed.
    public func firstLab(_ id: String?) -> Lab? {
        if let id { return catalog.lab(id) }
        let passed = (try? progress.open().labProgress()) ?? [:]
        return catalog.labs.first { passed[$0.id]?.passed != true }
    }

    /// Watches `lab` and the labs after it until `waitForSave` says stop or the course is done.
    /// Returns 0, or 2 when a lab could not be checked at all.
    public func run(from first: Lab) -> Int32 {
        var lab = first
        while true {
            guard let path = start(lab) else { return 2 }
            var previous = Previous()
            if let text = workspace.answer(lab), text != LabWorkspace.starterFile(lab) {
                guard let report = check(lab, path: path) else { return 2 }
                if report.passed, let next = passed(lab, report) { lab = next; continue }
                if report.passed { return 0 }
                previous = show(report, lab: lab, since: previous)
            } else {
                say(style.dim("Waiting for you to save \(path) (Ctrl-C leaves)."))
            }
            var moved = false
            while waitForSave(path) {
                guard let report = check(lab, path: path) else { return 2 }
                if report.passed {
                    guard let next = passed(lab, report) else { return 0 }
                    lab = next
                    moved = true
                    break
                }
                previous = show(report, lab: lab, since: previous)
            }
            if !moved { return 0 }
        }
    }

    /// Writes the lab's file if it is missing and says where it is.
    private func start(_ lab: Lab) -> String? {
        do {
            let (path, created) = try workspace.start(lab)
            say(style.bold("\(lab.title)") + "  [\(lab.id), \(lab.kind.rawValue) lab]")
            say((created ? "Wrote the starter to " : "Watching ") + path + " (the task is at the top of the file).")
            return path
        } catch {
            say(style.red("error") + ": cannot write the lab's file: \(error.localizedDescription)")
            return nil
        }
    }

    private func check(_ lab: Lab, path: String) -> LabReport? {
        guard let text = workspace.answer(lab) else {
            say(style.red("error") + ": cannot read \(path)")
            return nil
        }
        do {
            let report = try LabChecker(resources: resources).check(lab, answer: SourceFile(name: path, text: text))
            try? progress.open().recordLabCheck(labID: lab.id, passed: report.passed, failedChecks: report.failedCount,
                                                answer: text, at: clock.now())
            return report
        } catch {
            say(style.red("error") + ": \(error.description)")
            return nil
        }
    }

    /// What the last check showed: each failing check's lines, and the diagnostics.
    struct Previous {
        var failing: [String: [String]] = [:]
        var diagnostics = ""
    }

    /// Prints what differs from the previous check.
    private func show(_ r: LabReport, lab: Lab, since before: Previous) -> Previous {
        var now = Previous()
        let renderer = DiagnosticRenderer(color: style.enabled)
        now.diagnostics = r.diagnostics.map { renderer.render($0, in: r.answer) }.joined()
        let stamp = Self.time(clock.now())
        say("\n" + style.bold("[\(stamp)] \(lab.id)") + ": \(r.failedCount) of \(r.checks.count) checks fail")
        if now.diagnostics != before.diagnostics { output.write(now.diagnostics) }
        var unchanged = 0
        for c in r.checks {
            if c.passed {
                if before.failing[c.name] != nil { say(style.green("  fixed ") + " " + c.name) }
                continue
            }
            let lines = FindingText.lines(c.findings)
            now.failing[c.name] = lines
            if before.failing[c.name] == lines {
                unchanged += 1
                continue
            }
            say(TextWrap.wrap(style.red("  FAIL  ") + c.name, width: width, hanging: 8))
            for line in lines { say(TextWrap.wrap("          " + line, width: width, hanging: line.hasPrefix("  ") ? 12 : 10)) }
        }
        if unchanged > 0 { say(style.dim("  (\(unchanged) failing check\(unchanged == 1 ? "" : "s") as before)")) }
        return now
    }

    /// Says the lab passed, with its lesson; the next lab not yet passed, or nil at the end.
    private func passed(_ lab: Lab, _ r: LabReport) -> Lab? {
        say("\n" + style.bold(style.green("PASSED")) + " \(lab.id): all \(r.checks.count) checks pass.")
        say(style.bold("What to take away") + ":\n" + lab.lesson.trimmingCharacters(in: .whitespacesAndNewlines))
        say(style.dim("`kcsa lab solution \(lab.id)` shows the reference answer."))
        let done = (try? progress.open().labProgress()) ?? [:]
        var id = lab.id
        while let next = catalog.next(after: id) {
            if done[next.id]?.passed != true {
                say("\n" + style.bold("Next") + ":")
                return next
            }
            id = next.id
        }
        say("\nEvery lab is passed. `kcsa progress` shows where you stand.")
        return nil
    }

    static func time(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "HH:mm:ss"
        return f.string(from: date)
    }
}
