import Foundation
import Testing

/// `kcsa exam` for autograding: a seeded paper and a graded answer file.
@Suite struct ExamCommandTests {
    @Test func aSeedAlwaysPrintsTheSamePaper() throws {
        let a = try PolicyCommandTests.kcsa(["exam", "--seed", "11", "--json"])
        let b = try PolicyCommandTests.kcsa(["exam", "--seed", "11", "--json"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let paper = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        #expect((paper["questions"] as? [Any])?.count == 60)
    }

    @Test func anAnswerFileIsGradedPerDomain() throws {
        let r = try PolicyCommandTests.kcsa(["exam", "--seed", "11", "--json"])
        let paper = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let ids = (paper["questions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        // Answer everything "a": some right, most wrong.
        let answers = ids.map { "\($0): a" }.joined(separator: "\n")
        let path = try PolicyCommandTests.temp("answers.yaml", answers)
        let graded = try PolicyCommandTests.kcsa(["exam", "--seed", "11", "--answers", path, "--json"])
        #expect(graded.status == 1, "all-a should not pass")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(graded.stdout.utf8)) as? [String: Any])
        #expect(result["total"] as? Int == 60)
        #expect((result["domains"] as? [Any])?.count == 6)
        #expect(result["passed"] as? Bool == false)
    }

    @Test func aBrokenAnswerFileIsAUsageError() throws {
        let path = try PolicyCommandTests.temp("answers.yaml", "- a\n- b\n")
        let r = try PolicyCommandTests.kcsa(["exam", "--answers", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("must map question ids"))
    }
}
