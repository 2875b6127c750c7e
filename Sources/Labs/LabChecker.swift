import Diagnostics
import JQ

/// Checks an answer to a lab with the grader its kind needs. The same checker serves
/// `kcsa lab check`, the REPL's `check` and `kcsa content check`.
public struct LabChecker {
    public var resources: LabResources
    /// Limits on a learner's answer (LabLimits.swift): the same for every caller.
    public var limits = LabLimits.standard

    public init(resources: LabResources) { self.resources = resources }

    /// Checks `answer` (the text of a policy, jq program or prediction).
    public func check(_ lab: Lab, answer: SourceFile, cancellation: JQCancellation = JQCancellation())
        throws(LabCheckError) -> LabReport {
        switch lab.spec {
        case .policy(let spec), .fix(let spec):
            return try PolicyGrader(lab: lab, spec: spec, resources: resources).grade(answer) { cancellation.isCancelled }
        case .query(let spec):
            return try QueryGrader(lab: lab, spec: spec, resources: resources, limits: limits)
                .grade(answer, cancellation: cancellation)
        case .predict(let spec):
            return try PredictGrader(lab: lab, spec: spec, resources: resources).grade(answer)
        case .pssManifest(let spec):
            return PSSManifestGrader(lab: lab, spec: spec).grade(answer)
        case .pssLabels(let spec):
            return PSSLabelsGrader(lab: lab, spec: spec).grade(answer)
        case .pssPredict(let spec):
            return PSSPredictGrader(lab: lab, spec: spec).grade(answer)
        case .netpol(let spec):
            return try NetPolGrader(lab: lab, spec: spec, resources: resources).grade(answer)
        case .netpolPredict(let spec):
            return try NetPolPredictGrader(lab: lab, spec: spec, resources: resources).grade(answer)
        // RBAC lab kinds
        case .rbac(let spec):
            return try RBACGrader(lab: lab, spec: spec).grade(answer)
        case .rbacPredict(let spec):
            return try RBACPredictGrader(lab: lab, spec: spec).grade(answer)
        }
    }

    /// Checks the lab's own reference and starter (for `kcsa content check` and tests):
    /// the reference must pass, the starter must not.
    public func selfCheck(_ lab: Lab) -> [SelfCheckProblem] {
        do {
            var problems: [SelfCheckProblem] = []
            let r = try check(lab, answer: SourceFile(name: "\(lab.id) reference", text: lab.reference))
            if !r.passed { problems.append(.referenceFails(r)) }
            let s = try check(lab, answer: SourceFile(name: "\(lab.id) starter", text: lab.starter))
            if s.passed { problems.append(.starterPasses) }
            return problems
        } catch {
            return [.uncheckable(error)]
        }
    }
}

/// What is wrong with a lab whose own answers do not behave.
public enum SelfCheckProblem: Sendable {
    /// The reference solution does not pass its own checker.
    case referenceFails(LabReport)
    /// The starter passes, so the lab teaches nothing.
    case starterPasses
    /// The lab could not be checked at all.
    case uncheckable(LabCheckError)
}
