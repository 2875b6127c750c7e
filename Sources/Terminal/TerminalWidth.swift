#if canImport(Glibc)
import Glibc
#endif

/// The terminal's width in columns, asked of the kernel (TIOCGWINSZ) each time, so a
/// resize (SIGWINCH) takes effect on the next output; clamped to `maximum` so text stays
/// readable on a wide window. nil when standard output is not a terminal.
public enum TerminalWidth {
    /// Text is not wrapped wider than this, however wide the window.
    public static let maximum = 120

    /// The largest size libedit is let see. It allocates its display as rows x columns,
    /// so a terminal reporting 65535 x 65535 would cost gigabytes (issue 17).
    public static let maximumReportedColumns: UInt16 = 1_000
    public static let maximumReportedRows: UInt16 = 1_000

    /// Sets the terminal's recorded size down to the maximum when it reports more (no
    /// change otherwise). Called before libedit reads the size: at start and before each
    /// line, since libedit measures the terminal again whenever it starts reading a line.
    /// Returns true when it clamped.
    @discardableResult
    public static func clampReportedSize(fd: Int32 = STDIN_FILENO) -> Bool {
        guard isatty(fd) == 1 else { return false }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 else { return false }
        guard size.ws_col > maximumReportedColumns || size.ws_row > maximumReportedRows else { return false }
        size.ws_col = min(size.ws_col, maximumReportedColumns)
        size.ws_row = min(size.ws_row, maximumReportedRows)
        return ioctl(fd, UInt(TIOCSWINSZ), &size) == 0
    }

    public static func current(fd: Int32 = STDOUT_FILENO) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return min(Int(size.ws_col), maximum)
    }
}
