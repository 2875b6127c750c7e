import Foundation
import FuzzTargets
import Testing

/// Replays every input a fuzzer once crashed or hung on (`Tests/FuzzRegressions/<target>/`)
/// through the same entry point libFuzzer called, so a fix that regresses fails here, in
/// the regular `swift test`, without fuzzing.
struct FuzzRegressionTests {
    /// `Tests/FuzzRegressions`, found from this file (Tests/FuzzRegressionTests/<file>).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzRegressions")

    /// (target, file) for every regression input, sorted.
    static let cases: [Case] = {
        var out: [Case] = []
        for target in FuzzTarget.all {
            let dir = folder.appendingPathComponent(target.name)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            out += names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
                .map { Case(target: target.name, file: dir.appendingPathComponent($0).path) }
        }
        return out
    }()

    struct Case: Sendable, CustomTestStringConvertible {
        var target: String
        var file: String
        var testDescription: String { "\(target)/\((file as NSString).lastPathComponent)" }
    }

    @Test("a regression input runs to the end", arguments: cases)
    func replay(_ c: Case) throws {
        let target = try #require(FuzzTarget.named(c.target))
        let bytes = try #require(FileManager.default.contents(atPath: c.file))
        let start = ContinuousClock.now
        target([UInt8](bytes))
        // Not a timing assertion: a hang is what libFuzzer reported; this records the figure.
        print("\(c.testDescription): \(ContinuousClock.now - start)")
    }

    @Test("every regression folder names a target")
    func foldersNameTargets() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
        for name in names where !name.hasPrefix(".") && name != "README.md" {
            #expect(FuzzTarget.named(name) != nil, "Tests/FuzzRegressions/\(name) is not a fuzz target")
        }
    }

    @Test("every target runs the empty input and its committed seeds")
    func seeds() throws {
        let seeds = Self.folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/seeds")
        for target in FuzzTarget.all {
            target([])
            let dir = seeds.appendingPathComponent(target.name)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
                target([UInt8](FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) ?? Data()))
            }
        }
    }
}
