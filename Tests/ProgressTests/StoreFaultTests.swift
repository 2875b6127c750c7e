import Foundation
import GRDB
import Synchronization
import Testing
@testable import Progress

/// The progress store under faults: damaged files are moved aside (and only those), busy
/// ones are waited for, and a folder or disk that refuses writes leaves the session going
/// on in memory, said once.
@Suite struct StoreFaultTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    final class Notices: Sendable {
        let seen = Mutex<[ProgressStore.Fallback]>([])
        var all: [ProgressStore.Fallback] { seen.withLock { $0 } }
        func add(_ f: ProgressStore.Fallback) { seen.withLock { $0.append(f) } }
    }

    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-faults-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func answer(_ n: Int) -> AnswerRecord {
        AnswerRecord(questionID: "q-\(n)", revision: 1, domain: "platform-security", correct: n % 2 == 0, mode: "quiz",
                     answeredAt: Self.t0.addingTimeInterval(Double(n)))
    }

    /// A database file with `n` answers and `n` lab checks, closed.
    func populated(_ n: Int) throws -> String {
        let path = try Self.folder() + "/progress.sqlite"
        let store = try ProgressStore(path: path)
        for i in 0..<n {
            try store.recordAnswer(answer(i))
            try store.recordLabCheck(labID: "lab-\(i % 7)", passed: i % 3 == 0, failedChecks: 1, at: Self.t0)
        }
        // Everything in the main file, so the test damages what SQLite will read.
        try store.db.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        return path
    }

    @Test func aHealthyDatabaseUsesWALAndIsNotMovedAside() throws {
        let path = try populated(5)
        let store = try ProgressStore(path: path)
        #expect(store.recovery == nil)
        #expect(try store.db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.answers().count == 5)
    }

    @Test(arguments: ["garbage", "truncated", "damaged page", "empty header"])
    func aDamagedFileIsMovedAsideAndANewOneStarted(_ damage: String) throws {
        let path = try populated(400)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(original.count > 8 * 4096)
        var bytes = original
        switch damage {
        case "garbage": bytes = Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        case "truncated": bytes = original.prefix(original.count / 2 + 100)
        case "damaged page":
            for i in (2 * 4096)..<(4 * 4096) { bytes[i] = UInt8(truncatingIfNeeded: i &* 13) }
        default: bytes.replaceSubrange(0..<100, with: Data(repeating: 0x41, count: 100))
        }
        try bytes.write(to: URL(fileURLWithPath: path))
        let store = try ProgressStore(path: path)
        let recovery = try #require(store.recovery)
        // The damaged file is kept for inspection (SQLite may have rewritten its header).
        let kept = try Data(contentsOf: URL(fileURLWithPath: recovery.movedTo))
        #expect(kept.count == bytes.count, "\(recovery.reason)")
        #expect(kept.suffix(from: 100).prefix(4 * 4096) == bytes.suffix(from: 100).prefix(4 * 4096))
        #expect(!recovery.reason.isEmpty)
        try store.recordAnswer(answer(1))
        let reopened = try ProgressStore(path: path)
        #expect(reopened.recovery == nil)
        #expect(try reopened.answers().count == 1)
    }

    @Test func aDroppedTableIsNotKcsasSchemaAndIsMovedAside() throws {
        let path = try populated(3)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "DROP TABLE labAttempt") }
        try queue.close()
        let store = try ProgressStore(path: path)
        #expect(store.recovery?.reason == "the table labAttempt is missing")
        try store.recordLabCheck(labID: "x", passed: true, failedChecks: 0, at: Self.t0)
        #expect(try store.labProgress()["x"]?.attempts == 1)
    }

    @Test func aBusyDatabaseIsWaitedForNotMovedAside() throws {
        let path = try populated(2)
        let other = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? other.inDatabase { db in
                try db.execute(sql: "BEGIN EXCLUSIVE")
                locked.signal()
                Thread.sleep(forTimeInterval: 0.8)
                try db.execute(sql: "COMMIT")
            }
        }
        holder.start()
        locked.wait()
        let store = try ProgressStore(path: path)
        try store.recordAnswer(answer(99))
        #expect(store.recovery == nil)
        #expect(try store.answers().count == 3)
    }

    @Test func aLockHeldPastTheTimeoutIsReportedAsBusyAndTheFileKept() throws {
        let path = try populated(2)
        let other = try DatabaseQueue(path: path)
        let store = try ProgressStore(path: path, busyTimeout: 0.05)
        try other.inDatabase { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            #expect(throws: ProgressStoreError.busy(path: path)) { try store.recordAnswer(answer(5)) }
            try db.execute(sql: "COMMIT")
        }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try ProgressStore(path: path).answers().count == 2)
    }

    @Test func storesOpeningAndWritingAtOnceLoseNothing() throws {
        let path = try Self.folder() + "/progress.sqlite"
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let store = try ProgressStore(path: path)
                if let r = store.recovery { errors.withLock { $0.append("moved aside: \(r.reason)") } }
                for i in 0..<20 {
                    try store.recordAnswer(answer(worker * 100 + i))
                    try store.recordLabCheck(labID: "lab-\(worker)", passed: false, failedChecks: 1, at: Self.t0)
                }
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let store = try ProgressStore(path: path)
        #expect(try store.answers().count == 80)
        #expect(try store.labProgress().values.map(\.attempts).reduce(0, +) == 80)
    }

    @Test func aFullDiskMovesTheSessionToMemoryAndSaysSoOnce() throws {
        let path = try populated(3)
        let notices = Notices()
        let store = try ProgressStore(path: path, onFallback: { notices.add($0) },
                                      faults: .init(writeFailure: ResultCode.SQLITE_FULL.rawValue))
        try store.recordAnswer(answer(10))
        try store.recordAnswer(answer(11))
        #expect(notices.all.count == 1)
        #expect(notices.all.first?.reason == "injected fault")
        #expect(store.notRecording != nil)
        // What the file held is still read, and the session's answers are there too.
        #expect(try store.answers().count == 5)
        #expect(try ProgressStore(path: path).answers().count == 3)
    }

    @Test func aStatePathUnderAFileGoesOnInMemory() throws {
        let file = try Self.folder() + "/plain-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let notices = Notices()
        let store = try ProgressStore(path: file + "/kcsa/progress.sqlite", onFallback: { notices.add($0) })
        try store.recordAnswer(answer(1))
        #expect(try store.answers().count == 1)
        #expect(notices.all.count == 1)
        #expect(notices.all.first?.reason.contains("is not a folder") == true)
    }

    @Test func aReallyFullFileSystemGoesOnInMemory() throws {
        let dir = try Self.folder()
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=96k", "tmpfs", dir]) == 0 else {
            print("skipped: cannot mount a tmpfs at \(dir) (not root?)")
            return
        }
        defer { _ = Self.run("/bin/umount", [dir]) }
        let notices = Notices()
        let store = try ProgressStore(path: dir + "/progress.sqlite", onFallback: { notices.add($0) })
        for i in 0..<3_000 { try store.recordAnswer(answer(i)) }
        #expect(notices.all.count == 1)
        #expect(notices.all.first?.reason.contains("full") == true)
        #expect(try store.answers().count == 3_000)
    }

    static func run(_ tool: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
