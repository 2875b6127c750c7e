import Foundation
import Testing

/// Generated questions through the command line: on exam papers with `--generated`, and
/// proved by `kcsa content check`.
@Suite struct GeneratedQuestionCommandTests {
    static func paperIDs(_ args: [String]) throws -> [String] {
        let r = try PolicyCommandTests.kcsa(args)
        #expect(r.status == 0)
        let paper = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (paper["questions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func aGeneratedPaperIsReproducibleAndGradedByID() throws {
        let ids = try Self.paperIDs(["exam", "--seed", "11", "--generated", "--json"])
        #expect(try Self.paperIDs(["exam", "--seed", "11", "--generated", "--json"]) == ids)
        #expect(ids.count == 60)
        let generated = ids.filter { $0.hasPrefix("sf-gen-") }
        #expect(generated.count == 3)
        #expect(try Self.paperIDs(["exam", "--seed", "11", "--json"]).filter { $0.hasPrefix("sf-gen-") }.isEmpty)

        let path = try PolicyCommandTests.temp("answers.yaml", generated.map { "\($0): a" }.joined(separator: "\n"))
        let graded = try PolicyCommandTests.kcsa(["exam", "--seed", "11", "--generated", "--answers", path, "--json", "--no-record"])
        #expect(!graded.stderr.contains("not on paper"), "\(graded.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(graded.stdout.utf8)) as? [String: Any])
        let items = result["items"] as? [[String: Any]] ?? []
        for id in generated {
            let item = try #require(items.first { $0["id"] as? String == id })
            #expect(item["chosen"] as? [String] == ["a"])
        }
        // Without --generated, the same answers name questions that are not on the paper.
        let plain = try PolicyCommandTests.kcsa(["exam", "--seed", "11", "--answers", path, "--no-record"])
        #expect(plain.stderr.contains("not on paper 11"))
    }

    @Test func contentCheckProvesGeneratedQuestions() throws {
        let r = try PolicyCommandTests.kcsa(["content", "check", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["generated"] as? Int == 800)
        #expect(obj["ok"] as? Bool == true)
    }
}
