import Foundation
import JSONValue
import Testing
@testable import ClusterSim
@testable import KubeAudit

/// Events from the simulator follow kube-apiserver's rules, under each of the study
/// guide's policies.
@Suite struct EventGenerationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scenario() throws -> Scenario {
        try Scenario.load(String(contentsOf: root.appendingPathComponent("Labs/scenarios/dev-small.yaml"), encoding: .utf8))
    }

    static func evaluator(_ policy: String) throws -> PolicyEvaluator {
        let text = try String(contentsOf: root.appendingPathComponent("Labs/policies/\(policy)"), encoding: .utf8)
        return try #require(PolicyLoader.load(.init(name: policy, text: text)).evaluator())
    }

    static func generate(_ policy: String, seed: UInt64 = 7, duration: String = "1h") throws
        -> [(SimRequest, EventBuilder.Output)] {
        let scenario = try scenario()
        let requests = try TrafficGenerator(scenario: scenario, seed: seed,
                                            duration: ClusterSim.Duration.microseconds(duration)!).requests()
        let builder = EventBuilder(evaluator: try evaluator(policy), seed: seed,
                                   namespaceLabels: scenario.namespace_labels ?? [:])
        return requests.enumerated().compactMap { i, r in builder.events(for: r, index: i).map { (r, $0) } }
    }

    /// dev-small's namespace labels.
    static var labels: [String: [String: String]] { (try? scenario().namespace_labels ?? [:]) ?? [:] }

    static let policies = ["seed-audit-policy.yaml", "seed-minimal.yaml", "seed-comprehensive.yaml", "seed-compliance.yaml"]

    @Test func theSameSeedGivesTheSameBytes() throws {
        func bytes(_ seed: UInt64) throws -> String {
            try Self.generate("seed-audit-policy.yaml", seed: seed, duration: "10m")
                .flatMap { $0.1.events }.map(AuditEventEncoder.json).joined()
        }
        #expect(try bytes(3) == bytes(3))
        #expect(try bytes(3) != bytes(4))
    }

    @Test(arguments: policies)
    func everyEventFollowsTheApiserversRules(policy: String) throws {
        let evaluator = try Self.evaluator(policy)
        var checked = 0
        for (request, out) in try Self.generate(policy) {
            checked += out.events.count
            let problems = EventRules.violations(request, out, evaluator: evaluator, namespaceLabels: Self.labels)
            #expect(problems.isEmpty, "\(problems.prefix(3))")
            // Every line parses as JSON, kind first.
            for e in out.events {
                #expect(try JSONParser.parse(AuditEventEncoder.json(e)).objectValue?.keys.first == "kind")
            }
        }
        #expect(checked > 0 || policy == "seed-minimal.yaml")
    }

    /// A full simulated day of the production scenario (100 nodes, 1000 pods) under each of
    /// the study guide's policies. The whole day is walked; every 400th background request
    /// and every incident request is turned into events, and every event is checked.
    @Test(arguments: policies)
    func aDayOfTheProductionClusterFollowsTheRules(policy: String) throws {
        let scenario = try Scenario.load(path: Self.root.appendingPathComponent("Labs/scenarios/prod-100.yaml").path)
        let evaluator = try Self.evaluator(policy)
        let day = ClusterSim.Duration.microseconds("24h")!
        let requests = try TrafficGenerator(scenario: scenario, seed: 11, duration: day).requests(keepingEvery: 400)
        #expect(requests.count > 10_000)
        #expect(requests.last!.time - requests.first!.time > day - 3_600_000_000)
        let labels = scenario.namespace_labels ?? [:]
        #expect(!labels.isEmpty)
        let builder = EventBuilder(evaluator: evaluator, seed: 11, namespaceLabels: labels)
        var events = 0, failures: [String] = []
        for (i, r) in requests.enumerated() {
            guard let out = builder.events(for: r, index: i) else { continue }
            events += out.events.count
            failures += EventRules.violations(r, out, evaluator: evaluator, namespaceLabels: labels)
        }
        #expect(failures.isEmpty, "\(failures.count) violations, e.g. \(failures.prefix(3))")
        #expect(events > 0 || policy == "seed-minimal.yaml")
    }

    /// The rules are not vacuous: breaking an event in each way is caught.
    @Test func brokenEventsAreCaught() throws {
        let policy = "seed-comprehensive.yaml"
        let evaluator = try Self.evaluator(policy)
        let pairs = try Self.generate(policy, duration: "10m")
        let (request, out) = try #require(pairs.first { $0.1.events.count >= 2 && $0.0.status == 200 && $0.0.method == "GET" })
        #expect(EventRules.violations(request, out, evaluator: evaluator, namespaceLabels: Self.labels).isEmpty)
        func broken(_ change: (inout EventBuilder.Output) -> Void) -> [String] {
            var o = out
            change(&o)
            return EventRules.violations(request, o, evaluator: evaluator, namespaceLabels: Self.labels)
        }
        #expect(!broken { $0.events[0].level = .requestResponse }.isEmpty)
        #expect(!broken { $0.events.reverse() }.isEmpty)
        #expect(!broken { $0.events[$0.events.count - 1].requestObject = "{}" }.isEmpty)
        #expect(!broken { $0.events[$0.events.count - 1].responseStatus = nil }.isEmpty)
        #expect(!broken { $0.events[$0.events.count - 1].responseStatus = ResponseStatus(code: 404) }.isEmpty)
        #expect(!broken { $0.events[$0.events.count - 1].auditID = "x" }.isEmpty)
        #expect(!broken { $0.events[0].stageTimestamp = $0.events[0].requestReceivedTimestamp - 1 }.isEmpty)
        #expect(!broken { $0.events.insert(AuditEvent(level: $0.events[0].level, auditID: $0.auditID, stage: .requestReceived,
                                                      requestURI: $0.events[0].requestURI, verb: $0.events[0].verb, user: $0.events[0].user,
                                                      requestReceivedTimestamp: request.time, stageTimestamp: request.time), at: 0) }.isEmpty)
        #expect(!broken { $0.events.removeLast() }.isEmpty)
    }

    @Test func incidentsAreFoundWhereThePolicyLogsThem() throws {
        let pairs = try Self.generate("seed-audit-policy.yaml")
        let byIncident = Dictionary(grouping: pairs.filter { $0.0.incident != nil }, by: { $0.0.incident! })
        #expect(Set(byIncident.keys) == ["exec-into-payments", "privileged-pod", "cluster-admin-binding",
                                         "secret-sweep", "failed-logins"])
        let privileged = try #require(byIncident["privileged-pod"]?.first?.1.events.last)
        #expect(privileged.requestObject?.contains("\"privileged\":true") == true)
        let logins = try #require(byIncident["failed-logins"])
        #expect(logins.allSatisfy { $0.1.events.map(\.stage) == [.responseStarted] && $0.1.events[0].user == nil })
    }
}

@Suite struct VolumeEstimateTests {
    @Test(arguments: EventGenerationTests.policies)
    func theEstimateAgreesWithTheGeneratedLog(policy: String) throws {
        let hour = ClusterSim.Duration.microseconds("1h")!
        let estimate = try VolumeEstimator.estimate(EventGenerationTests.scenario(),
                                                    evaluator: EventGenerationTests.evaluator(policy), duration: hour)
        let events = try EventGenerationTests.generate(policy, seed: 1).flatMap { $0.1.events }
        let bytes = Double(events.map { AuditEventEncoder.json($0).utf8.count }.reduce(0, +))
        if events.isEmpty {
            #expect(estimate.total.events < 1)
            return
        }
        #expect(abs(estimate.total.events - Double(events.count)) / Double(events.count) < 0.1)
        #expect(abs(estimate.total.bytes - bytes) / bytes < 0.15)
    }

    @Test func byLevelStageAndRuleAddUpToTheTotal() throws {
        let e = try VolumeEstimator.estimate(EventGenerationTests.scenario(),
                                             evaluator: EventGenerationTests.evaluator("seed-comprehensive.yaml"),
                                             duration: ClusterSim.Duration.microseconds("24h")!)
        for parts in [Array(e.byLevel.values), Array(e.byStage.values), Array(e.byRule.values)] {
            #expect(abs(parts.map(\.events).reduce(0, +) - e.total.events) < 1e-6 * e.total.events)
            #expect(abs(parts.map(\.bytes).reduce(0, +) - e.total.bytes) < 1e-6 * e.total.bytes)
        }
    }
}

@Suite struct DurationTests {
    @Test(arguments: [("90s", Int64(90_000_000)), ("1h30m", 5_400_000_000), ("250ms", 250_000), ("2d", 172_800_000_000)])
    func durations(text: String, micros: Int64) {
        #expect(ClusterSim.Duration.microseconds(text) == micros)
    }

    @Test(arguments: ["", "10", "5x", "m5", "1h 2m"])
    func badDurations(text: String) {
        #expect(ClusterSim.Duration.microseconds(text) == nil)
    }
}

@Suite struct ManagedFieldsTests {
    func events(omit: Bool) throws -> [AuditEvent] {
        let policy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitManagedFields: \(omit)\nrules:\n- level: RequestResponse\n"
        let evaluator = try #require(PolicyLoader.load(.init(name: "p", text: policy)).evaluator())
        let requests = try TrafficGenerator(scenario: EventGenerationTests.scenario(), seed: 2,
                                            duration: ClusterSim.Duration.microseconds("10m")!).requests()
        let builder = EventBuilder(evaluator: evaluator, seed: 2)
        return requests.enumerated().flatMap { i, r in builder.events(for: r, index: i)?.events ?? [] }
    }

    @Test func omitManagedFieldsRemovesThemFromRecordedBodies() throws {
        let kept = try events(omit: false).filter { ($0.responseObject ?? "").contains("\"managedFields\"") }
        #expect(!kept.isEmpty)
        let omitted = try events(omit: true)
        #expect(!omitted.contains { ($0.responseObject ?? "").contains("\"managedFields\"") })
        #expect(omitted.contains { $0.responseObject != nil })
    }
}
