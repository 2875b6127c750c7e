import Foundation

/// Where drafts of lab answers are kept, so an answer survives the session.
public protocol DraftStore: Sendable {
    func read(_ labID: String) -> String?
    /// Saves the draft; throws when it cannot be saved (the caller says so).
    func write(_ labID: String, _ text: String) throws
    /// Removes one lab's draft, or every draft (nil).
    func remove(_ labID: String?) throws
    /// The file an editor opens for a lab's draft.
    func path(_ labID: String) -> String
}

/// Drafts as files in a folder (`$KCSA_HOME/drafts`, or the XDG state directory's).
public struct FileDrafts: DraftStore {
    public var directory: String

    public init(directory: String) { self.directory = directory }

    public func path(_ labID: String) -> String { directory + "/\(labID).txt" }

    public func read(_ labID: String) -> String? {
        // A draft that is not valid UTF-8 is still the learner's: read it lossily rather than drop it.
        FileManager.default.contents(atPath: path(labID)).map { String(decoding: $0, as: UTF8.self) }
    }

    public func write(_ labID: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try text.write(toFile: path(labID), atomically: true, encoding: .utf8)
    }

    public func remove(_ labID: String?) throws {
        let target = labID.map(path) ?? directory
        guard FileManager.default.fileExists(atPath: target) else { return }
        try FileManager.default.removeItem(atPath: target)
    }
}
