import Foundation
import Trainer
#if canImport(Glibc)
import Glibc
#endif

/// Where `events generate` streams its log: standard output, or a file. A file that is
/// regular (or new) is written beside it and renamed over it at the end, so a failed run
/// leaves the old file; a device or FIFO (`-o /dev/null`) is written through. Bytes are
/// buffered and every write is checked: a full disk is an error, not a short log.
final class EventSink {
    /// Bytes gathered before a write(2).
    static let bufferSize = 1 << 20

    private let fd: Int32
    private let name: String
    private let temporary: String?
    private let target: String?
    private var buffer: [UInt8] = []

    /// Standard output.
    init() {
        fd = STDOUT_FILENO
        name = "standard output"
        temporary = nil
        target = nil
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// The file at `path`.
    init(path: String) throws(CLIError) {
        name = path
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists && info.st_mode & S_IFMT != S_IFREG {
            fd = open(path, O_WRONLY)
            temporary = nil
            target = nil
        } else {
            // A symlink is written through: the file it names is the one replaced.
            var link = stat()
            var real = path
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
                real = String(cString: resolved)
                free(resolved)
            }
            let dir = (real as NSString).deletingLastPathComponent
            let temp = (dir.isEmpty ? "." : dir) + "/.\((real as NSString).lastPathComponent).kcsa-\(getpid())"
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, exists ? info.st_mode & 0o7777 : 0o644)
            temporary = temp
            target = real
        }
        guard fd >= 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(Self.bufferSize)
    }

    func write(_ text: String) throws(CLIError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is buffered, then (for a file) puts it in place.
    func finish() throws(CLIError) {
        try flush()
        guard fd != STDOUT_FILENO else { return }
        let closed = close(fd)
        if let temporary, let target {
            guard closed == 0, rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw CLIError("cannot write \(target): \(reason)")
            }
        }
    }

    /// Removes a half-written temporary file (after an error elsewhere).
    func abandon() {
        guard fd != STDOUT_FILENO else { return }
        close(fd)
        if let temporary { unlink(temporary) }
    }

    private func flush() throws(CLIError) {
        var done = 0
        while done < buffer.count {
            let n = buffer[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = String(cString: strerror(errno))
                abandon()
                throw CLIError("cannot write \(name): \(reason)")
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
