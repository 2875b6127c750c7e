@testable import Classroom
import Foundation
import Labs
import Testing

/// Re-grading: answers, not claims; bad bundles reported by name while the others are graded.
struct GraderTests {
    static func answers(for learner: String) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: ClassFixture.labIDs.map { ($0, [ClassFixture.lab($0, for: learner).reference]) })
    }

    @Test func rightAnswersPassOnTheLearnersOwnVariant() throws {
        let run = ClassFixture.grader.grade([ClassFixture.submission("one.json", ClassFixture.bundle("learner-1",
                                                                                                     Self.answers(for: "learner-1")))])
        #expect(run.rejected.isEmpty)
        let g = try #require(run.graded.first)
        #expect(g.attempts.count == 4)
        #expect(g.attempts.allSatisfy { $0.passed }, "\(g.attempts.filter { !$0.passed })")
    }

    @Test func claimsInAnEditedBundleAreNotRead() throws {
        // A wrong answer, with a forged result added to the JSON.
        let b = ClassFixture.bundle("learner-2", ["fix-bad-level": ["rules: []\n"]])
        var text = String(decoding: b.encoded(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"answer\" :", with: "\"passed\" : true, \"score\" : 100, \"answer\" :")
        text = text.replacingOccurrences(of: "\"format\" :", with: "\"results\" : {\"fix-bad-level\": \"passed\"}, \"format\" :")
        let run = ClassFixture.grader.grade([.init(name: "forged.json", data: Data(text.utf8))])
        let g = try #require(run.graded.first)
        #expect(g.attempts.count == 1)
        #expect(g.attempts[0].passed == false)
        #expect(!g.attempts[0].failedChecks.isEmpty)
    }

    @Test func badSubmissionsAreReportedAndTheGoodOnesGraded() throws {
        let good = ClassFixture.bundle("learner-1", Self.answers(for: "learner-1"))
        let data = good.encoded()
        let inputs: [ClassGrader.Submission] = [
            .init(name: "truncated.json", data: data.prefix(data.count / 2)),
            .init(name: "corrupt.json", data: Data("{\"format\": kcsa}".utf8)),
            .init(name: "empty.json", data: Data()),
            .init(name: "other-format.json", data: Data("{\"format\": \"x\"}".utf8)),
            ClassFixture.submission("other-class.json", ClassFixture.bundle("learner-1", [:], classID: "autumn")),
            ClassFixture.submission("stranger.json", ClassFixture.bundle("mallory", [:])),
            ClassFixture.submission("old-content.json", ClassFixture.bundle("learner-3", [:], digest: String(repeating: "0", count: 64))),
            .init(name: "good.json", data: data),
        ]
        let run = ClassFixture.grader.grade(inputs)
        #expect(run.graded.map(\.file) == ["good.json"])
        let reasons = Dictionary(uniqueKeysWithValues: run.rejected.map { ($0.file, $0.reason) })
        #expect(reasons["truncated.json"]?.hasPrefix("is not valid JSON: ") == true)
        #expect(reasons["truncated.json"]?.contains(" at EOF at line ") == true)
        #expect(reasons["truncated.json"]?.hasSuffix("(the file is truncated)") == true)
        #expect(reasons["corrupt.json"]?.hasPrefix("is not valid JSON: Invalid numeric literal at line 1, column 16") == true,
                "\(reasons["corrupt.json"] ?? "")")
        #expect(reasons["empty.json"] == "is empty")
        #expect(reasons["other-format.json"] == "is not a kcsa submission: `format_version` is missing")
        #expect(reasons["other-class.json"] == "is for class \"autumn\", not \"spring\"")
        #expect(reasons["stranger.json"] == "is from \"mallory\", who is not on the roster")
        #expect(reasons["old-content.json"]?.hasPrefix("was made with other course content") == true)
    }

    @Test func theGradebookKeepsOlderSubmissionsAndCountsTheNewest() throws {
        let book = try Gradebook()
        let older = ClassFixture.bundle("learner-1", ["fix-bad-level": ["rules: []\n"]], at: "2026-12-01T10:00:00Z")
        let newer = ClassFixture.bundle("learner-1", Self.answers(for: "learner-1"), at: "2026-12-05T10:00:00Z")
        let grader = ClassFixture.grader
        _ = try book.record(grader.grade([ClassFixture.submission("newer.json", newer)]), at: Date())
        // The older one arrives late: it is kept but does not count.
        let outcome = try book.record(grader.grade([ClassFixture.submission("older.json", older)]), at: Date())
        #expect(outcome.superseded == [.init(learnerID: "learner-1", older: "older.json", newer: "newer.json")])
        let work = try #require(try book.currentWork()["learner-1"])
        #expect(work.file == "newer.json")
        #expect(work.submissions == 2)
        #expect(work.attempts.allSatisfy { $0.passed })
        // The same file again is graded again, not stored twice.
        let again = try book.record(grader.grade([ClassFixture.submission("newer.json", newer)]), at: Date())
        #expect(again.regraded == ["newer.json"])
        #expect(try book.counts().submissions == 2)
    }

    @Test func standingAndExports() throws {
        let book = try Gradebook()
        let l1 = ClassFixture.bundle("learner-1", Self.answers(for: "learner-1"))
        // learner-2: fix-bad-level right on the third attempt, the rest wrong; late.
        var a2 = ["fix-bad-level": ["rules: []\n", "apiVersion: v1\n", ClassFixture.lab("fix-bad-level", for: "learner-2").reference]]
        a2["levels-what-each-records"] = ["a: {level: None}\n"]
        let l2 = ClassFixture.bundle("learner-2", a2, at: "2026-12-21T10:00:00Z")
        _ = try book.record(ClassFixture.grader.grade([ClassFixture.submission("1.json", l1), ClassFixture.submission("2.json", l2)]),
                            at: Date())
        let s = ClassStanding.compute(spec: ClassFixture.spec, roster: ClassFixture.roster, work: try book.currentWork())
        #expect(s.rows[0].total == 40)
        #expect(s.rows[1].cells[2] .attempts == 3)
        #expect(s.rows[1].cells[2].passed)
        #expect(s.rows[1].cells[2].late)
        #expect(s.rows[1].total == 10)
        #expect(s.rows[2].submitted == false)
        let csv = GradeExports.csv(s)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "identifier,name," + ClassFixture.labIDs.joined(separator: ",") + ",total,late")
        #expect(lines[1] == "learner-1,Learner 1,10,10,10,10,40,")
        #expect(lines[2] == "learner-2,Learner 2,0,0,10,0,10,levels-what-each-records fix-bad-level")
        #expect(lines[3] == "learner-3,Learner 3,0,0,0,0,0,")
        let junit = GradeExports.junit(s)
        #expect(junit.contains("<testsuite name=\"learner-2\" tests=\"4\" failures=\"3\">"))
        #expect(junit.contains("<testcase classname=\"fix-bad-level\" name=\"fix-bad-level\">"))
        let levels = try #require(s.labs.first)
        #expect(levels.passed == 1)
        #expect(levels.mostFailed?.learners == 1)
    }
}

/// Check names are counted across variants.
struct CheckNameTests {
    @Test(arguments: [
        ("the log you can see (dev-small, seed 829436625)", "the log you can see (dev-small)"),
        ("hidden log 1 (dev-small, another seed)", "hidden log 1 (dev-small, another seed)"),
        ("a: GET /api/v1/pods as alice", "a: GET /api/v1/pods as alice"),
    ])
    func theLearnersSeedIsTakenOut(_ name: String, _ expected: String) {
        #expect(ClassGrader.checkName(name) == expected)
    }
}
