import ArgumentParser
import PodSecurity
import Terminal
import Trainer

/// `kcsa pss`: Pod Security Admission (pod-security-admission v0.36.2) on manifest files.
struct PSSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pss",
        abstract: "Check pods and workloads against the Pod Security Standards, as the admission plugin does.",
        discussion: """
        Exit codes: 0 every object allowed, 1 an object is refused, 2 bad input (unknown level or version, \
        unreadable file, a document that is not a Kubernetes object).
        """,
        subcommands: [PSSCheckCommand.self, PSSExplainCommand.self]
    )
}

/// The options `check` and `explain` share: the level and version, and defaulting.
struct PSSLevelOptions: ParsableArguments {
    @Option(help: "The level: privileged, baseline or restricted (default restricted).")
    var level: String?

    @Option(help: "The policy version: v1.N or latest (default latest).")
    var version: String?

    @Flag(name: .customLong("as-stored"),
          help: "Evaluate each object exactly as written, without kube-apiserver's defaulting.")
    var asStored = false

    /// The level and version asked for; a bad value is a usage error (exit 2).
    func levelVersion() throws(CLIError) -> LevelVersion {
        let levelText = level ?? "restricted"
        guard let l = PodSecurityLevel(rawValue: levelText) else {
            throw CLIError("unknown level \"\(levelText)\": must be one of privileged, baseline, restricted")
        }
        let r = PodSecurityVersion.parse(version ?? "latest")
        if r.error != nil {
            throw CLIError("invalid version \"\(version ?? "")\": must be \"latest\" or \"v1.x\" (for example v1.35)")
        }
        return LevelVersion(l, r.version)
    }
}
