#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Set by the SIGWINCH handler (which may touch nothing but an atomic): the window changed.
private let windowResized = Atomic<Bool>(false)
/// Standard output's columns as last read (0: not read yet).
private let knownColumns = Atomic<Int>(0)
/// Whether the SIGWINCH handler is in place, so the known width can be trusted until it fires.
private let followingResizes = Atomic<Bool>(false)

/// The terminal's width in columns, asked of the kernel (TIOCGWINSZ). Once `followResizes`
/// has installed the SIGWINCH handler, the width is read again only when the window
/// changed, and the next output uses the new width; until then it is read on every call.
/// Clamped to `maximum` so text stays readable on a wide window. nil when the descriptor
/// is not a terminal.
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

    /// Routes SIGWINCH to a flag that makes the next `current()` read the size again.
    /// libedit, which handles the signal itself while it reads a line, passes it on.
    public static func followResizes() {
        guard !followingResizes.exchange(true, ordering: .relaxed) else { return }
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { _ in windowResized.store(true, ordering: .relaxed) }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = SA_RESTART
        sigaction(SIGWINCH, &sa, nil)
        unblockSignal(SIGWINCH)
        windowResized.store(true, ordering: .relaxed)
    }

    public static func current(fd: Int32 = STDOUT_FILENO) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        let cacheable = fd == STDOUT_FILENO && followingResizes.load(ordering: .relaxed)
        if cacheable && !windowResized.exchange(false, ordering: .relaxed) {
            let known = knownColumns.load(ordering: .relaxed)
            if known > 0 { return clamp(known) }
        }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        if cacheable { knownColumns.store(Int(size.ws_col), ordering: .relaxed) }
        return clamp(Int(size.ws_col))
    }

    /// A window's columns as the width text is wrapped to.
    public static func clamp(_ columns: Int) -> Int { min(max(columns, 1), maximum) }
}
