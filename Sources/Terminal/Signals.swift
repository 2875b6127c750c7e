#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Set by the SIGINT handler; long work polls it and the reader turns it into `.interrupted`.
public let interruptFlag = Atomic<Bool>(false)

/// Ctrl-C sets `interruptFlag` instead of killing the program. No SA_RESTART, so a
/// blocked `read` returns EINTR and the reader can give up the line.
public func installInterruptHandler() {
    var sa = sigaction()
    sa.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
    sigemptyset(&sa.sa_mask)
    sa.sa_flags = 0
    sigaction(SIGINT, &sa, nil)
    unblockSignal(SIGINT)
}

/// A parent can hand down a blocked signal (test runners do); a blocked SIGINT or SIGALRM
/// would never reach its handler.
public func unblockSignal(_ signal: Int32) {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    sigprocmask(SIG_UNBLOCK, &set, nil)
}

/// libedit drops every non-ASCII byte in the "C" locale, and Swift never calls setlocale.
public func ensureUTF8Locale() {
    if let cur = setlocale(LC_CTYPE, ""), String(cString: cur).lowercased().contains("utf") { return }
    if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
}

/// Both ends are terminals and TERM is not "dumb": line editing and prompts make sense.
public func isInteractiveTerminal() -> Bool {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return false }
    if let t = getenv("TERM"), String(cString: t) == "dumb" { return false }
    return true
}
