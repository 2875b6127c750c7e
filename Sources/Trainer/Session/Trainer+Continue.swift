import Foundation
import Labs
import Terminal

/// Finding a lab by what the learner types (its id or its number in `labs`), and picking
/// up where the last session left off.
extension Trainer {
    /// The lab an id or a `labs` number (1-based) names.
    func lab(named word: String, in catalog: LabCatalog) -> Lab? {
        if let lab = catalog.lab(word) { return lab }
        if let n = Int(word), n >= 1, n <= catalog.labs.count { return catalog.labs[n - 1] }
        return nil
    }

    /// Remembers the open lab for the next session.
    func rememberOpenLab(_ id: String) {
        try? io.progress.open().setLastLab(id)
    }

    /// At the start of a session on a terminal: offer to reopen the lab open last time
    /// (unless it was passed since). Enter or `y` opens it, `n` declines; anything else
    /// declines too and is returned, to run as the session's first command (someone who
    /// types `open 12` or `labs` there meant it as a command).
    mutating func offerToContinue() -> String? {
        guard session == nil, let catalog = content.catalog,
              let id = try? io.progress.open().lastLab(), let lab = catalog.lab(id),
              labProgress()[id]?.passed != true else { return nil }
        switch io.input.readLine(prompt: Prompt("continue lab \(lab.id) (\(lab.title))? [Y/n] ", sgr: "1;36")) {
        case .line(let l):
            let reply = l.trimmingCharacters(in: .whitespaces).lowercased()
            if reply.isEmpty || reply == "y" || reply == "yes" {
                _ = open([lab.id])
                return nil
            }
            if reply == "n" || reply == "no" {
                say(style.dim("`open \(lab.id)` reopens it; `labs` lists them all."))
                return nil
            }
            return l
        case .eof, .interrupted:
            say("")
            return nil
        }
    }
}
