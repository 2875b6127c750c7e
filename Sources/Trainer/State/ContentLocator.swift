import Foundation

/// Finds the course content (the folder holding `Labs/` and `Questions/`):
/// `--content DIR`, then `$KCSA_CONTENT`, then a `share/kcsa` folder next to the
/// installed binary, then the current directory and its parents (a checkout).
/// A session locates it once and keeps the answer.
public enum ContentLocator {
    public static func locate(explicit: String?,
                              environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CLIError) -> String {
        let fm = FileManager.default
        func isContent(_ dir: String) -> Bool {
            fm.fileExists(atPath: (dir as NSString).appendingPathComponent("Questions"))
        }
        if let explicit {
            guard isContent(explicit) else { throw CLIError("\(explicit) has no Questions/ folder") }
            return explicit
        }
        if let env = environment["KCSA_CONTENT"], !env.isEmpty {
            guard isContent(env) else { throw CLIError("KCSA_CONTENT=\(env) has no Questions/ folder") }
            return env
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let share = binary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/kcsa").path
        if isContent(share) { return share }
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath)
        while true {
            if isContent(dir.path) && fm.fileExists(atPath: dir.appendingPathComponent("Labs").path) { return dir.path }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        throw CLIError("cannot find the course content (Labs/ and Questions/): run from a kcsa checkout, "
                       + "set KCSA_CONTENT, or pass --content DIR")
    }
}
