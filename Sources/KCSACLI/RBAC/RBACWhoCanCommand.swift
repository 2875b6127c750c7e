import ArgumentParser
import Diagnostics
import JSONValue
import RBAC
import Terminal
import Trainer

/// `kcsa rbac who-can`: every subject allowed to make a request, with the binding that allows it.
struct RBACWhoCanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can",
        abstract: "List every subject allowed to make a request, with the binding and role that allow it.",
        usage: "kcsa rbac who-can VERB (RESOURCE[.GROUP][/SUBRESOURCE] [NAME] | NONRESOURCE-URL) [-n NS | -A] --objects PATH... [--json]",
        discussion: """
        Subjects are listed in the authorizer's visit order: ClusterRoleBindings, then the RoleBindings of \
        the namespace (with -A, the RoleBindings of every namespace, by namespace). Group subjects stand for \
        everyone in the group. Exit codes: 0 someone may, 1 no one may, 2 bad input.
        """
    )

    @Argument(help: "VERB and RESOURCE (or a non-resource URL), and an optional NAME.")
    var arguments: [String] = []

    @OptionGroup var source: RBACObjectOptions

    @Option(name: .shortAndLong, help: "The namespace of the request.")
    var namespace: String = "default"

    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "Ask in every namespace that has RoleBindings.")
    var allNamespaces = false

    @Option(help: "A subresource, such as log or scale.")
    var subresource: String?

    @Flag(help: "Print one JSON object per subject.")
    var json = false

    func run() throws {
        let parsed = try RBACRequestArguments.parse(arguments, subresource: subresource, namespace: namespace,
                                                    allNamespaces: false)
        let loaded = try RBACObjectLoading.load(source, defaultNamespace: namespace)
        var entries: [WhoCan.Entry] = []
        var unresolved: [(binding: BindingObject, error: String)] = []
        for w in parsed.warnings { Console.err("Warning: " + w) }
        for (i, ns) in namespaces(parsed.request, loaded.authorizer).enumerated() {
            var request = parsed.request
            if request.isResourceRequest { request.namespace = ns }
            let found = WhoCan.subjects(for: request, in: loaded.authorizer)
            // ClusterRoleBindings answer the same in every namespace: list them once.
            let fresh = i == 0 ? found.entries : found.entries.filter { $0.grant.binding.kind == .roleBinding }
            entries += fresh
            unresolved += found.unresolved.filter { u in !unresolved.contains { $0.binding == u.binding } }
        }
        for u in unresolved {
            Console.err("warning: \(RBACRenderer.bindingName(u.binding)): \(u.error)\n")
        }
        Console.out(json ? jsonLines(entries, loaded) : table(entries))
        try loaded.finish(answerCode: entries.isEmpty ? 1 : 0)
    }

    private func namespaces(_ request: AuthorizationRequest, _ authorizer: RBACAuthorizer) -> [String] {
        guard allNamespaces, request.isResourceRequest else { return [request.namespace] }
        let all = Set(authorizer.bindings.filter { $0.kind == .roleBinding }.map(\.namespace))
        return [""] + all.sorted(by: GoQuote.less)
    }

    private func subjectText(_ s: Subject) -> String {
        s.kind == "ServiceAccount" ? "ServiceAccount \(s.namespace)/\(s.name)" : "\(s.kind) \(s.name)"
    }

    private func table(_ entries: [WhoCan.Entry]) -> String {
        if entries.isEmpty { return "no subject is allowed\n" }
        var text = "SUBJECT\tBINDING\tROLE\n"
        for e in entries {
            let b = e.grant.binding
            let binding = b.kind == .roleBinding ? "RoleBinding \(b.namespace)/\(b.name)" : "ClusterRoleBinding \(b.name)"
            text += "\(subjectText(e.subject))\t\(binding)\t\(b.roleRef.kind) \(b.roleRef.name)\n"
        }
        return TabWriter.kubectl.format(text)
    }

    private func jsonLines(_ entries: [WhoCan.Entry], _ loaded: RBACLoaded) -> String {
        entries.map { e in
            JSONPrinter.compact(.object(["subject": RBACRenderer.json(e.subject), "grant": RBACRenderer.json(e.grant, loaded)])) + "\n"
        }.joined()
    }
}
