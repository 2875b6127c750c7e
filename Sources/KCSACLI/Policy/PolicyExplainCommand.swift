import ArgumentParser
import Diagnostics
import JSONValue
import KubeAudit
import Terminal
import Trainer

/// `kcsa policy explain FILE`: why one request gets its level, rule by rule.
struct PolicyExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain, rule by rule, how a policy treats one request.",
        discussion: """
        Give the request as attributes (--request '{"user":"jane","verb":"get",...}') or as an HTTP \
        request: --url "GET /api/v1/namespaces/prod/secrets/db" --user jane --group devs. The method \
        may also be a Kubernetes verb (list, watch, create, ...). --unauthenticated explains a request \
        whose authentication failed (401): no user, and a single ResponseStarted event.
        """
    )

    @Argument(help: "The policy file (YAML or JSON).")
    var file: String

    @Option(help: "The request attributes as a JSON object.")
    var request: String?

    @Option(help: "An HTTP method (or Kubernetes verb) and URL, e.g. \"GET /api/v1/namespaces/prod/secrets/db\".")
    var url: String?

    @Option(help: "The authenticated user name (with --url).")
    var user: String?

    @Option(name: .customLong("group"), help: "A group of the user (repeatable; with --url).")
    var groups: [String] = []

    @Flag(help: "The request failed authentication (401): evaluated with no user.")
    var unauthenticated = false

    @Flag(help: "Print the explanation as JSON.")
    var json = false

    func validate() throws {
        if (request == nil) == (url == nil) {
            throw ValidationError("give exactly one of --request JSON or --url \"METHOD URL\"")
        }
        if request != nil && (user != nil || !groups.isEmpty) {
            throw ValidationError("--user and --group go with --url; put user and groups inside the --request JSON")
        }
    }

    func run() throws {
        let (evaluator, _) = try PolicyLoading.evaluator(path: file)
        var attrs = try requestAttributes()
        if unauthenticated {
            if attrs.user != nil {
                throw CLIError("--unauthenticated explains a request with no user (authentication failed); drop the user")
            }
        } else if attrs.user == nil {
            throw CLIError("the request has no user: give --user NAME (and --group), or --unauthenticated for a request "
                           + "whose authentication failed (401: no user, a single ResponseStarted event)")
        }
        let explanation = evaluator.explain(attrs, outcome: unauthenticated ? .unauthenticated : .completed)
        if json {
            Console.out(JSONPrinter(options: .pretty).string(ExplanationRenderer.json(explanation)) + "\n")
        } else {
            Console.out(ExplanationRenderer(style: Style(enabled: Console.stdoutColor)).text(explanation))
        }
    }

    private func requestAttributes() throws(CLIError) -> RequestAttributes {
        if let request {
            let source = SourceFile(name: "--request", text: request)
            do {
                return try RequestDecoding.decode(try JSONParser.parse(request))
            } catch let e as JSONParseError {
                throw renderedError(.error("not a JSON object: \(e.reason)", at: .at(e.offset)), source)
            } catch let e as RequestDecoding.Failure {
                let at = RequestDecoding.offset(ofKey: e.key, inLine: source.bytes[...])
                throw renderedError(.error(e.message, at: Span(start: at, end: at + 1)), source)
            } catch {
                throw CLIError("\(error)")
            }
        }
        let userInfo = user.map { UserInfo(username: $0, groups: groups) }
        if user == nil && !groups.isEmpty { throw CLIError("--group needs --user") }
        do {
            return try HTTPRequestLine.parse(url ?? "", user: userInfo)
        } catch {
            throw renderedError(.error(error.message, at: error.span), SourceFile(name: "--url", text: url ?? ""))
        }
    }

    private func renderedError(_ d: Diagnostic, _ source: SourceFile) -> CLIError {
        Console.err(DiagnosticRenderer(color: Console.stderrColor).render(d, in: source))
        return CLIError("the request could not be read")
    }
}

