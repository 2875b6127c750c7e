import ArgumentParser
import RBAC
import Terminal
import Trainer

/// `kcsa rbac`: the RBAC authorizer over files of Roles, ClusterRoles and bindings.
struct RBACCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rbac",
        abstract: "Ask the Kubernetes RBAC authorizer: can-i, who-can, and whether a role or binding may be created.",
        discussion: """
        Objects come from --objects: YAML or JSON files (multi-document, List kinds) or folders of them \
        (*.yaml, *.yml, *.json, read in path order), or a scenario id (Labs/scenarios): its cluster's \
        objects, as it starts or --before/--after one of its incidents. The default roles and bindings of a cluster are \
        included unless --no-defaults. Exit codes: 0 yes / allowed, 1 no / forbidden, 2 bad input \
        (an object that cannot be read is reported with file:line:col and left out; the answer is still \
        printed, and the exit code is then 2).
        """,
        subcommands: [RBACCanICommand.self, RBACWhoCanCommand.self, RBACCheckGrantCommand.self]
    )
}

/// Where the RBAC objects come from.
struct RBACObjectOptions: ParsableArguments {
    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Files or folders of RBAC objects (repeat, or give several).", valueName: "path"))
    var objects: [String] = []

    @Flag(help: "Leave out the default roles and bindings of a cluster.")
    var noDefaults = false

    @Option(help: ArgumentHelp("With a scenario id: the cluster just before this incident.", valueName: "incident"))
    var before: String?

    @Option(help: ArgumentHelp("With a scenario id: the cluster just after this incident.", valueName: "incident"))
    var after: String?
}

/// The user a question is asked for, as `kubectl --as` impersonates.
struct RBACUserOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("The user to ask for.", valueName: "user"))
    var user: String?

    @Option(name: .customLong("as-group"), help: ArgumentHelp("A group of the user (repeat).", valueName: "group"))
    var groups: [String] = []

    /// The impersonated user, or a usage error naming what is missing.
    func resolved(for command: String) throws(CLIError) -> UserInfo {
        guard let user else {
            throw CLIError("\(command) needs --as USER: kcsa has no logged-in user to ask for")
        }
        return UserInfo.impersonating(user, groups: groups)
    }
}
