import Foundation
import Testing
import JSONValue

/// Every jq query of the seed chapter ("Analyzing Audit Logs", "Common Audit
/// Queries"), plus the benchmark's fixed privileged-pod query, run by
/// `kcsa jq` over a 30-event audit log and compared byte for byte with jq 1.8.2.
///
/// The expected outputs in Fixtures/jq-audit/expected were recorded once with
/// jq 1.8.2 (`pip install jq==1.13.0` and shared/conformance/jq/pyjq_cli.py)
/// by Fixtures/jq-audit/record.py; CI needs neither pip nor jq.
struct JQAuditQueryTests {
    static let fixtures: String = {
        let file = #filePath
        let dir = file[..<file.lastIndex(of: "/")!]
        return dir + "/Fixtures/jq-audit"
    }()

    struct Query: CustomTestStringConvertible, Sendable {
        var id: String
        var args: [String]
        var testDescription: String { id }
    }

    static func read(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    static let queries: [Query] = {
        guard let list = try? JSONParser.parse(bytes: read(fixtures + "/queries.json")).arrayValue else { return [] }
        return list.map { q in
            Query(id: q["id"]?.stringValue ?? "?", args: q["args"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
    }()

    @Test func fixturesArePresent() {
        #expect(JQAuditQueryTests.queries.count >= 15)
        #expect(JQAuditQueryTests.read(JQAuditQueryTests.fixtures + "/audit.jsonl").count > 10_000)
    }

    @Test("same bytes and status as jq 1.8.2", arguments: JQAuditQueryTests.queries)
    func matchesJq(query: Query) {
        let dir = JQAuditQueryTests.fixtures
        let input = JQAuditQueryTests.read(dir + "/audit.jsonl")
        let result = JQTestHarness.run(query.args, stdinBytes: input)
        let expected = JQAuditQueryTests.read("\(dir)/expected/\(query.id).stdout")
        let expectedErr = String(decoding: JQAuditQueryTests.read("\(dir)/expected/\(query.id).stderr"), as: UTF8.self)
        let status = Int32(String(decoding: JQAuditQueryTests.read("\(dir)/expected/\(query.id).status"), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(result.text == String(decoding: expected, as: UTF8.self))
        #expect(result.stdout == expected)
        #expect(result.stderr == expectedErr)
        #expect(result.status == status)
    }
}
