import Foundation
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// Wakes a blocked exam prompt when the clock has something to say (a warning or the
/// deadline): SIGALRM sets the same flag as Ctrl-C, so the reader returns
/// `.interrupted`, and the exam tells the two apart by asking the session's clock.
/// Only used on a terminal: a piped exam has nobody to warn.
enum ExamAlarm {
    static func install() {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0
        sigaction(SIGALRM, &sa, nil)
        unblockSignal(SIGALRM)
    }

    /// Rings once at `date` (at least a second from now); nil cancels.
    static func arm(at date: Date?, now: Date) {
        guard let date else {
            alarm(0)
            return
        }
        let seconds = max(1, date.timeIntervalSince(now).rounded(.up))
        alarm(UInt32(min(seconds, Double(UInt32.max))))
    }

    static func cancel() { alarm(0) }
}
