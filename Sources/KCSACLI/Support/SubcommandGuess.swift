import ArgumentParser
import Diagnostics
import Trainer

/// A misspelled subcommand on the command line (`kcsa polcy validate x`): ArgumentParser
/// would report "unexpected arguments"; this names the word and the likely command.
enum SubcommandGuess {
    /// The error for the first word that should name a subcommand but does not, if any.
    static func check(_ arguments: [String], root: any ParsableCommand.Type = KCSA.self) -> CLIError? {
        var command: any ParsableCommand.Type = root
        var path = [root.configuration.commandName ?? "kcsa"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
            let names = subcommands.map { name(of: $0) }
            guard let index = names.firstIndex(of: word) else {
                if word == "help" { return nil }
                let guess = DidYouMean.suggest(word, among: names).map { "; did you mean `\($0)`?" } ?? ""
                return CLIError("`\(word)` is not a command of `\(path.joined(separator: " "))`\(guess) "
                                + "(commands: \(names.joined(separator: ", ")))", exitCode: 2)
            }
            command = subcommands[index]
            path.append(word)
        }
        return nil
    }

    static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }
}
