import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a terminal editor on a file and waits for it. The editor is spawned in kcsa's
/// own process group, which is the terminal's foreground group, so it can read the
/// keyboard (a child in a group of its own is stopped by SIGTTIN on its first read, and
/// the session hangs); the terminal's settings are saved before and restored after,
/// whatever the editor left them as.
public enum EditorLauncher {
    /// `command "$1"` through /bin/sh (so `EDITOR="code --wait"` works), with `path` as $1.
    /// Returns the editor's exit status (128+N when killed by signal N), or nil when it
    /// could not be started.
    public static func run(command: String, path: String) -> Int32? {
        var saved = termios()
        let hasTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        defer { if hasTerminal { tcsetattr(STDIN_FILENO, TCSADRAIN, &saved) } }
        let args = ["/bin/sh", "-c", "\(command) \"$1\"", "kcsa-edit", path]
        var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid = pid_t()
        // No spawn attributes: the child keeps kcsa's process group and the default signal mask.
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return nil }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
