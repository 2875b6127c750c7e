import Foundation
import Testing

/// Runs the built `kcsa` with extra environment (a moving KCSA_NOW, a shared KCSA_HOME).
enum KCSAEnv {
    static func run(_ args: [String], stdin: String = "", env extra: [String: String]) throws -> PolicyCommandTests.Run {
        try PolicyCommandTests.kcsa(args, stdin: stdin, environment: extra)
    }

    static func home() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-home-\(UUID().uuidString)").path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

/// `kcsa exam --interactive` with answers from a pipe: the same flow a learner has on a terminal.
@Suite struct InteractiveExamTests {
    static let args = ["exam", "--interactive", "--seed", "7", "--count", "5", "--minutes", "10"]

    @Test func aScriptedExamIsAnsweredFlaggedReviewedSubmittedAndRecorded() throws {
        let home = KCSAEnv.home()
        let r = try KCSAEnv.run(Self.args, stdin: "a\nf\nb\nr\nsubmit\nn\ng 5\nsubmit\ny\n", env: ["KCSA_HOME": home])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("KCSA practice exam: 5 questions, 10 minutes, pass mark 75%."))
        #expect(out.contains("Question 1 of 5  -  10:00 left"))
        #expect(out.contains("Question 2 flagged for review."))
        #expect(out.contains("Review: 2 answered, 3 unanswered, 1 flagged"))
        #expect(out.contains("    2  answered    b         flagged"))
        #expect(out.contains("You have 3 unanswered and 1 flagged questions."))
        #expect(out.contains("Not submitted; carry on."))
        #expect(out.contains("Question 5 of 5"))
        #expect(out.contains("Exam submitted."))
        // No explanation before the report.
        let report = try #require(out.range(of: "Exam submitted."))
        #expect(!out[..<report.lowerBound].contains("Sources: https://"))
        #expect(out.contains("NOT PASSED (pass mark 75%)"))
        #expect(out.contains("By domain (each against the 75% line)"))
        #expect(out.contains("Platform Security"))
        #expect(out.contains("Missed questions"))
        #expect(out.contains("You answered: no answer"))
        #expect(!out.contains("\u{1B}["))
        let progress = try KCSAEnv.json(try KCSAEnv.run(["progress", "--json"], env: ["KCSA_HOME": home]).stdout)
        #expect((progress["exams"] as? [Any])?.count == 1)
        let review = progress["review"] as? [String: Any]
        #expect(review?["cards"] as? Int == 5 - ((try? Self.correctCount(out)) ?? 0))
    }

    static func correctCount(_ out: String) throws -> Int {
        let line = try #require(out.split(separator: "\n").first { $0.hasPrefix("Score: ") })
        return Int(line.dropFirst("Score: ".count).prefix { $0.isNumber }) ?? -1
    }

    @Test func theEndOfInputSubmitsWhatWasAnswered() throws {
        let r = try KCSAEnv.run(Self.args, stdin: "a\n", env: ["KCSA_HOME": KCSAEnv.home()])
        #expect(r.stdout.contains("End of input: the exam was submitted with the answers given so far."))
        #expect(r.stdout.contains("Score: "))
    }

    @Test func theSameSeedGivesTheSameQuestions() throws {
        let a = try KCSAEnv.run(Self.args, stdin: "", env: ["KCSA_HOME": KCSAEnv.home()])
        let b = try KCSAEnv.run(Self.args, stdin: "", env: ["KCSA_HOME": KCSAEnv.home()])
        #expect(a.stdout == b.stdout)
        let random = try KCSAEnv.run(["exam", "--interactive", "--count", "5"], stdin: "", env: ["KCSA_HOME": KCSAEnv.home()])
        #expect(random.stdout.contains("gives the same paper again."))
    }

    @Test func theReplRunsTheExamToo() throws {
        let r = try KCSAEnv.run([], stdin: "exam --seed 7 --count 5 --minutes 10\na\nsubmit\ny\nhelp exam\nquit\n",
                                env: ["KCSA_HOME": KCSAEnv.home()])
        #expect(r.stdout.contains("Question 2 of 5"))
        #expect(r.stdout.contains("Exam submitted."))
        #expect(r.stdout.contains("Ctrl-C asks whether to abandon the exam"))
    }
}

/// `kcsa review`: missed questions come back on the SM-2 schedule as KCSA_NOW moves.
@Suite struct ReviewCommandTests {
    static func at(_ day: Int) -> String { "2026-05-0\(day)T10:00:00Z" }

    /// For each question asked in a quiz or review transcript, the letters shown for its
    /// right options and the first letter shown for a wrong one.
    static func keys(_ stdout: String) -> [String: (right: String, wrong: String)] {
        var out: [String: (right: String, wrong: String)] = [:]
        var current = ""
        for line in stdout.split(separator: "\n") {
            if line.contains("] "), line.first?.isNumber == true || line.hasPrefix("review ") {
                current = String(line.split(separator: " ").last!)
                out[current] = ("", "")
            }
            guard line.hasPrefix("  "), line.count > 5, var key = out[current] else { continue }
            let letter = String(line.dropFirst(2).prefix(1))
            if line.dropFirst(3).hasPrefix(") right: ") { key.right += key.right.isEmpty ? letter : " " + letter }
            if line.dropFirst(3).hasPrefix(") wrong: "), key.wrong.isEmpty { key.wrong = letter }
            out[current] = key
        }
        return out
    }

    /// The letters a review at `env` would show: options are shuffled per review, so a copy
    /// of the home is reviewed first and thrown away.
    static func reviewKeys(home: String, env: [String: String]) throws -> [String: (right: String, wrong: String)] {
        let scratch = KCSAEnv.home()
        try FileManager.default.copyItem(atPath: home, toPath: scratch)
        var copy = env
        copy["KCSA_HOME"] = scratch
        let r = try KCSAEnv.run(["review"], stdin: String(repeating: "a b\na\n", count: 4), env: copy)
        return keys(r.stdout)
    }

    @Test func missedQuestionsComeBackWhenDueAndBecomeLeeches() throws {
        let home = KCSAEnv.home()
        func env(_ day: Int) -> [String: String] { ["KCSA_HOME": home, "KCSA_NOW": Self.at(day)] }
        // The letters of the quiz's options, from the same seeded quiz taken elsewhere.
        let scratch = try KCSAEnv.run(["quiz", "--count", "3", "--seed", "4"], stdin: "a\na\na\n",
                                      env: ["KCSA_HOME": KCSAEnv.home(), "KCSA_NOW": Self.at(1)])
        let quizKeys = Self.keys(scratch.stdout)
        let order = scratch.stdout.split(separator: "\n").filter { $0.contains("] ") && $0.first?.isNumber == true }
            .map { String($0.split(separator: " ").last!) }
        #expect(order.count == 3 && quizKeys.values.allSatisfy { !$0.wrong.isEmpty }, "\(scratch.stdout)")
        // Day 1: three wrong answers in a quiz make three cards, due on day 2.
        let quiz = try KCSAEnv.run(["quiz", "--count", "3", "--seed", "4"],
                                   stdin: order.map { quizKeys[$0]?.wrong ?? "a" }.joined(separator: "\n") + "\n", env: env(1))
        #expect(quiz.stdout.components(separatedBy: "Back for review in 1 day.").count == 4, "\(quiz.stdout)")

        let nothing = try KCSAEnv.run(["review"], env: env(1))
        #expect(nothing.stdout == "Nothing is due. The next review is due \(Self.at(2)) (in 1 day).\n")
        let listed = try KCSAEnv.json(try KCSAEnv.run(["review", "--json"], env: env(2)).stdout)
        let due = (listed["due"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(due == order.sorted())

        // Day 2: the first right, the others wrong again, by the letters this review shows.
        var k = try Self.reviewKeys(home: home, env: env(2))
        let script = due.enumerated().map { i, id in i == 0 ? k[id]?.right ?? "a" : k[id]?.wrong ?? "a" }
        let day2 = try KCSAEnv.run(["review"], stdin: script.joined(separator: "\n") + "\n", env: env(2))
        #expect(day2.stdout.contains("Review: 3 of 3 due questions."))
        #expect(day2.stdout.contains("Reviewed 3: 1 right."), "\(day2.stdout)")
        let after = try KCSAEnv.json(try KCSAEnv.run(["review", "--json"], env: env(3)).stdout)
        let cards = after["due"] as? [[String: Any]] ?? []
        #expect(cards.count == 3)
        #expect(cards.first { $0["id"] as? String == due[0] }?["repetitions"] as? Int == 1)
        #expect(cards.first { $0["id"] as? String == due[1] }?["lapses"] as? Int == 2)

        // Days 3 and 4: the second card is missed twice more, its fourth miss: a leech.
        k = try Self.reviewKeys(home: home, env: env(3))
        _ = try KCSAEnv.run(["review", "--count", "3"], stdin: [k[due[0]]?.right, k[due[1]]?.wrong, k[due[2]]?.wrong]
            .map { $0 ?? "a" }.joined(separator: "\n") + "\n", env: env(3))
        k = try Self.reviewKeys(home: home, env: env(4))
        let day4 = try KCSAEnv.run(["review"], stdin: "\(k[due[1]]?.wrong ?? "a")\n\(k[due[2]]?.wrong ?? "a")\n", env: env(4))
        #expect(day4.stdout.contains("leech: you have missed \(due[1]) 4 times - read the explanation and its sources"))
        let progress = try KCSAEnv.json(try KCSAEnv.run(["progress", "--json"], env: env(4)).stdout)
        let leeches = ((progress["review"] as? [String: Any])?["leeches"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(leeches == [due[1], due[2]])
        let text = try KCSAEnv.run(["progress"], env: env(4)).stdout
        #expect(text.contains("2 leeches (missed 4 times or more"))
    }

    @Test func aBadNowIsAUsageError() throws {
        let r = try KCSAEnv.run(["review"], env: ["KCSA_HOME": KCSAEnv.home(), "KCSA_NOW": "tomorrow"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("KCSA_NOW: tomorrow is not an ISO 8601 time"))
    }
}
