import Diagnostics
import Foundation
import JQ
import JQCLI
import KubeAudit
import Labs
import Terminal

/// Working with a policy outside a lab (`policy`, `validate`), `explain`, and `jq`.
extension Trainer {
    mutating func loadPolicy(_ args: [String]) -> Outcome {
        guard args.count == 1 else {
            if let p = policy {
                say("loaded policy: \(p.path) (\(p.evaluator.ruleCount) rules)")
                return .ok
            }
            say("usage: policy FILE")
            return .failed
        }
        let result: PolicyLoadResult
        do {
            result = PolicyLoader.load(try InputFile.read(args[0], limit: PolicyLoader.maxBytes + 1))
        } catch {
            return fail(error.message)
        }
        let renderer = DiagnosticRenderer(color: style.enabled)
        for d in result.diagnostics { io.output.write(renderer.render(d, in: result.source)) }
        guard let evaluator = result.evaluator() else {
            say(style.red("not loaded") + ": kube-apiserver would refuse it: \(result.apiserverError ?? "")")
            return .failed
        }
        policy = (args[0], evaluator)
        say(style.green("loaded") + " \(args[0]) (\(evaluator.ruleCount) rules). Try: explain GET /api/v1/namespaces/default/secrets/db as jane")
        return .ok
    }

    func validate(_ args: [String]) -> Outcome {
        guard let path = args.first ?? policy?.path else {
            say("usage: validate FILE (or load one with `policy FILE`)")
            return .failed
        }
        let source: SourceFile
        do { source = try InputFile.read(path, limit: PolicyLoader.maxBytes + 1) } catch { return fail(error.message) }
        let result = PolicyLoader.load(source)
        let renderer = DiagnosticRenderer(color: style.enabled)
        for d in result.diagnostics { io.output.write(renderer.render(d, in: source)) }
        if let message = result.apiserverError {
            say("\(path): " + style.red("invalid") + ": " + PolicyLoader.apiserverStartupError(message, path: path))
            return .failed
        }
        say("\(path): " + style.green("valid") + " (\(result.policy?.rules.count ?? 0) rules)")
        return .ok
    }

    func explain(_ args: [String]) -> Outcome {
        if let outcome = explainPodSecurity(args) { return outcome }
        if let s = session, [.netpol, .netpolPredict].contains(s.lab.kind) { return explainConnection(s, args) }
        guard let policy = explainPolicy() else {
            if session == nil { say("load a policy first (policy FILE), or open a lab") }
            return .failed
        }
        let usage = "usage: explain METHOD URL as USER [GROUP...]   or   explain METHOD URL --unauthenticated"
        guard args.count >= 2 else {
            say(usage)
            return .failed
        }
        var user: UserInfo?
        switch args.count > 2 ? args[2] : nil {
        case "as"? where args.count >= 4:
            user = UserInfo(username: args[3], groups: Array(args.dropFirst(4)))
        case "--unauthenticated"? where args.count == 3:
            user = nil
        case nil:
            say("who sends it? add `as USER [GROUP...]` (e.g. `as jane devs`), or `--unauthenticated` for a request "
                + "whose authentication failed (401: no user, a single ResponseStarted event)")
            return .failed
        default:
            say(usage)
            return .failed
        }
        do {
            let attrs = try HTTPRequestLine.parse(args[0] + " " + args[1], user: user)
            let e = policy.evaluator.explain(attrs, outcome: .of(user: user))
            say(style.dim("(under \(policy.name))"))
            io.output.write(wrapped(ExplanationRenderer(style: style).text(e)))
            return .ok
        } catch {
            return fail(error.message)
        }
    }

    /// The words of a jq command line that are the filter or a file (option values skipped;
    /// after `--args`/`--jsonargs` the words are values, not files).
    static func jqPositionalCount(_ args: [String]) -> Int {
        let takesTwo: Set = ["--arg", "--argjson", "--slurpfile", "--rawfile"]
        let takesOne: Set = ["--indent", "-L", "--library-path"]
        var count = 0
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--args" || a == "--jsonargs" { return count }
            if takesTwo.contains(a) { i += 3; continue }
            if takesOne.contains(a) { i += 2; continue }
            if a == "-f" || a == "--from-file" { count += 1; i += 2; continue }
            if !a.hasPrefix("-") || a == "-" { count += 1 }
            i += 1
        }
        return count
    }

    /// `jq ...`: jq's command line on files (the session's own input is its commands).
    func jq(_ args: [String]) -> Outcome {
        // Reading the session's own input as JSON would swallow the commands that follow
        // (or wait for Ctrl-D on a terminal): a query here needs a file or -n.
        let nullInput = args.contains { $0 == "--null-input" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("n")) }
        // A file named (filter and at least one more word that is not an option): jq itself
        // opens it, and says "Could not open" when it cannot.
        let hasFile = Self.jqPositionalCount(args) >= 2
        guard nullInput || hasFile || args.contains(where: { $0 == "-h" || $0 == "--help" }) else {
            say("usage: jq [OPTIONS] FILTER FILE...  (or jq -n FILTER); in the session, jq reads files, not the keyboard")
            return .failed
        }
        var streams = JQStreams.process()
        if !(io.output is StandardOutput) {
            // A session writing somewhere else (a test) gets jq's output too; errors go where warnings go.
            let output = io.output, warn = io.warn
            streams.writeStdout = { bytes in
                output.write(String(decoding: bytes, as: UTF8.self))
                return true
            }
            streams.writeStderr = { warn($0) }
            streams.stdoutIsTerminal = false
        }
        // A learner's query must not hang the session: bounded work, and Ctrl-C stops it.
        streams.limits = LabLimits.standard.jq()
        let cancellation = streams.cancellation
        let status = Interrupts.shared.watching(onInterrupt: { cancellation.cancel() }) {
            JQRunner.run(arguments: args, streams: streams)
        }
        if status == 130 { say("^C (query interrupted)") }
        return status == 0 ? .ok : .failed
    }
}
