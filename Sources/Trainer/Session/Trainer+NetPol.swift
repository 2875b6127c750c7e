import Diagnostics
import Labs
import NetworkPolicy
import Terminal

/// `peek` and `explain` in NetworkPolicy labs: the cluster, and the engine's explanation of
/// one connection under the learner's answer (netpol) or the lab's policies (netpol-predict).
extension Trainer {
    func peekCluster(_ lab: Lab, resources: LabResources, limit: Int) -> Outcome {
        do {
            guard let model = try NetPolLabTools.cluster(lab, resources: resources) else { return .failed }
            io.output.write(NetPolText.cluster(model, deleted: NetPolLabTools.deleted(lab), limit: limit, style: style,
                                               width: io.width()))
            let connections = NetPolText.connections(lab)
            if !connections.isEmpty {
                io.output.write(style.bold("Connections asked about") + ":\n" + connections.map { "  " + $0 + "\n" }.joined())
            }
            say(TextWrap.wrap(style.dim("Lab files with the full objects: " + clusterFiles(lab)), width: io.width(), hanging: 4))
            return .ok
        } catch {
            return fail(error.description)
        }
    }

    private func clusterFiles(_ lab: Lab) -> String {
        let c: NetPolCluster? = switch lab.spec {
        case .netpol(let s): s.cluster
        case .netpolPredict(let s): s.cluster
        default: nil
        }
        let files = (c?.files ?? []).map { "Labs/netpol/" + $0 } + (c?.text == nil ? [] : ["the lab file (cluster_text)"])
        return files.joined(separator: ", ")
    }

    /// `explain FROM TO PORT[/PROTOCOL]`.
    func explainConnection(_ s: LabSession, _ args: [String]) -> Outcome {
        let usage = "usage: explain FROM TO PORT[/PROTOCOL]   (FROM, TO: namespace/pod or an IP address; e.g. explain shop/web shop/db 5432/TCP)"
        guard args.count == 3, let resources = requireResources() else {
            say(usage)
            return .failed
        }
        let parts = args[2].split(separator: "/", maxSplits: 1).map(String.init)
        guard let port = Int(parts[0]), (1...65535).contains(port),
              let proto = parts.count == 2 ? PortProtocol(rawValue: parts[1].uppercased()) : .tcp else {
            say(usage)
            return .failed
        }
        do {
            guard let model = try NetPolLabTools.cluster(s.lab, resources: resources) else { return .failed }
            for end in [args[0], args[1]] where model.endpoint(end) == nil {
                return fail("\(end) is neither a pod of this lab's cluster (namespace/name; `peek` lists them) nor an IP address")
            }
            let answer = SourceFile(name: "answer", text: s.answer)
            let connection = ConnectionSpec(from: args[0], to: args[1], port: port, protocol: proto)
            switch try NetPolLabTools.explain(s.lab, answer: answer, connection: connection, resources: resources) {
            case .success(let evidence):
                if case .netpol = s.lab.spec { say(style.dim("(the lab's cluster with your answer's policies)")) }
                let verdict = evidence.allowed ? style.green("allowed") : style.red("blocked")
                say("\(connection.summary): \(verdict)")
                for line in TrafficText.explanation(evidence) { say("  " + line) }
                for b in evidence.before {
                    say("before the deletion it was \(b.allowed ? style.green("allowed") : style.red("blocked")):")
                    for line in TrafficText.explanation(b) { say("  " + line) }
                }
                return .ok
            case .failure(let error):
                let renderer = DiagnosticRenderer(color: style.enabled)
                for p in error.problems { io.output.write(renderer.render(p.diagnostic, in: answer)) }
                say(style.yellow("your answer is not accepted yet") + "; `check` shows why")
                return .failed
            }
        } catch {
            return fail(error.description)
        }
    }
}
