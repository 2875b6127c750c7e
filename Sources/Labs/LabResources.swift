import ClusterSim
import Diagnostics
import Foundation
import JSONValue
import KubeAudit

/// What labs refer to by id (scenarios, course policies) and what is expensive to build
/// (request streams, generated logs), loaded once and kept for the session.
public final class LabResources {
    /// The content folder holding Labs/.
    public let root: String
    private var scenarios: [String: Scenario] = [:]
    private var policies: [String: PolicyEvaluator] = [:]
    private var streams: [String: [RequestSample]] = [:]
    private var logs: [String: [JSON]] = [:]

    public init(root: String) { self.root = root }

    public func scenario(_ id: String) throws(LabCheckError) -> Scenario {
        if let s = scenarios[id] { return s }
        let path = root + "/Labs/scenarios/\(id).yaml"
        do {
            let s = try Scenario.load(path: path)
            scenarios[id] = s
            return s
        } catch {
            throw .content("scenario \(id) (\(path)): \(error)")
        }
    }

    /// A course policy (Labs/policies/<id>.yaml).
    public func policy(_ id: String) throws(LabCheckError) -> PolicyEvaluator {
        if let p = policies[id] { return p }
        let path = root + "/Labs/policies/\(id).yaml"
        guard let data = FileManager.default.contents(atPath: path) else { throw .content("no policy \(path)") }
        guard let e = PolicyLoader.load(SourceFile(name: path, bytes: [UInt8](data))).evaluator() else {
            throw .content("policy \(path) does not load")
        }
        policies[id] = e
        return e
    }

    /// The scenario's requests for a duration and seed, read by kube-apiserver's rules,
    /// with identical requests folded together.
    public func requests(scenario id: String, duration: String, seed: UInt64 = 1) throws(LabCheckError) -> [RequestSample] {
        let key = "\(id)|\(duration)|\(seed)"
        if let s = streams[key] { return s }
        let sc = try scenario(id)
        guard let span = ClusterSim.Duration.microseconds(duration) else { throw .content("bad duration \(duration)") }
        let requests: [SimRequest]
        do {
            requests = try TrafficGenerator(scenario: sc, seed: seed, duration: span).requests()
        } catch {
            throw .content("scenario \(id): \(error.description)")
        }
        var index: [String: Int] = [:]
        var samples: [RequestSample] = []
        for r in requests {
            let key = "\(r.method) \(r.url) \(r.user?.username ?? "-") \(r.status) \(r.incident ?? "")"
            if let i = index[key] {
                samples[i].count += 1
                continue
            }
            let user = r.status == 401 ? nil : r.user
            guard let info = try? RequestInfo.parse(method: r.method, url: r.url, user: user) else { continue }
            index[key] = samples.count
            samples.append(RequestSample(request: r, attributes: info.attributes, count: 1))
        }
        streams[key] = samples
        return samples
    }

    /// The audit log a scenario writes under a course policy, one JSON value per event.
    public func log(scenario id: String, policy: String, duration: String, seed: UInt64) throws(LabCheckError) -> [JSON] {
        let key = "\(id)|\(policy)|\(duration)|\(seed)"
        if let l = logs[key] { return l }
        let sc = try scenario(id)
        let evaluator = try self.policy(policy)
        guard let span = ClusterSim.Duration.microseconds(duration) else { throw .content("bad duration \(duration)") }
        let log: AuditLog
        do {
            log = try AuditLog.generate(scenario: sc, evaluator: evaluator, seed: seed, duration: span)
        } catch {
            throw .content("scenario \(id): \(error.description)")
        }
        var values: [JSON] = []
        values.reserveCapacity(log.events.count)
        for e in log.events {
            guard let v = try? JSONParser.parse(AuditEventEncoder.json(e)) else { continue }
            values.append(v)
        }
        logs[key] = values
        return values
    }
}

/// One distinct request of a stream and how many times it occurs.
public struct RequestSample: Sendable {
    public var request: SimRequest
    public var attributes: RequestAttributes
    public var count: Int

    /// `GET /api/v1/... as alice`, for feedback.
    public var summary: String {
        "\(request.method) \(request.url) " + (attributes.user.map { "as \($0.username)" } ?? "(not authenticated, 401)")
    }

    public var outcome: StagePlan.Outcome { request.status == 401 ? .unauthenticated : .completed }
}
