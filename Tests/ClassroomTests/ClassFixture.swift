@testable import Classroom
import Foundation
import Labs
import TestSupport

/// The course beside the tests, a small class over four labs of different kinds, and
/// bundles built from answers.
enum ClassFixture {
    static let root = SharedFolder.packageRoot().path
    static let catalog = LabCatalog.load(root: root)
    static let resources = LabResources(root: root, cacheDirectory: nil, generatorStamp: "classroom-tests")
    static let labIDs = ["levels-what-each-records", "query-secret-access", "fix-bad-level", "precedence-rule-order"]
    static let salt = String(repeating: "5a", count: 32)

    static var spec: ClassSpec {
        ClassSpec(id: "spring", title: "Spring", labs: labIDs.map { .init(id: $0, due: ClassDate.parse("2026-12-20T18:00:00Z")) },
                  salt: salt)
    }

    static let roster = Roster(learners: (1...6).map { Roster.Learner(id: "learner-\($0)", name: "Learner \($0)") })

    static var grader: ClassGrader {
        ClassGrader(spec: spec, roster: roster, labs: labIDs.compactMap { catalog.lab($0) },
                    checker: LabChecker(resources: resources), bank: nil,
                    contentDigest: ContentDigest.compute(root: root, spec: spec))
    }

    static func keys(_ learner: String) -> VariantKeys { VariantKeys(salt: salt, classID: "spring", learnerID: learner) }

    /// The learner's own variant of a lab.
    static func lab(_ id: String, for learner: String) -> Lab {
        catalog.lab(id)!.resolved(for: keys(learner).variant(lab: id))
    }

    static func date(_ s: String) -> Date { ClassDate.parse(s)! }

    static func bundle(_ learner: String, _ answers: [String: [String]], at: String = "2026-12-10T10:00:00Z",
                       classID: String = "spring", digest: String? = nil) -> SubmissionBundle {
        let labs = labIDs.map { id in
            SubmissionBundle.LabWork(id: id, hintsUsed: 0, attempts: (answers[id] ?? []).enumerated().map {
                .init(answer: $0.element, at: date(at).addingTimeInterval(Double($0.offset) * 60))
            })
        }
        return SubmissionBundle(classID: classID, learnerID: learner, kcsaVersion: "test",
                                contentDigest: digest ?? ContentDigest.compute(root: root, spec: spec),
                                createdAt: date(at).addingTimeInterval(3600), labs: labs, exam: nil)
    }

    static func submission(_ name: String, _ b: SubmissionBundle) -> ClassGrader.Submission {
        .init(name: name, data: b.encoded())
    }
}
