import Foundation
import Testing
@testable import ClusterSim
@testable import KubeAudit

/// The streamed log is the log: `RequestStream` yields `requests()` one by one, and
/// `AuditLog.stream` emits what sorting the whole log by stage time gave (the way the
/// log was built before it was streamed, kept here as the oracle).
@Suite struct StreamingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scenario(_ id: String) throws -> Scenario {
        try Scenario.load(path: root.appendingPathComponent("Labs/scenarios/\(id).yaml").path)
    }

    static func evaluator(_ policy: String) throws -> PolicyEvaluator {
        let text = try String(contentsOf: root.appendingPathComponent("Labs/policies/\(policy).yaml"), encoding: .utf8)
        return try #require(PolicyLoader.load(.init(name: policy, text: text)).evaluator())
    }

    static let cases: [(String, String, UInt64, String)] = [
        ("dev-small", "seed-audit-policy", 1, "20m"),
        ("incident-tampering", "seed-comprehensive", 7, "40m"),
        ("workloads-pss", "volume-requestresponse", 2, "15m"),
        ("prod-100", "seed-minimal", 3, "1m"),
    ]

    @Test("the request stream is requests() in order", arguments: cases)
    func requestStream(_ c: (String, String, UInt64, String)) throws {
        let generator = try TrafficGenerator(scenario: try Self.scenario(c.0), seed: c.2,
                                             duration: try #require(Duration.microseconds(c.3)))
        let all = try generator.requests()
        var stream = try RequestStream(generator)
        var streamed: [SimRequest] = []
        while let r = stream.next() { streamed.append(r) }
        #expect(streamed.count == all.count)
        for (a, b) in zip(streamed, all) {
            #expect(a.time == b.time && a.url == b.url && a.user?.username == b.user?.username && a.incident == b.incident)
            if a.time != b.time || a.url != b.url { break }
        }
    }

    @Test("the streamed log is the sorted log, byte for byte", arguments: cases)
    func streamedLog(_ c: (String, String, UInt64, String)) throws {
        let scenario = try Self.scenario(c.0), evaluator = try Self.evaluator(c.1)
        let span = try #require(Duration.microseconds(c.3))
        // The oracle: every event of every request, then a stable sort by stage time.
        let requests = try TrafficGenerator(scenario: scenario, seed: c.2, duration: span).requests()
        var builder = EventBuilder(evaluator: evaluator, seed: c.2, namespaceLabels: scenario.namespace_labels ?? [:],
                                   cluster: ClusterState(scenario.cluster))
        var expected: [AuditEvent] = []
        var expectedIncidents: [String: [String]] = [:]
        for (i, r) in requests.enumerated() {
            guard let out = builder.events(for: r, index: i) else { continue }
            if let change = out.change { builder.cluster.apply(change) }
            expected += out.events
            if let id = r.incident, !out.events.isEmpty { expectedIncidents[id, default: []].append(out.auditID) }
        }
        expected = expected.enumerated()
            .sorted { ($0.element.stageTimestamp, $0.offset) < ($1.element.stageTimestamp, $1.offset) }.map(\.element)

        var streamed: [UInt8] = []
        var count = 0
        let incidents = try AuditLog.stream(scenario: scenario, evaluator: evaluator, seed: c.2, duration: span) {
            AuditEventEncoder.write($0, to: &streamed)
            count += 1
        }
        var oracle: [UInt8] = []
        for e in expected { AuditEventEncoder.write(e, to: &oracle) }
        #expect(count == expected.count)
        #expect(streamed == oracle)
        #expect(incidents == expectedIncidents)
    }

    @Test func progressIsReportedWhileStreaming() throws {
        var reports: [AuditLog.Progress] = []
        _ = try AuditLog.stream(scenario: try Self.scenario("dev-small"), evaluator: try Self.evaluator("seed-minimal"), seed: 1,
                                duration: 3_600_000_000, progress: { reports.append($0) }) { _ in }
        #expect(reports.contains { $0.emitting && $0.requests > 0 })
        #expect(reports.allSatisfy { (0...1).contains($0.fraction) })
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.0.fraction <= $0.1.fraction || !$0.0.emitting })
    }
}

/// Durations are read with checked arithmetic up to a named maximum.
@Suite struct DurationLimitTests {
    @Test(arguments: ["9223372036854775807s", "2562047788016h", "106751991167300d", "1000000001h", "99999999999999999999999ms",
                      "600000000h600000000h"])
    func tooLongIsRefusedNotTrapped(_ text: String) {
        #expect(Duration.parse(text) == .failure(.tooLong))
        #expect(Duration.microseconds(text) == nil)
    }

    @Test func theMaximumItselfAndLongRunsBelowItAreRead() {
        #expect(Duration.microseconds(Duration.maximumText) == Duration.maximumMicroseconds)
        let hundredMillionHours: Int64 = 100_000_000 * 3_600_000_000
        #expect(ClusterSim.Duration.microseconds("100000000h") == hundredMillionHours)
        #expect(Duration.microseconds("1h30m") == 5_400_000_000)
        #expect(Duration.parse("soon") == .failure(.notADuration) && Duration.parse("5") == .failure(.notADuration))
    }

    @Test func aScenarioPeriodThatOverflowsIsAContentErrorAtItsPosition() throws {
        let yaml = ScenarioDecoderTests.good.replacingOccurrences(of: "{every: 10s, ", with: "{every: 9223372036854775807s, ")
        #expect(ScenarioDecoderTests().problems(yaml) == [
            "14:17 `actors[0].requests[0].every`: \"9223372036854775807s\" is longer than the longest duration kcsa reads (1000000000h)",
        ])
    }

    @Test func anIncidentTimeThatOverflowsIsAContentError() throws {
        let yaml = ScenarioDecoderTests.good.replacingOccurrences(of: "at: 5m", with: "at: 106751991167300d")
        #expect(ScenarioDecoderTests().problems(yaml) == [
            "18:9 `incidents[0].at`: \"106751991167300d\" is longer than the longest duration kcsa reads (1000000000h)",
        ])
    }

    @Test func anEmptyNamespaceListWithoutABaseIsAContentErrorAtTheList() {
        let yaml = ScenarioDecoderTests.good.replacingOccurrences(of: "namespaces: [default]", with: "namespaces: []")
        #expect(ScenarioDecoderTests().problems(yaml) == [
            "6:13 namespaces: the list is empty; a scenario without a base needs at least one namespace",
        ])
    }

    @Test func tooManyNodesIsAContentError() {
        let yaml = ScenarioDecoderTests.good.replacingOccurrences(of: "nodes: 1", with: "nodes: 100001")
        #expect(ScenarioDecoderTests().problems(yaml) == [
            "5:8 nodes: 100001 is outside 0...100000, the cluster sizes kcsa simulates",
        ])
    }

    @Test func aLongThinnedRunDoesNotOverflow() throws {
        var s = try Scenario.load(ScenarioDecoderTests.good, name: "tiny.yaml")
        s.actors[0].requests[0].every = "900000000h"
        let g = try TrafficGenerator(scenario: s, seed: 1, duration: Duration.maximumMicroseconds)
        #expect(try g.requests(keepingEvery: 1_000).count >= 1)
        #expect(g.expectedRequestCount() >= 1)
        s.nodes = 100_000
        s.actors[0].requests[0].every = "1ms"
        #expect(try TrafficGenerator(scenario: s, seed: 1, duration: Duration.maximumMicroseconds).expectedRequestCount() == Int.max)
    }
}
