import Foundation
import Terminal
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
        name = "to standard output"
        temporary = nil
        target = nil
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// The file at `path`, resolved as every output path is (`OutputFile.destination`).
    init(path: String) throws(CLIError) {
        name = path
        let destination: OutputFile.Destination
        do { destination = try OutputFile.destination(path) } catch { throw CLIError(error.description, exitCode: 2) }
        if let over = destination.renameOver {
            fd = open(destination.writePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, destination.mode)
            temporary = destination.writePath
            target = over
            if fd >= 0 { fchmod(fd, destination.mode) }
        } else {
            fd = open(path, O_WRONLY | O_CLOEXEC)
            temporary = nil
            target = nil
        }
        guard fd >= 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))", exitCode: 2) }
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
                throw CLIError("cannot write \(name): \(reason)", exitCode: 2)
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
                throw CLIError("cannot write \(name): \(reason)", exitCode: 2)
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
