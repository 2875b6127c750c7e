import Foundation
import Labs
import Terminal
import Testing
@testable import Trainer

/// `kcsa lab watch` in-process: each "save" is a write to the lab's file followed by the
/// watcher waking up, as an editor and inotify do; the real-process version is in
/// KCSACLITests/LabWorkspaceCommandTests.swift.
@Suite struct LabWatchTests {
    @Test func aWrongSaveShowsFindingsARightOnePassesAndTheNextLabStarts() throws {
        var h = TrainerHarness()
        let catalog = try #require(h.trainer.content.catalog)
        let lab = try #require(catalog.lab("secrets-at-metadata"))
        let dir = h.home + "/workspace"
        let workspace = LabWorkspace(directory: dir)
        let path = workspace.path(for: lab)
        let wrong = "# my answer\n" + LabFlowTests.wrongPolicy.dropLast().joined(separator: "\n") + "\n"
        let almost = wrong.replacingOccurrences(of: "RequestResponse", with: "Metadata")
        var saves = [wrong, wrong, almost, lab.reference]
        let output = CapturedOutput()
        var screens: [String] = []
        let watch = LabWatch(catalog: catalog, resources: try #require(h.trainer.content.resources), workspace: workspace,
                             progress: h.trainer.io.progress, clock: h.trainer.io.clock, output: output,
                             style: Style(enabled: false), width: nil, waitForSave: { saved in
                                 screens.append(output.take())
                                 guard saved == path, !saves.isEmpty else { return false }
                                 try? saves.removeFirst().write(toFile: saved, atomically: true, encoding: .utf8)
                                 return true
                             })
        #expect(watch.firstLab(nil)?.id == catalog.labs.first?.id)
        let status = watch.run(from: lab)
        screens.append(output.take())
        #expect(status == 0)
        #expect(screens[0].contains("Wrote the starter to \(path)"))
        #expect(screens[0].contains("Waiting for you to save"))
        let starter = try String(contentsOfFile: path, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: path))
        _ = starter
        // First save: the findings.
        #expect(screens[1].contains("secrets-at-metadata: 6 of 13 checks fail"), "\(screens[1])")
        #expect(screens[1].contains("expected level Metadata, got RequestResponse"))
        // The same save again: nothing new to show.
        #expect(screens[2].contains("(6 failing checks as before)"))
        #expect(!screens[2].contains("FAIL"))
        // Closer: only what changed.
        #expect(screens[3].contains("fixed "), "\(screens[3])")
        // Right: the pass, the lesson, and the next lab's file.
        let next = try #require(catalog.next(after: lab.id))
        #expect(screens[4].contains("PASSED secrets-at-metadata"))
        #expect(screens[4].contains("What to take away"))
        #expect(screens[4].contains("Next"))
        #expect(screens[4].contains("[\(next.id), "))
        #expect(FileManager.default.fileExists(atPath: workspace.path(for: next)))
        // Progress is the REPL's.
        let (_, labs) = h.command("labs")
        #expect(labs.contains("passed  secrets-at-metadata"))
    }

    @Test func theStarterFileHoldsTheTaskAsComments() throws {
        let h = TrainerHarness()
        let catalog = try #require(h.trainer.content.catalog)
        let query = try #require(catalog.lab("query-secret-access"))
        let workspace = LabWorkspace(directory: "/tmp/x")
        #expect(workspace.path(for: query) == "/tmp/x/query-secret-access.jq")
        let text = LabWorkspace.starterFile(query)
        #expect(text.hasPrefix("# \(query.title)  [query-secret-access, query lab]\n#\n# "))
        #expect(text.hasSuffix(query.starter.trimmingCharacters(in: .newlines) + "\n"))
    }
}
