import ArgumentParser
import RBAC
import Terminal
import Trainer

/// `kcsa rbac can-i`: one check, the `--list` table, or a batch of request lines.
struct RBACCanICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "can-i",
        abstract: "Check whether a user may do something, as `kubectl auth can-i` does.",
        usage: """
        kcsa rbac can-i VERB (RESOURCE[.GROUP][/SUBRESOURCE] [NAME] | NONRESOURCE-URL) --objects PATH... --as USER [--as-group GROUP]... [-n NS | -A] [--explain] [--json]
        kcsa rbac can-i --list --objects PATH... --as USER [--as-group GROUP]... [-n NS] [--no-headers]
        kcsa rbac can-i --requests FILE|- --objects PATH...
        """,
        discussion: """
        A check prints yes or no (with upstream's reason when there is one) and exits 0 or 1. \
        --list prints kubectl's table of what the user may do in the namespace. --requests reads JSON \
        lines {"user":{"name":..,"groups":[..]},"request":{"verb":..,"apiGroup":..,"resource":..,\
        "subresource":..,"name":..,"namespace":..,"path":..,"resourceRequest":..}} and writes one \
        {"allowed":..,"reason":..} line per input line, in order (a line that cannot be read gets \
        {"error":..} and the exit code is 2). The namespace is "default" unless -n or -A.
        """
    )

    @Argument(help: "VERB and RESOURCE (or a non-resource URL), and an optional NAME.")
    var arguments: [String] = []

    @OptionGroup var source: RBACObjectOptions
    @OptionGroup var who: RBACUserOptions

    @Option(name: .shortAndLong, help: "The namespace of the request.")
    var namespace: String = "default"

    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "Ask cluster-wide (no namespace).")
    var allNamespaces = false

    @Option(help: "A subresource, such as log or scale (the same as RESOURCE/SUBRESOURCE).")
    var subresource: String?

    @Flag(name: .shortAndLong, help: "Print nothing; only the exit code answers.")
    var quiet = false

    @Flag(help: "Also print why: the rule that granted, or the closest rule and what it lacks.")
    var explain = false

    @Flag(help: "Print the answer (with --list: the rules review status) as a JSON object.")
    var json = false

    @Flag(help: "List everything the user may do in the namespace.")
    var list = false

    @Flag(help: "With --list, leave out the header line.")
    var noHeaders = false

    @Option(help: ArgumentHelp("Request lines to check (a file, or - for standard input).", valueName: "file"))
    var requests: String?

    func run() throws {
        if let requests {
            guard arguments.isEmpty, who.user == nil, !list else {
                throw CLIError("--requests takes no VERB/RESOURCE, --as or --list: each line names its user and request")
            }
            try RBACRequestBatch.run(requests, source: source)
        } else if list {
            try runList()
        } else {
            try runCheck()
        }
    }

    private func runList() throws {
        guard arguments.isEmpty else { throw CLIError("list option must be specified with no arguments") }
        guard !quiet, !allNamespaces, subresource == nil else {
            throw CLIError("list option can't be specified with neither quiet, all-namespaces nor subresource options")
        }
        let user = try who.resolved(for: "can-i --list")
        let loaded = try RBACObjectLoading.load(source, defaultNamespace: namespace)
        let status = AccessList.status(loaded.authorizer, user: user, namespace: namespace)
        Console.out(json ? RBACRenderer.json(status) : AccessList.render(status, noHeaders: noHeaders))
        try loaded.finish(answerCode: 0)
    }

    private func runCheck() throws {
        if noHeaders { throw CLIError("--no-headers cannot be set without --list specified") }
        let parsed = try RBACRequestArguments.parse(arguments, subresource: subresource, namespace: namespace,
                                                    allNamespaces: allNamespaces)
        let user = try who.resolved(for: "can-i")
        let loaded = try RBACObjectLoading.load(source, defaultNamespace: namespace)
        for w in parsed.warnings { Console.err("Warning: " + w) }
        let decision = loaded.authorizer.authorize(parsed.request, as: user)
        if json {
            Console.out(RBACRenderer.json(decision, parsed.request, user, loaded, explain: explain))
        } else if !quiet {
            var out = RBACRenderer.answer(decision)
            if explain { out += RBACRenderer.explanation(decision, parsed.request, user, loaded) }
            Console.out(out)
        }
        try loaded.finish(answerCode: decision.allowed ? 0 : 1)
    }
}
