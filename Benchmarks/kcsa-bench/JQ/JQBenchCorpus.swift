import ClusterSim
import Foundation
import JSONValue
import Seeded

/// A deterministic, realistic audit log for the jq benchmark: JSON lines of
/// audit.k8s.io/v1 events with varied users, verbs, resources, subresources
/// (exec, attach, log), RBAC changes, secrets access, 401s and pod creations
/// whose requestObject holds containers with securityContexts.
///
/// The same seed and size always give the same bytes, so figures from two
/// machines or two commits compare the same work.
struct JQBenchCorpus {
    /// Bumped whenever the generator changes, so a cached file is never stale.
    static let version = 1

    var seed: UInt64 = 42
    var sizeMB: Int

    /// `$XDG_CACHE_HOME/kcsa/bench` (or `~/.cache/kcsa/bench`).
    static func cacheDirectory() -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? "/tmp") + "/.cache")
        return base + "/kcsa/bench"
    }

    var fileName: String { "audit-v\(JQBenchCorpus.version)-seed\(seed)-\(sizeMB)mb.jsonl" }

    /// The corpus path, generating it first when it is not cached.
    func ensure(in directory: String) throws -> String {
        let path = directory + "/" + fileName
        if FileManager.default.fileExists(atPath: path) { return path }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let tmp = path + ".partial"
        FileManager.default.createFile(atPath: tmp, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: tmp) else {
            throw CorpusError(message: "cannot write \(tmp)")
        }
        var generator = EventGenerator(seed: seed)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 21)
        var written = 0
        let target = sizeMB << 20
        let printer = JSONPrinter(options: .compact)
        while written < target {
            printer.write(generator.next(), to: &buffer)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 {
                handle.write(Data(buffer))
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { handle.write(Data(buffer)) }
        try handle.close()
        try FileManager.default.moveItem(atPath: tmp, toPath: path)
        return path
    }

    struct CorpusError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// The benchmark's random choices, from the project's seeded generator.
struct JQBenchRandom {
    private var generator: SeededGenerator
    init(state: UInt64) { generator = SeededGenerator(seed: state) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
