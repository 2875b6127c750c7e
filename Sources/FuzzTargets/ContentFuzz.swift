import ClusterSim
import Diagnostics
import Exam
import KubeAudit
import Labs

/// Course content files: labs, question files and scenarios, as `kcsa content check` reads them.
enum ContentFuzz {
    @Sendable static func lab(_ data: UnsafeRawBufferPointer) {
        let source = FuzzTarget.source(data, name: "Labs/labs/fuzz.yaml")
        let (_, problems) = LabCatalog.decode(source)
        FuzzTarget.render(problems.map(\.diagnostic), source)
    }

    @Sendable static func question(_ data: UnsafeRawBufferPointer) {
        let source = FuzzTarget.source(data, name: "Questions/cluster-setup.yaml")
        let (_, diagnostics) = QuestionBank.decodeFile(source, domain: "cluster-setup")
        FuzzTarget.render(diagnostics, source)
    }

    /// Simulated time for a scenario that decodes, and the most requests it may make.
    static let simulatedMicros: Int64 = 10_000_000
    static let maxRequests = 2_000

    /// A policy that logs everything at RequestResponse, so every body is built.
    static let evaluator: PolicyEvaluator? = PolicyLoader.load(SourceFile(name: "fuzz-policy.yaml", text: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: RequestResponse
        """)).evaluator()

    @Sendable static func scenario(_ data: UnsafeRawBufferPointer) {
        let source = FuzzTarget.source(data, name: "Labs/scenarios/fuzz.yaml")
        let scenario: Scenario
        do {
            scenario = try Scenario.load(String(decoding: source.bytes, as: UTF8.self), name: source.name)
        } catch {
            for problem in error.problems { _ = problem.diagnostic.message }
            return
        }
        guard let evaluator,
              let generator = try? TrafficGenerator(scenario: scenario, seed: 1, duration: simulatedMicros),
              generator.expectedRequestCount() <= maxRequests else { return }
        if let log = try? AuditLog.generate(scenario: scenario, evaluator: evaluator, seed: 1, duration: simulatedMicros) {
            for event in log.events.prefix(50) { _ = AuditEventEncoder.json(event) }
        }
        _ = try? VolumeEstimator.estimate(scenario, evaluator: evaluator, duration: simulatedMicros)
    }
}
