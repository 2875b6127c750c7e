import Foundation
import Testing
@testable import Labs

/// The on-disk cache of generated logs can never stand in for a shorter or empty log.
@Suite struct LabCacheTests {
    @Test func aCutCacheFileIsGeneratedAgainNotReadShort() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-cache-\(UUID().uuidString)").path
        let root = LabFixtures.root
        let first = try LabResources(root: root, cacheDirectory: dir, generatorStamp: "t")
            .log(scenario: "dev-small", policy: "seed-audit-policy", duration: "10m", seed: 3)
        #expect(!first.isEmpty)
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { $0.hasSuffix("log") }
        let file = dir + "/" + (try #require(files.first))
        // Keep the first half of the lines: a cut file whose last line is still whole JSON.
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        try lines.prefix(lines.count / 2).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let again = try LabResources(root: root, cacheDirectory: dir, generatorStamp: "t")
            .log(scenario: "dev-small", policy: "seed-audit-policy", duration: "10m", seed: 3)
        #expect(again.count == first.count)
        #expect(again == first)
    }
}
