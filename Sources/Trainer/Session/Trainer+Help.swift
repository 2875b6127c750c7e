import Foundation
import JQ
import Terminal

/// `help` and TAB completion, both read from the command table.
extension Trainer {
    func help(_ args: [String]) -> Outcome {
        if let name = args.first {
            guard let c = TrainerCommands.find(name) else {
                say("no command `\(name)`")
                return .failed
            }
            say("\(style.bold(c.usage))\n" + wrapped("  \(c.summary)"))
            if let paragraph = TrainerHelp.paragraphs[c.name] {
                say("\n" + paragraph.split(separator: "\n").map { wrapped("  " + $0) }.joined(separator: "\n"))
            }
            if !c.details.isEmpty { say("\n" + wrapped(c.details)) }
            return .ok
        }
        say(style.bold("Commands") + ":")
        for c in TrainerCommands.all {
            say(wrapped("  " + c.usage.padding(toLength: 42, withPad: " ", startingAt: 0) + c.summary, hanging: 44))
        }
        return .ok
    }

    /// TAB completion for the text before the cursor: commands, then what the command's
    /// table entry says it takes.
    public mutating func completions(_ before: String) -> [String] {
        let words = before.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count <= 1 { return TrainerCommands.all.map(\.name) }
        guard let command = TrainerCommands.find(words[0]) else { return [] }
        switch command.completion {
        case .none: return []
        case .commands: return TrainerCommands.all.map(\.name)
        case .labs(let extra): return (content.catalog?.labs.map(\.id) ?? []) + extra
        case .jq: return CompletionWord.token(before).hasPrefix(".") ? labFieldPaths() : Self.jqBuiltins
        case .paths: return Self.pathCompletions(words.last ?? "")
        case .domains:
            if bank == nil, let root = content.root { bank = .load(directory: root + "/Questions") }
            return bank?.curriculum.domains.map(\.id) ?? []
        case .words(let list): return list
        case .request:
            if words.count == 2 { return ["GET", "POST", "PUT", "PATCH", "DELETE", "list", "watch", "create", "update", "delete"] }
            if words.count == 3 { return ["/api/v1/", "/apis/", "/healthz", "/livez", "/readyz", "/metrics", "/version"] }
            return []
        }
    }

    /// jq's builtin names, once per process.
    static let jqBuiltins: [String] = {
        guard let p = try? JQProgram.compile("builtins | map(split(\"/\")[0]) | unique | .[]"),
              let names = try? p.outputs(.null) else { return [] }
        return names.compactMap(\.stringValue).filter { !$0.hasPrefix("_") }
    }()

    static func pathCompletions(_ partial: String) -> [String] {
        let dir = partial.contains("/") ? String(partial[...partial.lastIndex(of: "/")!]) : ""
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? []
        return listing.map { name in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (dir.isEmpty ? "" : dir) + name, isDirectory: &isDir)
            return dir + name + (isDir.boolValue ? "/" : "")
        }
    }
}
