import Diagnostics
import Foundation
import NetworkPolicy

/// A NetworkPolicy lab's cluster, loaded: the model with the cluster's own policies, and
/// the files it was read from (to say on which line a rule is written).
struct NetPolWorld {
    /// At most this many bytes per cluster file.
    static let maxFileBytes = 4 << 20

    let model: ClusterModel
    let sources: [SourceFile]

    static func load(_ cluster: NetPolCluster, lab: Lab, resources: LabResources) throws(LabCheckError) -> NetPolWorld {
        var sources: [SourceFile] = []
        for path in cluster.files {
            let full = resources.root + "/Labs/netpol/" + path
            guard let data = FileManager.default.contents(atPath: full) else { throw .content("\(lab.id): no cluster file \(full)") }
            guard data.count <= maxFileBytes else { throw .content("\(lab.id): \(full) is over \(maxFileBytes) bytes") }
            sources.append(SourceFile(name: "Labs/netpol/" + path, bytes: [UInt8](data)))
        }
        if let text = cluster.text { sources.append(SourceFile(name: "\(lab.id) cluster_text", text: text)) }
        do {
            return NetPolWorld(model: try ClusterModel.load(sources), sources: sources)
        } catch {
            let first = error.problems.first.map { p in
                let at = p.diagnostic.span.flatMap { s in sources.first { $0.name == p.file }.map { $0.location(ofByte: s.start) } }
                return "\(p.file ?? "")\(at.map { ":\($0)" } ?? ""): \(p.diagnostic.message)"
            } ?? ""
            throw .content("\(lab.id): the cluster does not load (\(error.problems.count) problems; first: \(first))")
        }
    }

    /// A pod (`ns/name`) of the cluster or an address outside it.
    func endpoint(_ text: String, lab: Lab) throws(LabCheckError) -> Endpoint {
        if let e = model.endpoint(text) { return e }
        throw .content("\(lab.id): \"\(text)\" is neither a pod of the cluster (namespace/name) nor an IP address")
    }

    func connection(_ c: ConnectionSpec, in model: ClusterModel, lab: Lab) throws(LabCheckError) -> Connection {
        let from = try endpoint(c.from, lab: lab), to = try endpoint(c.to, lab: lab)
        return model.connection(from: from, to: to, port: c.port, protocol: c.protocol)
    }

    /// The engine's explanation as a finding's evidence; `answer` is the learner's file (if any).
    func evidence(_ c: Connection, in model: ClusterModel, answer: SourceFile?) -> TrafficEvidence {
        func side(_ d: DirectionReport?) -> TrafficEvidence.Side? {
            guard let d else { return nil }
            let ref = d.allowedBy ?? d.nearest?.rule
            return TrafficEvidence.Side(direction: d.direction == .ingress ? "ingress" : "egress", pod: d.pod,
                                        policies: d.selectingPolicies, allowed: d.allowed,
                                        rule: ref.map { rule($0, in: model, answer: answer) },
                                        lacks: d.allowedBy == nil ? d.nearest?.lacks ?? [] : [])
        }
        return TrafficEvidence(from: c.from, to: c.to, allowed: c.allowed, loopback: c.loopback,
                               egress: side(c.egress), ingress: side(c.ingress), before: [])
    }

    private func rule(_ r: RuleRef, in model: ClusterModel, answer: SourceFile?) -> TrafficEvidence.RuleAt {
        let key = r.direction == .ingress ? "from" : "to"
        var at = TrafficEvidence.RuleAt(policy: r.policy, path: r.path, peer: r.peer.map { "\(key)[\($0)]" },
                                        port: r.port.map { "ports[\($0)]" }, line: nil, inAnswer: false, file: nil)
        guard let origin = model.policies.first(where: { $0.id == r.policy })?.origin else { return at }
        let file = (answer.map { [$0] } ?? []) + sources
        guard let source = file.first(where: { $0.name == origin.file }) else { return at }
        at.line = source.location(ofByte: origin.span(of: r.path).start).line
        at.inAnswer = source.name == answer?.name
        at.file = at.inAnswer ? nil : source.name
        return at
    }
}

extension Array where Element == Problem {
    /// The problems as diagnostics (all of a lab answer's problems point into the answer).
    var diagnostics: [Diagnostic] { map(\.diagnostic) }
}
