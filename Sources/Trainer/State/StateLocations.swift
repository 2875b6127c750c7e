import Foundation

/// Where kcsa keeps the learner's state, computed once from the environment: `$KCSA_HOME`
/// (or `--home`) holds everything when set (tests, classrooms); otherwise the XDG
/// directories: the progress database in `$XDG_DATA_HOME/kcsa`, history and drafts in
/// `$XDG_STATE_HOME/kcsa`, generated lab logs in `$XDG_CACHE_HOME/kcsa/labs`.
public struct StateLocations: Sendable, Equatable {
    public var progressDatabase: String
    /// History and the drafts folder live here.
    public var stateDirectory: String
    public var draftsDirectory: String
    public var labCache: String

    public var historyFile: String { stateDirectory + "/history" }

    /// The locations for `environment`, with `home` (from `--home`) taking the place of `KCSA_HOME`.
    public init(environment: [String: String], home: String? = nil) {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        let userHome = value("HOME") ?? "."
        if let home = home.flatMap({ $0.isEmpty ? nil : $0 }) ?? value("KCSA_HOME") {
            progressDatabase = home + "/progress.sqlite"
            stateDirectory = value("XDG_STATE_HOME").map { $0 + "/kcsa" } ?? userHome + "/.local/state/kcsa"
            draftsDirectory = home + "/drafts"
            labCache = home + "/cache"
        } else {
            progressDatabase = (value("XDG_DATA_HOME") ?? userHome + "/.local/share") + "/kcsa/progress.sqlite"
            stateDirectory = (value("XDG_STATE_HOME") ?? userHome + "/.local/state") + "/kcsa"
            draftsDirectory = stateDirectory + "/drafts"
            labCache = (value("XDG_CACHE_HOME") ?? userHome + "/.cache") + "/kcsa/labs"
        }
    }

    /// The locations for this process's environment.
    public static func process(home: String? = nil) -> StateLocations {
        StateLocations(environment: ProcessInfo.processInfo.environment, home: home)
    }

    /// The history file, its folder created (owner-only) if need be; nil when it cannot be.
    public func preparedHistoryFile() -> String? {
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            return historyFile
        } catch {
            return nil
        }
    }
}

/// Identifies this build of kcsa (its size and modification time), so a lab-log cache
/// written by another build, whose generator may differ, is never read.
public enum BuildStamp {
    public static let version = "0.1.0"

    public static var current: String {
        let fm = FileManager.default
        let path = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let attributes = try? fm.attributesOfItem(atPath: path) else { return "\(version) unknown build" }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(version) \(size) \(date)"
    }
}
