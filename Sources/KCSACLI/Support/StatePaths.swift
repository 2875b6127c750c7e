import Foundation
import Labs
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

    /// Where generated lab logs and reference outputs are cached: `$KCSA_HOME/cache`, else
    /// `$XDG_CACHE_HOME/kcsa/labs`.
    static var labCache: String {
        let env = ProcessInfo.processInfo.environment
        if let home = env["KCSA_HOME"], !home.isEmpty { return home + "/cache" }
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.cache")
        return cache + "/kcsa/labs"
    }

    /// Identifies this build of kcsa (its size and modification time), so a cache written by
    /// another build, whose generator may differ, is never read.
    static var buildStamp: String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(KCSAVersion.current) \(size) \(date)"
    }

    /// The lab resources of this process, caching on disk.
    static func labResources(root: String) -> LabResources {
        LabResources(root: root, cacheDirectory: labCache, generatorStamp: buildStamp)
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
