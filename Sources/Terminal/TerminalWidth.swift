#if canImport(Glibc)
import Glibc
#endif

/// The terminal's width in columns, asked of the kernel (TIOCGWINSZ) each time, so a
/// resize (SIGWINCH) takes effect on the next output; clamped to `maximum` so text stays
/// readable on a wide window. nil when standard output is not a terminal.
public enum TerminalWidth {
    /// Text is not wrapped wider than this, however wide the window.
    public static let maximum = 120

    public static func current(fd: Int32 = STDOUT_FILENO) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return min(Int(size.ws_col), maximum)
    }
}
