import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a command's output file (`-o`, `--truth`, `--junit`) the way a shell redirection
/// would, without ever replacing what is not a regular file: a device (`/dev/null`), a FIFO
/// or a socket is opened and written; a symlink is written through (the link stays, its
/// target gets the text). Only a regular file, or a path where nothing is, gets a temporary
/// file beside it renamed over it, so a reader never sees half a file. Every write and the
/// close are checked.
public enum OutputFile {
    /// A write that failed, in the system's words: "cannot write PATH: REASON".
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// What a path names, following symlinks.
    enum Target: Equatable {
        case missing(String)
        case regular(String, mode: mode_t)
        case folder
        /// A device, FIFO or socket: opened and written in place.
        case special
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws(Failure) {
        switch try target(path) {
        case .folder: throw Failure(path: path, reason: "it is a folder")
        case .special: try writeInPlace(data, to: path)
        case .missing(let real): try replace(real, with: data, mode: 0o666 & ~processUmask, shownAs: path)
        case .regular(let real, let mode): try replace(real, with: data, mode: mode, shownAs: path)
        }
    }

    /// Where output written in pieces goes (`events generate -o`): a device, FIFO or socket
    /// is written in place (`renameOver` nil); for a regular or missing file (through a
    /// symlink, dangling or not), a temporary beside the real file is written and then
    /// renamed over `renameOver` with `mode`.
    public struct Destination: Equatable, Sendable {
        public var writePath: String
        public var renameOver: String?
        public var mode: mode_t
    }

    public static func destination(_ path: String) throws(Failure) -> Destination {
        func beside(_ real: String, mode: mode_t) -> Destination {
            let folder = (real as NSString).deletingLastPathComponent
            let temp = (folder.isEmpty ? "." : folder) + "/.\((real as NSString).lastPathComponent).kcsa-\(getpid())"
            return Destination(writePath: temp, renameOver: real, mode: mode)
        }
        switch try target(path) {
        case .folder: throw Failure(path: path, reason: "it is a folder")
        case .special: return Destination(writePath: path, renameOver: nil, mode: 0)
        case .missing(let real): return beside(real, mode: 0o666 & ~processUmask)
        case .regular(let real, let mode): return beside(real, mode: mode)
        }
    }

    /// The process's umask (read by setting and restoring it).
    static var processUmask: mode_t {
        let m = umask(0o022)
        umask(m)
        return m
    }

    static func target(_ path: String) throws(Failure) -> Target {
        var st = stat()
        if stat(path, &st) != 0 {
            guard errno == ENOENT else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            // Nothing there; a dangling symlink is written through to where it points.
            return .missing(danglingTarget(path) ?? path)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            let real = realpath(path, nil).map { p -> String in defer { free(p) }; return String(cString: p) } ?? path
            return .regular(real, mode: st.st_mode & 0o7777)
        case S_IFDIR: return .folder
        default: return .special
        }
    }

    /// Where a symlink that points at nothing points (relative to its folder), or nil.
    private static func danglingTarget(_ path: String) -> String? {
        guard let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return nil }
        if dest.hasPrefix("/") { return dest }
        return ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(dest)
    }

    /// Opens a device, FIFO or socket and writes everything.
    private static func writeInPlace(_ data: Data, to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        let written = writeAll(fd, data)
        let closed = close(fd) == 0 ? nil : errno
        if let e = written ?? closed { throw Failure(path: path, reason: String(cString: strerror(e))) }
    }

    /// Writes a temporary file beside `path`, syncs it and renames it over `path`.
    private static func replace(_ path: String, with data: Data, mode: mode_t, shownAs shown: String) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.kcsa-output-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: shown, reason: String(cString: strerror(errno))) }
        let temp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failed = writeAll(fd, data)
        if failed == nil, fchmod(fd, mode) != 0 { failed = errno }
        if failed == nil, fsync(fd) != 0 { failed = errno }
        if close(fd) != 0, failed == nil { failed = errno }
        if failed == nil, rename(temp, path) != 0 { failed = errno }
        if let failed {
            unlink(temp)
            throw Failure(path: shown, reason: String(cString: strerror(failed)))
        }
    }

    /// Writes all of `data`; the errno of the first failure, or nil.
    static func writeAll(_ fd: Int32, _ data: Data) -> Int32? {
        data.withUnsafeBytes { Console.writeAll(fd, $0) }
    }
}
