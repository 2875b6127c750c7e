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

    @Test func gradedExamsShowUpInProgress() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-home-\(UUID().uuidString)").path
        let path = try PolicyCommandTests.temp("answers.yaml", "{}")
        let graded = try PolicyCommandTests.kcsa(["exam", "--seed", "5", "--answers", path], home: home)
        #expect(graded.status == 1)
        let progress = try PolicyCommandTests.kcsa(["progress", "--json"], home: home)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])
        #expect((obj["exams"] as? [Any])?.count == 1)
        let domains = obj["domains"] as? [[String: Any]] ?? []
        #expect(domains.reduce(0) { $0 + ($1["seen"] as? Int ?? 0) } == 60)

        let notRecorded = try PolicyCommandTests.kcsa(["exam", "--seed", "5", "--answers", path, "--no-record"], home: home)
        #expect(notRecorded.status == 1)
        let again = try PolicyCommandTests.kcsa(["progress", "--json"], home: home)
        let obj2 = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((obj2["exams"] as? [Any])?.count == 1)
    }

    @Test func aBrokenAnswerFileIsAUsageError() throws {
        let path = try PolicyCommandTests.temp("answers.yaml", "- a\n- b\n")
        let r = try PolicyCommandTests.kcsa(["exam", "--answers", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("must map question ids"))
    }
}

/// `kcsa quiz` without a terminal: answers come from standard input, one per line.
@Suite struct QuizCommandTests {
    @Test func aSeededQuizAsksTheSameQuestionsAndScoresTheAnswers() throws {
        let args = ["quiz", "--domain", "security-fundamentals", "--count", "3", "--seed", "21"]
        let first = try PolicyCommandTests.kcsa(args, stdin: "a\na\na\n")
        let second = try PolicyCommandTests.kcsa(args, stdin: "a\na\na\n")
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("1/3 [security-fundamentals /"))
        #expect(first.stdout.contains("Score: "))
        #expect(first.stdout.contains("Sources: https://"))
    }

    @Test func runningOutOfAnswersStopsEarly() throws {
        let r = try PolicyCommandTests.kcsa(["quiz", "--count", "3", "--seed", "2"], stdin: "a\n")
        #expect(r.stdout.contains("(question skipped)"))
        #expect(r.stdout.contains("(stopped after 1)"))
    }

    @Test func anUnknownDomainIsAUsageError() throws {
        let r = try PolicyCommandTests.kcsa(["quiz", "--domain", "nope"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("domains: cloud-native-security"))
    }
}
