import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file named on the command line (`-` for standard input) into a SourceFile.
public enum InputFile {
    /// The largest file read by default.
    public static let defaultLimit = 64 << 20

    public static func read(_ path: String, limit: Int = defaultLimit) throws(CLIError) -> SourceFile {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceFile(name: "<stdin>", bytes: [UInt8](data))
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CLIError("cannot read \(path): no such file")
        }
        if isDir.boolValue { throw CLIError("cannot read \(path): it is a directory") }
        if let kind = nonRegularKind(path) {
            // Opening a FIFO blocks until a writer comes: read files and character devices only.
            throw CLIError("cannot read \(path): it is \(kind), not a regular file (give its contents on standard input with -)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError("cannot read \(path): permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw CLIError("cannot read \(path): \(error.localizedDescription)")
        }
        if data.count > limit {
            throw CLIError("cannot read \(path): larger than \(limit >> 20) MB")
        }
        return SourceFile(name: path, bytes: [UInt8](data))
    }

    /// What `path` is when it is not a regular file (after following symbolic links), or nil.
    static func nonRegularKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        // A character device (/dev/null, a terminal) reads like a file; `limit` bounds /dev/zero.
        case S_IFREG, S_IFDIR, S_IFCHR: return nil
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}

/// A failure of the tool or of its usage (exit 2), as opposed to a learner's answer
/// that did not pass (exit 1). KCSACLI turns it into text and an exit code in one place.
public struct CLIError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
