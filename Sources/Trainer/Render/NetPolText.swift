import Labs
import NetworkPolicy
import Terminal

/// A NetworkPolicy lab's cluster as text (for `peek`) and the facts line of its task.
enum NetPolText {
    /// What the task says besides its text: the question of a prediction lab.
    static func facts(_ lab: Lab) -> [String] {
        switch lab.spec {
        case .netpol(let s):
            return ["\(s.mustReach.count) connections must work, \(s.mustNotReach.count) must be blocked; `peek` shows the cluster"]
        case .netpolPredict(let s):
            var out: [String] = []
            if !s.deleted.isEmpty { out.append("after deleting \(s.deleted.joined(separator: ", "))") }
            switch s.question {
            case .table(let t):
                out.append("a truth table for \(t.port)/\(t.protocol.rawValue)"
                           + (t.pods.isEmpty ? " over every pod" : " over \(t.pods.joined(separator: ", "))"))
            case .connections: break   // listed under the task (`connections`)
            }
            return out
        default:
            return []
        }
    }

    /// The connections a prediction lab asks about, one aligned line each
    /// (`a  shop/web -> shop/db  5432/TCP  (what it is for)`); empty for other labs.
    static func connections(_ lab: Lab) -> [String] {
        guard case .netpolPredict(let s) = lab.spec, case .connections(let items) = s.question else { return [] }
        let idWidth = items.map(\.id.count).max() ?? 1
        let fromWidth = items.map(\.connection.from.count).max() ?? 1
        let toWidth = items.map(\.connection.to.count).max() ?? 1
        return items.map { item in
            let c = item.connection
            return item.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                + c.from.padding(toLength: fromWidth, withPad: " ", startingAt: 0) + " -> "
                + c.to.padding(toLength: toWidth, withPad: " ", startingAt: 0) + "  \(c.port)/\(c.protocol.rawValue)"
                + (c.name.map { "  (\($0))" } ?? "")
        }
    }

    /// Namespaces with their labels, pods with labels, IPs and ports, and the policies in force.
    static func cluster(_ model: ClusterModel, deleted: [String], limit: Int, style: Style, width: Int? = nil) -> String {
        // Long pod and policy lines wrap under their start, four columns in.
        TextWrap.wrap(clusterLines(model, deleted: deleted, limit: limit, style: style), width: width, hanging: 4) + "\n"
    }

    private static func clusterLines(_ model: ClusterModel, deleted: [String], limit: Int, style: Style) -> String {
        var out = style.bold("Namespaces") + ":\n"
        for ns in model.namespaces {
            let labels = ns.labels.filter { $0.key != "kubernetes.io/metadata.name" }
            out += "  \(ns.name)" + (labels.isEmpty ? "" : "  " + style.dim(text(labels))) + "\n"
        }
        out += style.bold("Pods") + " (\(model.pods.count)):\n"
        let width = min(40, model.pods.map(\.id.count).max() ?? 10)
        for pod in model.pods.prefix(limit) {
            let ports = pod.ports.map { ($0.name.map { "\($0) " } ?? "") + "\($0.port)/\($0.protocol.rawValue)" }
            out += "  " + pod.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + pod.ip.description.padding(toLength: 15, withPad: " ", startingAt: 0) + "  " + text(pod.labels)
                + (ports.isEmpty ? "" : "  " + style.dim("ports: " + ports.joined(separator: ", "))) + "\n"
        }
        if model.pods.count > limit { out += style.dim("  ... \(model.pods.count - limit) more; `peek N` for more") + "\n" }
        out += style.bold("NetworkPolicies in force") + " (\(model.policies.count)):\n"
        if model.policies.isEmpty { out += "  none: every pod is non-isolated, all traffic is allowed\n" }
        for p in model.policies {
            let types = p.policyTypes.map(\.rawValue).joined(separator: ", ")
            let selected = model.pods.count { $0.namespace == p.namespace && ((try? p.podSelector.compiled())?.matches($0.labels) ?? false) }
            let gone = deleted.contains(p.id) ? style.yellow("  (deleted in this lab)") : ""
            out += "  \(p.id)  podSelector \(p.podSelector.text), policyTypes [\(types)], selects \(selected) pod\(selected == 1 ? "" : "s")"
                + ", \(p.ingress.count) ingress and \(p.egress.count) egress rules" + gone + "\n"
        }
        return String(out.dropLast())
    }

    private static func text(_ labels: Labels) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
