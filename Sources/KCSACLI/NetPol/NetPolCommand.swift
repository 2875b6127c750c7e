import ArgumentParser
import Terminal
import Trainer

/// `kcsa netpol`: NetworkPolicy reachability and validation.
struct NetPolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netpol",
        abstract: "NetworkPolicy (networking.k8s.io/v1): who can reach whom, and why.",
        discussion: """
        Exit codes: 0 allowed / valid, 1 blocked / invalid, 2 bad input (with file:line:col) or usage error.
        """,
        subcommands: [NetPolReachCommand.self, NetPolValidateCommand.self]
    )
}
