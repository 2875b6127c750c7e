import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waits until a file is saved again: inotify on its folder on Linux (editors often save
/// by writing a new file and renaming it over the old one, so the folder is watched, not
/// the file), with a stat poll as the fallback and as a safety net. A save is a change
/// of the file's modification time, size or inode.
public final class FileWatcher {
    /// How often the file is looked at without inotify (and at the latest with it).
    public static let pollInterval = 0.5

    private let path: String
    private var fd: Int32 = -1
    private var last: Signature?

    struct Signature: Equatable {
        var mtime: timespec
        var size: Int
        var inode: UInt

        static func == (a: Signature, b: Signature) -> Bool {
            a.mtime.tv_sec == b.mtime.tv_sec && a.mtime.tv_nsec == b.mtime.tv_nsec && a.size == b.size && a.inode == b.inode
        }
    }

    public init(path: String) {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd >= 0 {
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY)
            if inotify_add_watch(fd, dir.isEmpty ? "." : dir, mask) < 0 {
                close(fd)
                fd = -1
            }
        }
        last = signature()
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Whether inotify is in use (else the file is polled).
    public var usesInotify: Bool { fd >= 0 }

    /// Blocks until the file changes (true), or `timeout` seconds pass (false; nil waits forever).
    public func waitForChange(timeout: Double? = nil) -> Bool {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        while true {
            if let now = signature(), now != last {
                // Let the editor finish writing before the file is read.
                usleep(50_000)
                last = signature()
                return true
            }
            if let deadline, Date() >= deadline { return false }
            wait(milliseconds: Int32(Self.pollInterval * 1000))
        }
    }

    private func wait(milliseconds: Int32) {
        guard fd >= 0 else {
            usleep(UInt32(milliseconds) * 1000)
            return
        }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&p, 1, milliseconds) > 0 {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while read(fd, &buffer, buffer.count) > 0 {}
        }
    }

    private func signature() -> Signature? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return Signature(mtime: s.st_mtim, size: Int(s.st_size), inode: UInt(s.st_ino))
    }
}
