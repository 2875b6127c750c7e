#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Set from signal handlers, which may touch nothing but an atomic.
private let pendingInterrupt = Atomic<Bool>(false)
/// The SIGTERM or SIGHUP that asked the session to end (0: none).
private let pendingTermination = Atomic<Int32>(0)

/// Ctrl-C and the exam's alarm, in one place. SIGINT and SIGALRM both mark an interrupt
/// as pending instead of killing the program (no SA_RESTART, so a blocked `read` returns
/// EINTR and the line reader gives up the line). Readers take the pending interrupt as
/// `.interrupted`; long work watches for it and cancels itself.
public final class Interrupts: Sendable {
    /// The process's interrupts (signals are per process).
    public static let shared = Interrupts()

    private init() {}

    /// Routes SIGINT to the pending flag.
    public func installInterruptHandler() { install(SIGINT) }

    /// Routes SIGALRM to the pending flag too: the exam uses it to wake a blocked prompt.
    public func installAlarmHandler() { install(SIGALRM) }

    /// SIGTERM and SIGHUP (the terminal closed) end the session the way Ctrl-D does, after
    /// the running command stops (they count as an interrupt for it): the line readers
    /// return end of input, so drafts and history are saved and libedit puts the terminal
    /// back. SIGQUIT (Ctrl-\, also a byte of pasted garbage) is a Ctrl-C, never a core dump.
    public func installTerminationHandlers() {
        for signal in [SIGTERM, SIGHUP] {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = { signo in
                pendingTermination.store(signo, ordering: .relaxed)
                pendingInterrupt.store(true, ordering: .relaxed)
            }
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = 0
            sigaction(signal, &sa, nil)
            unblockSignal(signal)
        }
        install(SIGQUIT)
    }

    /// The signal that asked the session to end, if one did.
    public var terminationSignal: Int32? {
        let s = pendingTermination.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// Takes the pending interrupt: true once per Ctrl-C (or alarm).
    public func take() -> Bool { pendingInterrupt.exchange(false, ordering: .relaxed) }

    /// Forgets an interrupt that belonged to work that has ended.
    public func clear() { pendingInterrupt.store(false, ordering: .relaxed) }

    /// Marks an interrupt as pending (a test's Ctrl-C).
    public func raise() { pendingInterrupt.store(true, ordering: .relaxed) }

    /// Rings the alarm once at `date` (at least a second from `now`); nil cancels it.
    public func armAlarm(at date: Date?, now: Date) {
        guard let date else {
            alarm(0)
            return
        }
        let seconds = max(1, date.timeIntervalSince(now).rounded(.up))
        alarm(UInt32(min(seconds, Double(UInt32.max))))
    }

    public func cancelAlarm() { alarm(0) }

    /// Runs `body` while a watcher turns a Ctrl-C into `onInterrupt` (for work, such as a
    /// jq query, that checks its own cancellation flag rather than reading the terminal).
    public func watching<T, E: Error>(onInterrupt: @escaping @Sendable () -> Void,
                                      _ body: () throws(E) -> T) throws(E) -> T {
        clear()
        let running = Running()
        let thread = Thread {
            while running.value.load(ordering: .relaxed) {
                // A SIGTERM or SIGHUP, even one that came before the work began, stops it too.
                if pendingInterrupt.exchange(false, ordering: .relaxed) || pendingTermination.load(ordering: .relaxed) != 0 {
                    onInterrupt()
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        thread.start()
        defer { running.value.store(false, ordering: .relaxed) }
        return try body()
    }

    private final class Running: Sendable {
        let value = Atomic<Bool>(true)
    }

    private func install(_ signal: Int32) {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { _ in pendingInterrupt.store(true, ordering: .relaxed) }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0
        sigaction(signal, &sa, nil)
        unblockSignal(signal)
    }
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
