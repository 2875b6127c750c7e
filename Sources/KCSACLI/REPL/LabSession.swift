import Foundation
import Labs

/// The lab a learner has open in the REPL and their answer so far. The answer is saved
/// as a draft after every change, so closing the session never loses it.
struct LabSession {
    var lab: Lab
    var answer: String
    /// Hint tiers already shown in this lab.
    var hintsShown = 0

    init(lab: Lab) {
        self.lab = lab
        answer = Drafts.read(lab.id) ?? lab.starter
    }

    mutating func setAnswer(_ text: String) {
        answer = text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
        Drafts.write(lab.id, answer)
    }
}

/// Drafts of lab answers: `$KCSA_HOME/drafts` or the XDG state directory.
enum Drafts {
    static var directory: String {
        let env = ProcessInfo.processInfo.environment
        if let home = env["KCSA_HOME"], !home.isEmpty { return home + "/drafts" }
        return (XDG.stateDirectory ?? "./.kcsa") + "/drafts"
    }

    static func path(_ id: String) -> String { directory + "/\(id).txt" }

    static func read(_ id: String) -> String? {
        try? String(contentsOfFile: path(id), encoding: .utf8)
    }

    static func write(_ id: String, _ text: String) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? text.write(toFile: path(id), atomically: true, encoding: .utf8)
    }

    static func remove(_ id: String?) {
        if let id {
            try? FileManager.default.removeItem(atPath: path(id))
        } else {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }
}
