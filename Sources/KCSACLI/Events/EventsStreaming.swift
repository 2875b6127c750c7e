import ClusterSim
import KubeAudit
import Terminal
import Trainer

/// Streams a scenario's audit log into an `EventSink`, with a progress line on a terminal
/// (Terminal's StatusLine shows nothing when standard error is not one).
enum EventsStreaming {
    static func write(scenario: Scenario, scenarioPath: String, evaluator: PolicyEvaluator, seed: UInt64, start: Int64?,
                      duration: Int64, legacy: Bool, to sink: EventSink) throws(CLIError) -> [String: [String]] {
        var lastShown = ContinuousClock.now
        func progress(_ p: AuditLog.Progress) {
            let now = ContinuousClock.now
            guard now - lastShown > .milliseconds(250) else { return }
            lastShown = now
            let percent = Int(p.fraction * 100)
            StatusLine.show(p.emitting ? "events: \(percent)% of the simulated time, \(p.requests) requests, \(p.events) events"
                                       : "events: preparing the request streams, \(percent)%")
        }
        defer { StatusLine.done() }
        do {
            return try AuditLog.stream(scenario: scenario, evaluator: evaluator, seed: seed, start: start, duration: duration,
                                       progress: progress) { event throws(CLIError) in
                try sink.write(legacy ? AuditEventEncoder.legacy(event) : AuditEventEncoder.json(event))
            }
        } catch let error as CLIError {
            throw error
        } catch let problem as TrafficGenerator.Problem {
            sink.abandon()
            throw CLIError("\(scenarioPath): \(problem.description)", exitCode: 1)
        } catch {
            sink.abandon()
            throw CLIError("\(error)")
        }
    }
}
