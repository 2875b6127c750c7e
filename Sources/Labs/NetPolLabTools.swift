import Diagnostics
import NetworkPolicy

/// What the session's tools need from a NetworkPolicy lab: its cluster to `peek` at, and
/// the engine's explanation of a connection under the learner's answer (netpol) or under
/// the lab's policies after its deletions (netpol-predict) for `explain`.
public enum NetPolLabTools {
    /// The cluster of a netpol or netpol-predict lab and the policies it ships (nil for other kinds).
    public static func cluster(_ lab: Lab, resources: LabResources) throws(LabCheckError) -> ClusterModel? {
        switch lab.spec {
        case .netpol(let s): try NetPolWorld.load(s.cluster, lab: lab, resources: resources).model
        case .netpolPredict(let s): try NetPolWorld.load(s.cluster, lab: lab, resources: resources).model
        default: nil
        }
    }

    /// The policies a prediction is about: the cluster's, less the lab's deletions.
    public static func deleted(_ lab: Lab) -> [String] {
        if case .netpolPredict(let s) = lab.spec { return s.deleted }
        return []
    }

    /// Why `connection` is allowed or blocked: under the answer's policies added to the
    /// cluster's (a netpol lab; an answer that is not accepted gives its diagnostics), or
    /// the cluster's after the deletions (a netpol-predict lab; the answer is not used).
    public static func explain(_ lab: Lab, answer: SourceFile, connection: ConnectionSpec, resources: LabResources)
        throws(LabCheckError) -> Result<TrafficEvidence, ClusterError> {
        switch lab.spec {
        case .netpol(let spec):
            let world = try NetPolWorld.load(spec.cluster, lab: lab, resources: resources)
            let (policies, problems) = NetPolGrader.policies(in: answer)
            if problems.hasErrors { return .failure(ClusterError(problems)) }
            let model: ClusterModel
            do { model = try world.model.with(policies: world.model.policies + policies) } catch { return .failure(error) }
            return .success(world.evidence(try world.connection(connection, in: model, lab: lab), in: model, answer: answer))
        case .netpolPredict(let spec):
            let world = try NetPolWorld.load(spec.cluster, lab: lab, resources: resources)
            let grader = NetPolPredictGrader(lab: lab, spec: spec, resources: resources)
            let (before, after) = try grader.models(world)
            var e = world.evidence(try world.connection(connection, in: after, lab: lab), in: after, answer: nil)
            if !spec.deleted.isEmpty {
                e.before = [world.evidence(try world.connection(connection, in: before, lab: lab), in: before, answer: nil)]
            }
            return .success(e)
        default:
            throw .content("\(lab.id) is not a NetworkPolicy lab")
        }
    }
}
