import RBAC
import Terminal
import Trainer

/// `VERB (RESOURCE[.GROUP][/SUBRESOURCE] [NAME] | NONRESOURCE-URL)` read into request
/// attributes, with kubectl's warnings for unknown types and verbs.
enum RBACRequestArguments {
    struct Parsed {
        var request: AuthorizationRequest
        var warnings: [String]
    }

    static func parse(_ args: [String], subresource: String?, namespace: String,
                      allNamespaces: Bool) throws(CLIError) -> Parsed {
        guard args.count == 2 || args.count == 3 else {
            throw CLIError("you must specify a verb and a resource (RESOURCE[.GROUP][/SUBRESOURCE] [NAME]) or a non-resource URL")
        }
        let verb = args[0]
        var warnings: [String] = []
        if args[1].hasPrefix("/") {
            if subresource != nil { throw CLIError("--subresource can not be used with NonResourceURL") }
            if args.count == 3 { throw CLIError("NonResourceURL and ResourceName can not specified together") }
            if !KnownResources.nonResourceVerbs.contains(verb) { warnings.append("verb '\(verb)' is not a known verb\n") }
            return Parsed(request: .nonResource(verb: verb, path: args[1]), warnings: warnings)
        }
        let tokens = args[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if tokens.count == 2 && subresource != nil {
            throw CLIError("give the subresource once: as RESOURCE/SUBRESOURCE or with --subresource")
        }
        let resolved = KnownResources.resolve(tokens[0])
        if let w = resolved.warning { warnings.append(w + "\n") }
        if let type = resolved.type, !type.namespaced, !allNamespaces {
            warnings.append(type.group.isEmpty ? "resource '\(type.resource)' is not namespace scoped\n"
                            : "resource '\(type.resource)' is not namespace scoped in group '\(type.group)'\n")
        }
        // kubectl checks resource verbs only when it checks the scope (not with -A).
        if !allNamespaces && !KnownResources.resourceVerbs.contains(verb) {
            warnings.append("verb '\(verb)' is not a known verb\n")
        }
        let request = AuthorizationRequest(verb: verb, apiGroup: resolved.group, resource: resolved.resource,
                                           subresource: tokens.count == 2 ? tokens[1] : subresource ?? "",
                                           name: args.count == 3 ? args[2] : "",
                                           namespace: allNamespaces ? "" : namespace)
        return Parsed(request: request, warnings: warnings)
    }
}
