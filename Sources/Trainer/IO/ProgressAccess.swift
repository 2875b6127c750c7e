import Foundation
import Progress

/// Opens the learner's progress database once per session, on first use. A database
/// that could not be read is moved aside by the store; the notice says where.
public final class ProgressAccess {
    public let path: String
    private var store: ProgressStore?
    private let notice: (String) -> Void

    /// `notice` receives the message about a damaged database that was moved aside.
    public init(path: String, notice: @escaping (String) -> Void) {
        self.path = path
        self.notice = notice
    }

    public func open() throws(CLIError) -> ProgressStore {
        if let store { return store }
        do {
            let opened = try ProgressStore(path: path)
            if let aside = opened.recoveredFrom {
                notice("kcsa: the progress database could not be read; it was moved to \(aside) and a new one started\n")
            }
            store = opened
            return opened
        } catch {
            throw CLIError("cannot open the progress database \(path): \(error)")
        }
    }
}
