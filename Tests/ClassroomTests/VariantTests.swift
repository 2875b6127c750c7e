@testable import Classroom
import Diagnostics
import Foundation
import Labs
import Testing

/// Learners' variants: derived from salt, class and learner, carried by the handout
/// without the salt, and different enough that answers cannot be shared.
struct VariantTests {
    @Test func seedsAreStableAndDifferPerLearnerAndItem() {
        let a = ClassFixture.keys("learner-1"), b = ClassFixture.keys("learner-2")
        #expect(a.seed("fix-bad-level") == ClassFixture.keys("learner-1").seed("fix-bad-level"))
        #expect(a.seed("fix-bad-level") != b.seed("fix-bad-level"))
        #expect(a.seed("fix-bad-level") != a.seed("query-secret-access"))
        #expect(a.examSeed < 1_000_000_000)
        // Another class with the same salt gives other seeds.
        #expect(VariantKeys(salt: ClassFixture.salt, classID: "autumn", learnerID: "learner-1").learnerKey != a.learnerKey)
    }

    @Test func theHandoutCarriesKeysButNotTheSalt() throws {
        let handout = Handout(spec: ClassFixture.spec, contentDigest: "d", learners: ClassFixture.roster.learners)
        let text = String(decoding: handout.encoded(), as: UTF8.self)
        #expect(!text.contains(ClassFixture.salt))
        let back = try Handout.decode(handout.encoded(), name: "h.json")
        let joined = try #require(back.join(as: "learner-3"))
        #expect(joined.keys == ClassFixture.keys("learner-3"))
        #expect(back.join(as: "learner-99") == nil)
        // A per-learner handout holds one key only.
        let one = Handout(spec: ClassFixture.spec, contentDigest: "d", learners: [ClassFixture.roster.learners[0]])
        #expect(one.learners.keys.sorted() == ["learner-1"])
    }

    @Test func queryLabsTakeTheLearnersSeedForTheVisibleLog() throws {
        let lab = ClassFixture.lab("query-secret-access", for: "learner-1")
        guard case .query(let q) = lab.spec, case .query(let base) = ClassFixture.catalog.lab("query-secret-access")!.spec else {
            Issue.record("not a query lab")
            return
        }
        #expect(q.seeds[0] == ClassFixture.keys("learner-1").seed("query-secret-access") % LabVariant.querySeedRange)
        #expect(Array(q.seeds.dropFirst()) == Array(base.seeds.dropFirst()))
    }

    /// Two learners whose variants of each predict lab differ, found from the roster.
    static func differingPair(_ labID: String) -> (String, String)? {
        let ids = ClassFixture.roster.learners.map(\.id)
        let lab = ClassFixture.catalog.lab(labID)!
        for a in ids {
            for b in ids where b > a {
                let va = ClassFixture.keys(a).seed(labID) % UInt64(lab.variantCount)
                let vb = ClassFixture.keys(b).seed(labID) % UInt64(lab.variantCount)
                if va != vb { return (a, b) }
            }
        }
        return nil
    }

    @Test(arguments: ["levels-what-each-records", "precedence-rule-order"])
    func twoLearnersOfAPredictLabHaveDifferentCorrectAnswers(_ labID: String) throws {
        #expect(ClassFixture.catalog.lab(labID)!.variantCount == 3)
        let (a, b) = try #require(Self.differingPair(labID))
        let labA = ClassFixture.lab(labID, for: a), labB = ClassFixture.lab(labID, for: b)
        #expect(labA.reference != labB.reference)
        let checker = LabChecker(resources: ClassFixture.resources)
        let written = ClassFixture.catalog.lab(labID)!
        // A's correct answer passes A's variant and fails B's.
        let onA = try checker.check(written, answer: SourceFile(name: "a", text: labA.reference),
                                    variant: ClassFixture.keys(a).variant(lab: labID))
        let onB = try checker.check(written, answer: SourceFile(name: "a", text: labA.reference),
                                    variant: ClassFixture.keys(b).variant(lab: labID))
        #expect(onA.passed)
        #expect(!onB.passed)
    }

    @Test func everyVariantOfEveryLabChecksItself() {
        let checker = LabChecker(resources: ClassFixture.resources)
        for id in ["levels-what-each-records", "precedence-rule-order"] {
            #expect(checker.selfCheck(ClassFixture.catalog.lab(id)!).isEmpty, "\(id)")
        }
    }

    @Test func theStandardVariantIsTheLabAsWritten() throws {
        let lab = ClassFixture.catalog.lab("levels-what-each-records")!
        let resolved = lab.resolved(for: .standard)
        #expect(resolved.reference == lab.reference)
        #expect(resolved.task == lab.task)
    }
}
