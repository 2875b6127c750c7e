import ArgumentParser

/// `kcsa policy`: audit policies checked and evaluated exactly as kube-apiserver does.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Validate, evaluate and explain Kubernetes audit policies (audit.k8s.io/v1).",
        discussion: """
        Exit codes: 0 valid / evaluated, 1 the policy (or a request line) is invalid, 2 usage error or unreadable file.
        """,
        subcommands: [PolicyValidateCommand.self, PolicyEvalCommand.self, PolicyExplainCommand.self]
    )
}
