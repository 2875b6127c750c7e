import ArgumentParser
import Terminal
import Trainer
#if canImport(Glibc)
import Glibc
#endif

/// Entry point used by `main.swift`: the REPL with no arguments, subcommands otherwise.
/// This is the one place where errors become text and exit codes: a `CLIError` is
/// `kcsa: MESSAGE` on stderr with its code (2 unless it says otherwise), usage errors
/// exit 2 (not ArgumentParser's 64), help and --version print to stdout.
public enum KCSAMain {
    public static func run() -> Never {
        do {
            if CommandLine.arguments.count == 1 {
                var trainer = try TerminalSession.make()
                exit(checked(SessionDriver.run(&trainer)))
            }
            if let guess = SubcommandGuess.check(Array(CommandLine.arguments.dropFirst())) { throw guess }
            var command = try KCSA.parseAsRoot()
            try command.run()
            exit(checked(0))
        } catch let e as CLIError {
            Console.err("kcsa: \(e.message)\n")
            exit(checked(e.exitCode))
        } catch {
            let code = KCSA.exitCode(for: error)
            let message = KCSA.fullMessage(for: error)
            if !message.isEmpty {
                let text = message.hasSuffix("\n") ? message : message + "\n"
                if code == .success { Console.out(text) } else { Console.err(text) }
            }
            if code == .validationFailure { exit(checked(2)) }
            exit(checked(code.rawValue))
        }
    }

    /// `status`, unless standard output could not be written: then that is said and the exit is 2.
    static func checked(_ status: Int32) -> Int32 {
        guard let reason = Console.outputFailure else { return status }
        Console.err("kcsa: cannot write to standard output: \(reason)\n")
        return status == 0 || status == 1 ? 2 : status
    }
}
