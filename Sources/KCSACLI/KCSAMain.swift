import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Entry point used by `main.swift`: the REPL with no arguments, subcommands otherwise.
public enum KCSAMain {
    public static func run() -> Never {
        if CommandLine.arguments.count == 1 {
            exit(REPL.main())
        }
        do {
            var command = try KCSA.parseAsRoot()
            try command.run()
            exit(0)
        } catch {
            // Usage errors exit 2 (the documented code), not ArgumentParser's 64.
            let code = KCSA.exitCode(for: error)
            let message = KCSA.fullMessage(for: error)
            if !message.isEmpty {
                let text = message.hasSuffix("\n") ? message : message + "\n"
                // Help and --version are the requested output; errors go to stderr.
                if code == .success { Console.out(text) } else { Console.err(text) }
            }
            if code == .validationFailure { exit(2) }
            exit(code.rawValue)
        }
    }
}
