import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Entry point used by `main.swift`: the REPL with no arguments, subcommands otherwise.
public enum KCSAMain {
    public static func run() {
        if CommandLine.arguments.count == 1 {
            exit(REPL.main())
        }
        KCSA.main()
    }
}
