import ArgumentParser
import JQCLI

/// `kcsa jq`: jq 1.8 on the command line, same options, output bytes and exit codes.
///
/// jq's option syntax (combined short options, `--arg name value`, options after
/// the filter) is not ArgumentParser's, so every argument is captured as is and
/// parsed by `JQOptions`; the exit status is thrown as an `ExitCode`.
public struct JQCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jq",
        abstract: "Run a jq 1.8 filter over JSON input (jq's options, output and exit codes).",
        discussion: "Run `kcsa jq -h` for jq's options.",
        helpNames: [])

    @Argument(parsing: .captureForPassthrough, help: "jq options, the filter, then input files.")
    var arguments: [String] = []

    public init() {}

    public func run() throws {
        let status = JQRunner.run(arguments: arguments, streams: .process())
        if status != 0 { throw ExitCode(status) }
    }
}
