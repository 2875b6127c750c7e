import ArgumentParser
import PodSecurity
import Terminal
import Trainer

/// `kcsa pss check FILE...`: one line per object, allowed or upstream's exact message.
struct PSSCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate pods and pod templates at a level and version, or as admission would in a namespace.",
        discussion: """
        FILE holds one or more YAML or JSON documents (- reads standard input): Pod, Deployment, ReplicaSet, \
        StatefulSet, DaemonSet, Job, CronJob, ReplicationController, PodTemplate, or a List of them. \
        kube-apiserver's defaulting runs first (a volume with no source becomes emptyDir; with hostNetwork a \
        Pod's containerPorts become hostPorts) unless --as-stored. With --namespace NS.yaml the namespace's \
        pod-security.kubernetes.io labels decide: pods are enforced, controllers only warned and audited, and \
        the audit annotations are shown. The file may also hold a PodSecurityConfiguration (defaults, \
        exemptions), and a second Namespace document with the same name: its new labels are then checked \
        against the FILEs as the namespace's existing pods, as `kubectl label` would report.
        """
    )

    @Argument(help: "Manifest files (YAML or JSON); - for standard input.")
    var files: [String]

    @OptionGroup var options: PSSLevelOptions

    @Option(help: "A Namespace manifest: answer what admission would do in that namespace.")
    var namespace: String?

    @Option(help: "The requesting user, for the configuration's username exemptions (with --namespace).")
    var user: String?

    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        let lv = try options.levelVersion()
        var nsFile: NamespaceFile?
        if let namespace {
            if options.level != nil || options.version != nil {
                throw CLIError("--level and --version do not apply with --namespace: the namespace's labels decide")
            }
            let file = try PSSInputs.namespaceFile(namespace)
            // Labels kube-apiserver would refuse on the namespace itself: say so, then evaluate
            // as a namespace that has them anyway (invalid enforce fails closed).
            let admission = PodSecurityAdmission(configuration: file.configuration ?? PodSecurityConfiguration())
            for ns in file.namespaces {
                if let error = admission.validateNamespace(name: ns.name, labels: ns.labels, oldLabels: nil).error {
                    Console.err("kcsa: warning: kube-apiserver would refuse this namespace: \(error)\n")
                }
            }
            nsFile = file
        }
        let inputs = PSSInputs.read(files, asStored: options.asStored)
        let outcomes = nsFile.map { PSSEvaluation.admit(inputs.objects, $0, user: user ?? "", reportChecks: json) }
            ?? PSSEvaluation.check(inputs.objects, at: lv)
        Console.out(PSSRenderer(json: json).render(outcomes))
        if inputs.badInput { throw ExitCode(2) }
        if outcomes.contains(where: \.refused) { throw ExitCode(1) }
    }
}
