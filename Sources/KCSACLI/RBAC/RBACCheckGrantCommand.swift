import ArgumentParser
import Diagnostics
import JSONValue
import RBAC
import Terminal
import Trainer

/// `kcsa rbac check-grant FILE`: would the API server let this user write the Roles,
/// ClusterRoles and bindings in FILE, or refuse them as an escalation?
struct RBACCheckGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-grant",
        abstract: "Check whether a user may create the Roles, ClusterRoles or bindings in a file (escalation prevention).",
        usage: "kcsa rbac check-grant FILE --as USER [--as-group GROUP]... --objects PATH... [-n NS] [--update] [--json]",
        discussion: """
        For each object: allowed, or the API server's error (Forbidden, or NotFound for a binding whose \
        role does not exist), and the check that decided: system:masters, escalate, bind, covers \
        (ConfirmNoEscalation), aggregationRule, roleRef. Exit codes: 0 every write would be accepted, \
        1 the API server would refuse one, 2 bad input.
        """
    )

    @Argument(help: "The file of Roles, ClusterRoles and bindings to write.")
    var file: String

    @OptionGroup var source: RBACObjectOptions
    @OptionGroup var who: RBACUserOptions

    @Option(name: .shortAndLong, help: "The namespace of a Role or RoleBinding that names none.")
    var namespace: String = "default"

    @Flag(help: "Check an update of existing objects rather than a create.")
    var update = false

    @Flag(help: "Print one JSON object per object written.")
    var json = false

    func run() throws {
        let user = try who.resolved(for: "check-grant")
        let attempt = try InputFile.read(file, limit: RBACObjectLoading.maxFileBytes)
        let decoded = RBACObjectDecoder.decode(attempt, options: .init(defaultNamespace: namespace))
        let renderer = DiagnosticRenderer(color: Console.stderrColor)
        for d in decoded.diagnostics { Console.err(renderer.render(d, in: attempt)) }
        let loaded = try RBACObjectLoading.load(source, defaultNamespace: namespace)
        var inputErrors = decoded.diagnostics.filter { $0.severity == .error }.count
        if decoded.objects.isEmpty && inputErrors == 0 {
            Console.err("kcsa: \(file) holds no Role, ClusterRole, RoleBinding or ClusterRoleBinding\n")
            inputErrors += 1
        }
        var refused = 0
        var out = ""
        let existing = Dictionary(loaded.authorizer.roles.map { (RBACObject.role($0).key, RBACObject.role($0)) },
                                  uniquingKeysWith: { a, _ in a })
        for object in decoded.objects {
            let operation: EscalationCheck.Operation = update ? .update(old: existing[object.key]) : .create
            let outcome = EscalationCheck.check(object, by: user, using: loaded.authorizer, operation: operation)
            if !outcome.allowed { refused += 1 }
            out += json ? jsonLine(object, outcome) : text(object, outcome)
        }
        Console.out(out)
        if inputErrors > 0 {
            throw CLIError("\(inputErrors) problem\(inputErrors == 1 ? "" : "s") in \(file)", exitCode: 2)
        }
        try loaded.finish(answerCode: refused > 0 ? 1 : 0)
    }

    private func describe(_ object: RBACObject) -> String {
        object.namespace.isEmpty ? "\(object.kindName) \(GoQuote.quote(object.name))"
            : "\(object.kindName) \(GoQuote.quote(object.name)) in namespace \(GoQuote.quote(object.namespace))"
    }

    private func text(_ object: RBACObject, _ outcome: EscalationCheck.Outcome) -> String {
        if outcome.allowed {
            return "allowed: \(describe(object)) (decided by: \(outcome.decidedBy.rawValue))\n"
        }
        return "forbidden: \(outcome.error ?? "")\n(decided by: \(outcome.decidedBy.rawValue))\n"
    }

    private func jsonLine(_ object: RBACObject, _ outcome: EscalationCheck.Outcome) -> String {
        JSONPrinter.compact(.object([
            "kind": .string(object.kindName), "name": .string(object.name), "namespace": .string(object.namespace),
            "allowed": .bool(outcome.allowed), "error": outcome.error.map(JSON.string) ?? .null,
            "decidedBy": .string(outcome.decidedBy.rawValue),
            "missing": .array(outcome.missing.map(RBACRenderer.json)),
        ])) + "\n"
    }
}
