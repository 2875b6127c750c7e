#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the command layer writes: stdout for results, stderr for diagnostics.
/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
public enum Console {
    public static func out(_ text: String) {
        write(text, fd: 1)
    }

    public static func err(_ text: String) {
        write(text, fd: 2)
    }

    /// Writes all of `text` to a descriptor (unbuffered: callers batch their output).
    public static func write(_ text: String, fd: Int32) {
        var t = text
        t.withUTF8 { buf in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
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
