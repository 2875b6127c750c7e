import ArgumentParser
import Diagnostics
import NetworkPolicy
import Terminal
import Trainer

/// `kcsa netpol validate FILE...`: the NetworkPolicies of each file checked as kube-apiserver would.
struct NetPolValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check NetworkPolicy files as kube-apiserver would on create (exit 0 valid, 1 invalid).",
        discussion: """
        Errors use kube-apiserver's field paths and wording and point at file:line:col. Unknown fields \
        are errors, as with kubectl's default strict field validation. Other kinds in the files are skipped; \
        a file with no NetworkPolicy says so, and when no file has one the exit status is 1, as kubectl's \
        "no objects passed to create".
        """
    )

    @Argument(help: "Files or folders (YAML or JSON; - for standard input).")
    var files: [String]

    func run() throws {
        var loading = NetPolLoading()
        var invalid = false
        var checked = 0
        let style = Style(enabled: Console.stdoutColor)
        for path in try NetPolLoading.files(files) {
            let (objects, decodeProblems) = try loading.decode([path])
            var problems = decodeProblems
            for policy in objects.policies {
                problems += PolicyValidation.validate(policy).map { Problem($0, in: policy.origin) }
            }
            loading.report(problems)
            let n = objects.policies.count
            checked += n
            let counted = "\(n) NetworkPolic\(n == 1 ? "y" : "ies")"
            if n == 0 && !problems.hasErrors {
                Console.out("\(path): \(style.yellow("no NetworkPolicy")) (nothing to check)\n")
            } else if problems.hasErrors {
                invalid = true
                let e = problems.count
                Console.out("\(path): \(style.red("invalid")) (\(counted), \(e) error\(e == 1 ? "" : "s"))\n")
            } else {
                Console.out("\(path): \(style.green("valid")) (\(counted))\n")
            }
        }
        if invalid { throw ExitCode(1) }
        if checked == 0 {
            throw CLIError("no NetworkPolicy in \(files.count == 1 ? "the file" : "the files") given "
                           + "(only kind: NetworkPolicy is checked)", exitCode: 1)
        }
    }
}
