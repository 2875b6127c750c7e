import Foundation
import GRDB

/// Opening the progress database: WAL and a busy timeout, the health check, the schema
/// check, moving a damaged file aside, and the fallback to memory when the folder or the
/// disk refuses writes.
extension ProgressStore {
    /// How long one statement waits for another process's lock before SQLite gives up.
    public static let busyTimeout: TimeInterval = 10
    /// How many more times an open or a write is tried after the busy timeout ran out.
    public static let busyRetries = 3
    /// Rounds of opening and migrating while another process creates the same database.
    static let openRounds = 5
    /// The health check run at every open (`kcsa-bench progress`): `quick_check` finds
    /// damaged pages and broken b-trees, which is what a kill, a bad disk or a truncated
    /// copy leaves, and stays cheap as the store grows (13 ms on a year of use, 26,000 rows;
    /// 160 ms at ten years). `integrity_check` also compares every index with its rows:
    /// 23 ms on a year, 1.4 s at ten years, paid by every `kcsa lab check`.
    public static let healthCheck = "quick_check"

    /// A damaged database that was moved aside at open.
    public struct Recovery: Sendable, Equatable {
        /// Where the damaged file now is (its `-wal` and `-shm` files beside it).
        public var movedTo: String
        /// What was wrong with it.
        public var reason: String
    }

    /// The database could not be written: the session goes on in memory, unrecorded.
    public struct Fallback: Sendable, Equatable {
        public var path: String
        /// Why (SQLite's or the system's words).
        public var reason: String
    }

    /// A test seam: SQLite result codes the store acts as if it had received.
    public struct FaultInjection: Sendable {
        /// Every write to the file fails with this code (e.g. 13, SQLITE_FULL).
        public var writeFailure: Int32?
        public init(writeFailure: Int32? = nil) { self.writeFailure = writeFailure }
    }

    struct Opened {
        var queue: DatabaseQueue
        var recovery: Recovery?
        var fallback: Fallback?
    }

    /// What an open attempt found.
    enum Attempt {
        case ready(DatabaseQueue)
        case damaged(String)
        case unwritable(String)
    }

    static func openFile(_ path: String, busyTimeout: TimeInterval, faults: FaultInjection?) throws -> Opened {
        let folder = (path as NSString).deletingLastPathComponent
        if let problem = StoreFiles.makeFolder(folder) {
            return try inMemory(Fallback(path: path, reason: "cannot create the folder \(folder): \(problem)"), from: nil)
        }
        switch try attempt(path, busyTimeout: busyTimeout) {
        case .ready(let queue):
            return Opened(queue: queue)
        case .unwritable(let reason):
            return try inMemory(Fallback(path: path, reason: reason), from: path)
        case .damaged(let reason):
            let aside: String
            do { aside = try StoreFiles.moveAside(path) } catch {
                return try inMemory(Fallback(path: path, reason: "it is damaged (\(reason)) and could not be moved aside: \(error)"),
                                    from: nil)
            }
            let recovery = Recovery(movedTo: aside, reason: reason)
            switch try attempt(path, busyTimeout: busyTimeout) {
            case .ready(let queue): return Opened(queue: queue, recovery: recovery)
            case .damaged(let r), .unwritable(let r):
                var opened = try inMemory(Fallback(path: path, reason: r), from: nil)
                opened.recovery = recovery
                return opened
            }
        }
    }

    /// Opens, checks and migrates the file, waiting out other processes' locks.
    static func attempt(_ path: String, busyTimeout: TimeInterval) throws -> Attempt {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.journalMode = .wal
        var lastError: (any Error)?
        for round in 0..<(openRounds + busyRetries) {
            if round > 0 { Thread.sleep(forTimeInterval: 0.05 * Double(round)) }
            do {
                // Checked read-only first: opening for writing (WAL setup) writes to the file,
                // and a damaged file is kept as it was found.
                if let problem = try readOnlyHealthProblem(path) { return .damaged(problem) }
                let queue = try DatabaseQueue(path: path, configuration: config)
                try migrator.migrate(queue)
                if let problem = try queue.read(schemaProblem) { return .damaged(problem) }
                return .ready(queue)
            } catch let e as DatabaseError {
                switch StoreFault(e) {
                case .damaged: return .damaged(e.message ?? "\(e)")
                case .unwritable: return .unwritable(e.message ?? "\(e)")
                case .busy, .other: lastError = e
                }
            }
        }
        // Still failing: a schema that cannot be migrated is damaged; a lock never released is busy.
        if let e = lastError as? DatabaseError, StoreFault(e) == .busy { throw ProgressStoreError.busy(path: path) }
        if let problem = try? DatabaseQueue(path: path, configuration: config).read(schemaProblem) {
            return .damaged(problem)
        }
        throw lastError ?? ProgressStoreError.busy(path: path)
    }

    /// The health check on a read-only connection; nil for a healthy or missing (or empty) file.
    static func readOnlyHealthProblem(_ path: String) throws -> String? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        do {
            guard size > 0, let queue = try readOnlyQueue(path) else { return nil }
            return try queue.read(healthProblem)
        } catch let e as DatabaseError where StoreFault(e) == .unwritable || StoreFault(e) == .other {
            return nil  // cannot be read this way: the read-write open decides
        }
    }

    /// nil when `PRAGMA integrity_check` says "ok"; otherwise its first complaint.
    static func healthProblem(_ db: Database) throws -> String? {
        let rows = try String.fetchAll(db, sql: "PRAGMA \(healthCheck)")
        if rows == ["ok"] { return nil }
        return "\(healthCheck): " + (rows.first ?? "no answer")
    }

    /// nil when every table and column kcsa's migrations make is there (extra ones, from a
    /// newer kcsa, are allowed).
    static func schemaProblem(_ db: Database) throws -> String? {
        let expected = try expectedSchema()
        for (table, columns) in expected.sorted(by: { $0.key < $1.key }) {
            guard try db.tableExists(table) else { return "the table \(table) is missing" }
            let have = Set(try db.columns(in: table).map(\.name))
            if let missing = columns.sorted().first(where: { !have.contains($0) }) {
                return "the column \(table).\(missing) is missing"
            }
        }
        return nil
    }

    /// The tables and columns of a freshly migrated database.
    static func expectedSchema() throws -> [String: Set<String>] {
        let memory = try DatabaseQueue()
        try migrator.migrate(memory)
        return try memory.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            var out: [String: Set<String>] = [:]
            for t in tables { out[t] = Set(try db.columns(in: t).map(\.name)) }
            return out
        }
    }

    /// A store in memory holding what could still be read from `source`.
    static func inMemory(_ fallback: Fallback, from source: String?) throws -> Opened {
        Opened(queue: try memoryCopy(of: source.flatMap { try? readOnlyQueue($0) }), fallback: fallback)
    }

    static func readOnlyQueue(_ path: String) throws -> DatabaseQueue? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// An in-memory database with `source`'s rows (when it can be read), migrated.
    static func memoryCopy(of source: DatabaseQueue?) throws -> DatabaseQueue {
        let memory = try DatabaseQueue()
        if let source { try? source.backup(to: memory) }
        do { try migrator.migrate(memory) } catch {
            let empty = try DatabaseQueue()
            try migrator.migrate(empty)
            return empty
        }
        return memory
    }
}

/// Why the progress database could not be used.
public enum ProgressStoreError: Error, CustomStringConvertible, Equatable {
    /// Another process held the database past the busy timeout and every retry.
    case busy(path: String)

    public var description: String {
        switch self {
        case .busy(let path):
            return "the progress database \(path) stayed busy (another kcsa is using it); nothing was lost, try again"
        }
    }
}
