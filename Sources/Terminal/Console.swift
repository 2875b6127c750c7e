#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where the command layer writes: stdout for results, stderr for diagnostics.
/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
/// Every write is checked: the first failure on a descriptor (a full disk, a closed
/// terminal) is kept, later writes to it are skipped, and `KCSAMain` reports it and exits
/// non-zero (`outputFailure`).
public enum Console {
    private static let failures = Mutex<[Int32: Int32]>([:])

    public static func out(_ text: String) {
        write(text, fd: 1)
    }

    public static func err(_ text: String) {
        write(text, fd: 2)
    }

    /// Writes all of `text` to a descriptor (unbuffered: callers batch their output).
    /// Writes every byte of `buf` to `fd`, retrying after EINTR and short writes; the errno
    /// of the first failure, or nil. The one write loop of kcsa's output (Console, OutputFile).
    public static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Int32? {
        guard let base = buf.baseAddress else { return nil }
        var offset = 0
        while offset < buf.count {
            let n = Glibc.write(fd, base + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// False when it failed, now or before.
    @discardableResult
    public static func write(_ text: String, fd: Int32) -> Bool {
        if failure(fd: fd) != nil { return false }
        var t = text
        let failed: Int32? = t.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
        if let failed { failures.withLock { $0[fd] = $0[fd] ?? failed } }
        return failed == nil
    }

    /// The errno of the first failed write to `fd`, if any.
    public static func failure(fd: Int32) -> Int32? { failures.withLock { $0[fd] } }

    /// Why standard output could not be written ("No space left on device"), if it could not.
    public static var outputFailure: String? {
        failure(fd: 1).map { String(cString: strerror($0)) }
    }

    /// True when output to the descriptor should be coloured.
    public static func colorEnabled(fd: Int32) -> Bool {
        if let nc = getenv("NO_COLOR"), nc.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(fd) == 1
    }

    public static var stdoutColor: Bool { colorEnabled(fd: 1) }
    public static var stderrColor: Bool { colorEnabled(fd: 2) }
}

/// ANSI styling that disappears when colour is off.
public struct Style: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ t: String) -> String { paint(t, "1") }
    public func green(_ t: String) -> String { paint(t, "32") }
    public func red(_ t: String) -> String { paint(t, "31") }
    public func yellow(_ t: String) -> String { paint(t, "33") }
    public func dim(_ t: String) -> String { paint(t, "2") }
    public func cyan(_ t: String) -> String { paint(t, "36") }
}
