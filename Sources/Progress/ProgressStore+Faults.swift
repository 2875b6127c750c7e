import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// What kind of failure an SQLite error is, for the store's decisions: wait, move the file
/// aside, carry on in memory, or report.
enum StoreFault: Equatable {
    /// Another connection holds a lock: wait and retry, never move the file aside.
    case busy
    /// Not a database, or a corrupt one: move it aside.
    case damaged
    /// The folder or the disk refuses writes (read-only, full, permission, I/O).
    case unwritable
    case other

    init(_ error: DatabaseError) {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: self = .damaged
        case .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_AUTH:
            self = .unwritable
        default: self = .other
        }
    }
}

extension ProgressStore {
    /// The reason the store is in memory, once it is.
    public var notRecording: Fallback? { fallback.withLock { $0 } }

    /// A write transaction (BEGIN IMMEDIATE, so it never deadlocks upgrading a read),
    /// retried when the busy timeout runs out; a write the disk refuses moves the store
    /// to memory (reported once) and is made there.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        var round = 0
        while true {
            do {
                if let code = faults?.writeFailure, notRecording == nil {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "injected fault")
                }
                return try db.write(updates)
            } catch let e as DatabaseError {
                switch StoreFault(e) {
                case .busy where round < Self.busyRetries:
                    round += 1
                    Thread.sleep(forTimeInterval: 0.1 * Double(round))
                case .busy where path != nil:
                    throw ProgressStoreError.busy(path: path!)
                case .unwritable where path != nil && notRecording == nil:
                    try fallBack(reason: e.message ?? "\(e)")
                default:
                    throw e
                }
            }
        }
    }

    /// A read, retried when the busy timeout runs out.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        var round = 0
        while true {
            do {
                return try db.read(value)
            } catch let e as DatabaseError where StoreFault(e) == .busy && round < Self.busyRetries {
                round += 1
                Thread.sleep(forTimeInterval: 0.1 * Double(round))
            }
        }
    }

    /// Carries on in memory with what the file held, and says so once.
    private func fallBack(reason: String) throws {
        let memory = try Self.memoryCopy(of: db)
        let f = Fallback(path: path ?? ":memory:", reason: reason)
        let first = fallback.withLock { current -> Bool in
            guard current == nil else { return false }
            current = f
            return true
        }
        replaceDatabase(memory)
        if first { onFallback(f) }
    }
}

/// The files beside the database: its folder, and moving a damaged one aside.
enum StoreFiles {
    /// Creates `folder` and its parents (owner-only); nil on success, else the system's reason.
    static func makeFolder(_ folder: String) -> String? {
        if folder.isEmpty { return nil }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) {
            return isDir.boolValue ? nil : "\(folder) is not a folder"
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent != folder, let problem = makeFolder(parent) { return problem }
        if mkdir(folder, 0o700) == 0 || errno == EEXIST { return nil }
        return String(cString: strerror(errno))
    }

    /// Renames `path` (and its `-wal` and `-shm` files) to `path.damaged-TIME`; returns the new path.
    static func moveAside(_ path: String) throws -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        var aside = path + ".damaged-\(stamp)"
        var n = 1
        while FileManager.default.fileExists(atPath: aside) {
            n += 1
            aside = path + ".damaged-\(stamp)-\(n)"
        }
        guard rename(path, aside) == 0 else {
            throw ProgressFileError(message: "\(path): " + String(cString: strerror(errno)))
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            _ = rename(path + suffix, aside + suffix)
        }
        return aside
    }
}

/// A file operation on the database's folder that failed, in the system's words.
struct ProgressFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
