import Diagnostics
import JQ

/// Checks an answer to a lab with the grader its kind needs. The same checker serves
/// `kcsa lab check`, the REPL's `check` and `kcsa content check`.
public struct LabChecker: Sendable {
    public var resources: LabResources
    /// Limits on a learner's answer (LabLimits.swift): the same for every caller.
    public var limits = LabLimits.standard

    public init(resources: LabResources) { self.resources = resources }

    /// Checks `answer` (the text of a policy, jq program or prediction) on the learner's
    /// `variant` of the lab (a class's; `.standard` is the lab as written).
    public func check(_ lab: Lab, answer: SourceFile, variant: LabVariant = .standard,
                      cancellation: JQCancellation = JQCancellation()) throws(LabCheckError) -> LabReport {
        let lab = lab.resolved(for: variant)
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
    /// the reference must pass, the starter must not, in every variant; and each variant's
    /// reference must fail the lab as written (or the variant changes no answer).
    public func selfCheck(_ lab: Lab) -> [SelfCheckProblem] {
        do {
            var problems: [SelfCheckProblem] = []
            for index in 0..<lab.variantCount {
                let v = lab.variant(index: index)
                let name = index == 0 ? lab.id : "\(lab.id) variant \(index)"
                let r = try check(v, answer: SourceFile(name: "\(name) reference", text: v.reference))
                if !r.passed { problems.append(.referenceFails(r)) }
                let s = try check(v, answer: SourceFile(name: "\(name) starter", text: v.starter))
                if s.passed { problems.append(.starterPasses) }
                if index > 0, try check(lab.variant(index: 0), answer: SourceFile(name: name, text: v.reference)).passed {
                    problems.append(.variantSameAnswer(index))
                }
            }
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
    /// Variant N's reference also passes the lab as written: it changes no answer.
    case variantSameAnswer(Int)
    /// The lab could not be checked at all.
    case uncheckable(LabCheckError)
}
