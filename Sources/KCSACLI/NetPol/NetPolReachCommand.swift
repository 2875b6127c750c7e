import ArgumentParser
import Diagnostics
import JSONValue
import NetworkPolicy
import Terminal
import Trainer

/// `kcsa netpol reach`: a truth table of pod-to-pod reachability, or one connection's verdict.
struct NetPolReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Which pods can reach which: a truth table, or one connection (exit 0 allowed, 1 blocked).",
        discussion: """
        --objects takes files or folders of YAML/JSON (multi-document, List) with Namespaces, Pods \
        (labels, status.podIP, named container ports), workloads with pod templates (one pod each, \
        IP assigned and stated) and NetworkPolicies. Without --from/--to: a table per port and protocol \
        (default: every container port the pods declare), rows from, columns to, `.` allowed, `X` blocked. \
        With --from and --to (ns/pod, or an IP address for a peer outside the cluster): allowed or blocked. \
        --objects may instead be a scenario id (Labs/scenarios): its cluster as it starts, or --before/--after \
        one of its incidents; --changes INCIDENT shows what that incident's NetworkPolicy writes opened or \
        closed (exit 0 when something changed, 1 when nothing did).
        """
    )

    @Option(name: .customLong("objects"), parsing: .upToNextOption, help: "Files or folders with the objects.")
    var objects: [String] = []

    @Option(name: .customLong("port"), help: "A port number (repeatable for tables).")
    var ports: [Int] = []

    @Option(name: .customLong("protocol"), help: "TCP, UDP or SCTP (repeatable for tables; default TCP with --port).")
    var protocols: [String] = []

    @Option(help: "The source: ns/pod, or an IP address outside the cluster.")
    var from: String?

    @Option(help: "The destination: ns/pod, or an IP address outside the cluster.")
    var to: String?

    @Flag(help: "Say why: the policies selecting each end, the rule that allowed it or what the nearest rule lacks.")
    var explain = false

    @Flag(help: "Print JSON (the probes format of e2e.json, or {\"allowed\": ...} for one connection).")
    var json = false

    @Option(help: ArgumentHelp("With a scenario id: the cluster just before this incident.", valueName: "incident"))
    var before: String?

    @Option(help: ArgumentHelp("With a scenario id: the cluster just after this incident.", valueName: "incident"))
    var after: String?

    @Option(help: ArgumentHelp("With a scenario id: what this incident changed (tables before and after, compared).",
                               valueName: "incident"))
    var changes: String?

    func validate() throws {
        if objects.isEmpty { throw ValidationError("--objects is required") }
        let scenario = objects.count == 1 && ScenarioClusterLoading.isScenarioID(objects[0])
        if (before != nil || after != nil || changes != nil) && !scenario {
            throw ValidationError("--before, --after and --changes need one scenario id in --objects")
        }
        if changes != nil && (before != nil || after != nil || from != nil) {
            throw ValidationError("--changes compares before and after itself; it takes no --before, --after or --from")
        }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if from != nil && (ports.count > 1 || protocols.count > 1) {
            throw ValidationError("one connection takes one --port and one --protocol")
        }
        if from != nil && ports.isEmpty { throw ValidationError("one connection needs --port") }
        for p in ports where !(1...65535).contains(p) { throw ValidationError("--port \(p): must be between 1 and 65535") }
        for p in protocols where PortProtocol(rawValue: p.uppercased()) == nil {
            throw ValidationError("--protocol \(p): must be TCP, UDP or SCTP")
        }
    }

    func run() throws {
        var loading = NetPolLoading()
        if let changes { return try showChanges(changes, &loading) }
        let model: ClusterModel
        if objects.count == 1 && ScenarioClusterLoading.isScenarioID(objects[0]) {
            let point = try ScenarioClusterLoading.point(before: before, after: after)
            model = try loading.model(scenario: objects[0], at: point)
        } else {
            model = try loading.model(objects)
        }
        for pod in model.assignedIPs {
            Console.err("kcsa: note: \(pod.id) (the pod of \(pod.template ?? pod.id)) was given IP \(pod.ip)\n")
        }
        let protos = protocols.compactMap { PortProtocol(rawValue: $0.uppercased()) }
        if let from, let to {
            try connection(model, loading, from: from, to: to, proto: protos.first ?? .tcp)
        } else {
            try tables(model, protos)
        }
    }

    private func connection(_ model: ClusterModel, _ loading: NetPolLoading, from: String, to: String,
                            proto: PortProtocol) throws {
        guard let source = model.endpoint(from) else { throw CLIError(unknownEndpoint("--from", from, model)) }
        guard let destination = model.endpoint(to) else { throw CLIError(unknownEndpoint("--to", to, model)) }
        if case .external = source, case .external = destination {
            throw CLIError("--from \(from) and --to \(to) are both outside the cluster; NetworkPolicy applies to pods")
        }
        let c = model.connection(from: source, to: destination, port: ports[0], protocol: proto)
        let renderer = NetPolRenderer(model: model, loading: loading, style: Style(enabled: Console.stdoutColor))
        if json {
            Console.out(JSONPrinter(options: .pretty).string(renderer.json(c, explain: explain)) + "\n")
        } else if explain {
            Console.out(renderer.explanation(c))
        } else {
            Console.out((c.allowed ? "allowed" : "blocked") + "\n")
        }
        if !c.allowed { throw ExitCode(1) }
    }

    private func tables(_ model: ClusterModel, _ protos: [PortProtocol]) throws {
        // No pods is the first thing to say (an empty file has no ports either).
        if model.pods.isEmpty { throw CLIError("the objects hold no pods") }
        let probes = try probes(model, protos)
        let tables = probes.map { model.truthTable(port: $0.0, protocol: $0.1) }
        let renderer = NetPolRenderer(model: model, loading: NetPolLoading(), style: Style(enabled: Console.stdoutColor))
        if json {
            Console.out(JSONPrinter(options: .pretty).string(renderer.json(tables, order: model.order)) + "\n")
        } else {
            Console.out(tables.map(renderer.table).joined(separator: "\n"))
        }
    }

    /// The probes asked for: `--port`s by `--protocol`s, or every declared container port.
    private func probes(_ model: ClusterModel, _ protos: [PortProtocol]) throws -> [(Int, PortProtocol)] {
        if !ports.isEmpty { return ports.flatMap { p in (protos.isEmpty ? [.tcp] : protos).map { (p, $0) } } }
        let declared = model.declaredPorts.filter { protos.isEmpty || protos.contains($0.protocol) }.map { ($0.port, $0.protocol) }
        if declared.isEmpty {
            throw CLIError("the pods declare no container ports\(protos.isEmpty ? "" : " of that protocol"); pass --port")
        }
        return declared
    }

    private func showChanges(_ incident: String, _ loading: inout NetPolLoading) throws {
        let before = try loading.model(scenario: objects[0], at: .before(incident: incident))
        let after = try loading.model(scenario: objects[0], at: .after(incident: incident))
        let protos = protocols.compactMap { PortProtocol(rawValue: $0.uppercased()) }
        let report = NetPolChanges(scenario: objects[0], incident: incident, before: before, after: after,
                                   probes: try probes(before, protos))
        if json {
            Console.out(JSONPrinter(options: .pretty).string(report.json) + "\n")
        } else {
            Console.out(report.text(style: Style(enabled: Console.stdoutColor)))
        }
        if !report.changed { throw ExitCode(1) }
    }

    private func unknownEndpoint(_ option: String, _ text: String, _ model: ClusterModel) -> String {
        var message = "\(option) \(text): not a pod of the objects (ns/name) nor an IP address"
        if let guess = DidYouMean.suggest(text, among: model.order) { message += "; did you mean \(guess)?" }
        return message
    }
}
