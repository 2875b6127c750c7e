import Foundation
import Labs

/// Labs as files in a folder, for working in one's own editor (`kcsa lab start`,
/// `kcsa lab watch`): `DIR/ID.yaml`, or `DIR/ID.jq` for a query lab, holding the task
/// as a comment header and then the starter. The whole file is the answer (YAML and
/// jq both read `#` comments), so a diagnostic's line is the file's line.
public struct LabWorkspace: Sendable {
    /// The default folder, relative to where kcsa runs.
    public static let defaultDirectory = "kcsa-labs"

    public var directory: String

    public init(directory: String = LabWorkspace.defaultDirectory) { self.directory = directory }

    public func path(for lab: Lab) -> String {
        directory + "/" + lab.id + (lab.kind == .query ? ".jq" : ".yaml")
    }

    /// The file a lab starts as: its title, task and how to check, as comments, then the starter.
    public static func starterFile(_ lab: Lab) -> String {
        var header = ["\(lab.title)  [\(lab.id), \(lab.kind.rawValue) lab]", ""]
        header += lab.task.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let facts = LabText.facts(lab)
        if !facts.isEmpty { header += ["", facts.joined(separator: "; ")] }
        let connections = NetPolText.connections(lab)
        if !connections.isEmpty { header += ["", "Connections (\(connections.count)):"] + connections.map { "  " + $0 } }
        header += ["", "Your answer: \(lab.kind.answerLanguage), below this header.",
                   "Save the file while `kcsa lab watch` runs; `kcsa lab hint \(lab.id)` for a hint,",
                   "`kcsa lab peek \(lab.id)` for what the session's `peek` shows."]
        let comments = header.map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n")
        return comments + "\n\n" + lab.starter.trimmingCharacters(in: .newlines) + "\n"
    }

    /// Writes the starter file unless it is there already; returns its path and whether it was written.
    public func start(_ lab: Lab) throws -> (path: String, created: Bool) {
        let file = path(for: lab)
        if FileManager.default.fileExists(atPath: file) { return (file, false) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.starterFile(lab).write(toFile: file, atomically: true, encoding: .utf8)
        return (file, true)
    }

    /// The answer as saved, or nil when the file cannot be read.
    public func answer(_ lab: Lab) -> String? {
        try? String(contentsOfFile: path(for: lab), encoding: .utf8)
    }
}
