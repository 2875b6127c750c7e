import Foundation
import Testing

/// The seeded option shuffle at the command line: `exam --print` is the same for the same
/// seed byte for byte, the letters of an `exam --answers` file are those of that seed's
/// printed paper, and grading goes by option id.
@Suite struct ShuffledOptionsCommandTests {
    static func json(_ text: String) throws -> [String: Any] { try KCSAEnv.json(text) }

    @Test func theSameSeedPrintsTheSamePaperByteForByte() throws {
        let a = try PolicyCommandTests.kcsa(["exam", "--print", "--seed", "31"])
        let b = try PolicyCommandTests.kcsa(["exam", "--print", "--seed", "31"])
        let c = try PolicyCommandTests.kcsa(["exam", "--print", "--seed", "32"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
    }

    /// A question on two papers keeps its options but not their letters.
    @Test func differentSeedsShowAQuestionsOptionsInDifferentOrders() throws {
        var orders: [String: Set<[String]>] = [:]
        for seed in 1...6 {
            let paper = try Self.json(try PolicyCommandTests.kcsa(["exam", "--json", "--seed", "\(seed)"]).stdout)
            for q in paper["questions"] as? [[String: Any]] ?? [] {
                let options = q["options"] as? [[String: Any]] ?? []
                #expect(options.map { $0["letter"] as? String } == ["a", "b", "c", "d", "e"].prefix(options.count).map { $0 })
                orders[q["id"] as? String ?? "", default: []].insert(options.compactMap { $0["id"] as? String })
            }
        }
        let repeated = orders.filter { $0.value.count > 1 }
        #expect(!repeated.isEmpty)
    }

    /// The answer letters a grader reports for a seed, written back as an answer file, score
    /// 100 %; and each letter is the one `exam --json` shows for the answer's option id.
    @Test func anAnswerFileUsesThePrintedPapersLetters() throws {
        let empty = try PolicyCommandTests.temp("empty.yaml", "{}")
        let graded = try Self.json(try PolicyCommandTests.kcsa(["exam", "--seed", "17", "--answers", empty, "--json", "--no-record"]).stdout)
        let items = graded["items"] as? [[String: Any]] ?? []
        #expect(items.count == 60)
        let paper = try Self.json(try PolicyCommandTests.kcsa(["exam", "--seed", "17", "--json"]).stdout)
        var moved = 0
        for (item, q) in zip(items, paper["questions"] as? [[String: Any]] ?? []) {
            let letters = item["answer"] as? [String] ?? [], ids = item["answerIDs"] as? [String] ?? []
            let shown = Dictionary(uniqueKeysWithValues: (q["options"] as? [[String: Any]] ?? []).map {
                ($0["letter"] as? String ?? "", $0["id"] as? String ?? "")
            })
            #expect(Set(letters.map { shown[$0] ?? "?" }) == Set(ids), "\(item)")
            if letters != ids { moved += 1 }
        }
        #expect(moved > 20, "answers whose letter differs from the option id: \(moved)")
        let file = items.map { "\($0["id"] as? String ?? ""): \(($0["answer"] as? [String] ?? []).joined(separator: ","))" }
        let path = try PolicyCommandTests.temp("answers.yaml", file.joined(separator: "\n") + "\n")
        let r = try PolicyCommandTests.kcsa(["exam", "--seed", "17", "--answers", path, "--json", "--no-record"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.json(r.stdout)["correct"] as? Int == 60)
        // The same letters against another seed's paper are not all right.
        let other = try Self.json(try PolicyCommandTests.kcsa(["exam", "--seed", "18", "--answers", path, "--json", "--no-record"]).stdout)
        #expect((other["correct"] as? Int ?? 60) < 60)
    }

    @Test func theExamHelpSaysWhatTheLettersMean() throws {
        let r = try PolicyCommandTests.kcsa(["exam", "--help"])
        let text = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("its letters are those of the paper `kcsa exam --print --seed N` shows for the same seed"))
        #expect(text.contains("Grading is by option, never by letter."))
    }

    /// The same quiz seed shows the same options in the same order; a question's letters
    /// follow the seed.
    @Test func aQuizSeedFixesTheOptionOrderToo() throws {
        let args = ["quiz", "--count", "4", "--seed", "8"]
        let a = try PolicyCommandTests.kcsa(args, stdin: "a\na\na\na\n")
        let b = try PolicyCommandTests.kcsa(args, stdin: "a\na\na\na\n")
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("Score: "))
    }
}
