import Foundation
import Progress
import Synchronization

/// Opens the learner's progress database once per session, on first use. A damaged
/// database is moved aside by the store and a database that cannot be written makes the
/// session go on unrecorded; the notice says which, once.
public final class ProgressAccess {
    public let path: String
    private var store: ProgressStore?
    private let notice: @Sendable (String) -> Void
    private let faults: ProgressStore.FaultInjection?

    /// `notice` receives the messages about a damaged database moved aside, or about a
    /// session that is not being recorded.
    public init(path: String, faults: ProgressStore.FaultInjection? = nil, notice: @escaping @Sendable (String) -> Void) {
        self.path = path
        self.notice = notice
        self.faults = faults
    }

    public func open() throws(CLIError) -> ProgressStore {
        if let store { return store }
        do {
            let notice = self.notice
            let opened = try ProgressStore(path: path, onFallback: { notice(Self.message($0)) }, faults: faults)
            if let r = opened.recovery { notice(Self.message(r, path: path)) }
            store = opened
            return opened
        } catch {
            throw CLIError("cannot open the progress database \(path): \(error)")
        }
    }

    /// The notice for a damaged database that was moved aside.
    public static func message(_ r: ProgressStore.Recovery, path: String) -> String {
        "kcsa: the progress database \(path) is damaged (\(r.reason)); it was moved to \(r.movedTo) and a new one started\n"
    }

    /// The notice for a session that goes on without recording.
    public static func message(_ f: ProgressStore.Fallback) -> String {
        "kcsa: cannot save progress to \(f.path) (\(f.reason)); this session goes on without recording it\n"
    }
}
