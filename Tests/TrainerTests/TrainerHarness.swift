import Foundation
import TestSupport
import Terminal
@testable import Trainer

/// A session in-process: the real course, a scripted terminal, a captured screen, a fixed
/// clock, and a fresh home (progress database and drafts) for each harness.
struct TrainerHarness {
    static let packageRoot = SharedFolder.packageRoot()
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    let home: String
    let output = CapturedOutput()
    var trainer: Trainer

    init(home: String? = nil) {
        let home = home ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("kcsa-trainer-\(UUID().uuidString)").path
        self.home = home
        let io = TrainerIO(input: ScriptedInput([]), output: output, clock: .fixed(Self.now),
                           progress: ProgressAccess(path: home + "/progress.sqlite", notice: { _ in }),
                           drafts: FileDrafts(directory: home + "/drafts"), interactive: false, style: Style(enabled: false))
        trainer = Trainer(io: io, content: TrainerContent(root: Self.packageRoot.path, cacheDirectory: home + "/cache",
                                                          generatorStamp: "tests"))
    }

    /// Runs `lines` as the learner typing them at the prompt (the same loop as `kcsa < script`)
    /// and returns what the session printed, and its exit status.
    mutating func run(_ lines: [String]) -> (text: String, status: Int32) {
        trainer.io.input = ScriptedInput(lines)
        let status = SessionDriver.run(&trainer)
        return (output.take(), status)
    }

    /// Runs one command line and returns its outcome and what it printed.
    mutating func command(_ line: String, then input: [String] = []) -> (Trainer.Outcome, String) {
        trainer.io.input = ScriptedInput(input)
        let outcome = trainer.execute(line)
        return (outcome, output.take())
    }
}

/// Golden files: what a learner sees, pinned. `KCSA_UPDATE_GOLDEN=1 swift test` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The golden text for `name`, written first when updating; nil when the file is missing.
    static func check(_ name: String, _ actual: String) -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["KCSA_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
