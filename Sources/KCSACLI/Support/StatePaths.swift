import Foundation
import Progress

/// Where kcsa keeps the learner's state: `$KCSA_HOME` when set (tests, classrooms),
/// else the XDG data directory.
enum StatePaths {
    static var progressDatabase: String {
        let env = ProcessInfo.processInfo.environment
        if let home = env["KCSA_HOME"], !home.isEmpty { return home + "/progress.sqlite" }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.local/share")
        return data + "/kcsa/progress.sqlite"
    }

    /// Opens the progress store, saying so on stderr if a damaged one was moved aside.
    static func openProgress() throws(CLIError) -> ProgressStore {
        do {
            let store = try ProgressStore(path: progressDatabase)
            if let aside = store.recoveredFrom {
                Console.err("kcsa: the progress database could not be read; it was moved to \(aside) and a new one started\n")
            }
            return store
        } catch {
            throw CLIError("cannot open the progress database \(progressDatabase): \(error)")
        }
    }
}
