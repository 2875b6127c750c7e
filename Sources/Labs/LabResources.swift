import ClusterSim
import Diagnostics
import Foundation
import JSONValue
import KubeAudit

/// What labs refer to by id (scenarios, course policies) and what is expensive to build
/// (request streams, generated logs, the reference program's outputs), made once and
/// kept for the session. With a cache directory, logs and reference outputs are also
/// kept on disk, so a one-shot `kcsa lab check` does not regenerate them. Safe to use
/// from several threads (the query grader checks seeds in parallel).
public final class LabResources: @unchecked Sendable {
    /// The content folder holding Labs/.
    public let root: String
    /// Where generated logs and reference outputs are cached (nil: memory only).
    public let cacheDirectory: String?
    /// Names the program that generated a cached file (e.g. the binary's size and date), so
    /// a different build never reads another's cache.
    public let generatorStamp: String
    /// Policy labs check at most this many requests of a stream (thinned evenly, every kind kept).
    public var maxStreamRequests = 10_000
    /// The most requests a lab's full audit log may come from (a query lab's log is built
    /// whole, to be queried): about 600 MB of events.
    public static let maxLogRequests = 1_000_000

    private let lock = NSLock()
    private var scenarios: [String: Scenario] = [:]
    private var policies: [String: PolicyEvaluator] = [:]
    private var streams: [String: [RequestSample]] = [:]
    private var logs: [String: [JSON]] = [:]
    private var outputs: [String: [[JSON]]] = [:]
    private var fileHashes: [String: UInt64] = [:]

    public init(root: String, cacheDirectory: String? = nil, generatorStamp: String = "") {
        self.root = root
        self.cacheDirectory = cacheDirectory
        self.generatorStamp = generatorStamp
    }

    private func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Forgets the request streams, logs and reference outputs generated for `seeds`, so a
    /// long run over many seeds (a class's grading: each learner's query labs have a log of
    /// their own) keeps the memory of the learners in hand, not of the whole class.
    public func forget(seeds: Set<UInt64>) {
        let texts = Set(seeds.map(String.init))
        func seed(_ key: String, at index: Int) -> Bool {
            let parts = key.split(separator: "|", maxSplits: index + 1, omittingEmptySubsequences: false)
            return parts.count > index && texts.contains(String(parts[index]))
        }
        locked {
            streams = streams.filter { !seed($0.key, at: 2) }
            logs = logs.filter { !seed($0.key, at: 3) }
            outputs = outputs.filter { !seed($0.key, at: 3) }
        }
    }

    public func scenario(_ id: String) throws(LabCheckError) -> Scenario {
        try locked { () throws(LabCheckError) -> Scenario in
            if let s = scenarios[id] { return s }
            let path = root + "/Labs/scenarios/\(id).yaml"
            do {
                let s = try Scenario.load(path: path)
                scenarios[id] = s
                return s
            } catch {
                throw .content("scenario \(id): \(error)")
            }
        }
    }

    /// A course policy (Labs/policies/<id>.yaml).
    public func policy(_ id: String) throws(LabCheckError) -> PolicyEvaluator {
        try locked { () throws(LabCheckError) -> PolicyEvaluator in
            if let p = policies[id] { return p }
            let path = root + "/Labs/policies/\(id).yaml"
            guard let data = FileManager.default.contents(atPath: path) else { throw .content("no policy \(path)") }
            guard let e = PolicyLoader.load(SourceFile(name: path, bytes: [UInt8](data))).evaluator() else {
                throw .content("policy \(path) does not load")
            }
            policies[id] = e
            return e
        }
    }

    /// The scenario's requests for a duration and seed, read by kube-apiserver's rules, with
    /// identical requests folded together. Long windows of large clusters are thinned evenly
    /// to at most `maxStreamRequests` built requests, every kind of request and incident kept.
    public func requests(scenario id: String, duration: String, seed: UInt64 = 1) throws(LabCheckError) -> [RequestSample] {
        let key = "\(id)|\(duration)|\(seed)"
        if let s = locked({ streams[key] }) { return s }
        let sc = try scenario(id)
        guard let span = ClusterSim.Duration.microseconds(duration) else { throw .content("bad duration \(duration)") }
        let requests: [SimRequest]
        do {
            let generator = try TrafficGenerator(scenario: sc, seed: seed, duration: span)
            let stride = max(1, generator.expectedRequestCount() / max(1, maxStreamRequests))
            requests = try generator.requests(keepingEvery: stride)
        } catch {
            throw .content("scenario \(id): \(error.description)")
        }
        var index: [String: Int] = [:]
        var samples: [RequestSample] = []
        // The status each request ends with: the scenario's, or the authorizer's 403.
        var cluster = ClusterState(sc.cluster)
        for sent in requests {
            let r = ClusterReplay.answer(sent, &cluster)
            let key = "\(r.method) \(r.url) \(r.user?.username ?? "-") \(r.status) \(r.incident ?? "")"
            if let i = index[key] {
                samples[i].count += 1
                continue
            }
            let user = StagePlan.Outcome.of(status: r.status) == .unauthenticated ? nil : r.user
            let info: RequestInfo
            do { info = try RequestInfo.parse(method: r.method, url: r.url, user: user) } catch {
                // A request the lab cannot read would silently drop out of every check.
                throw .content("scenario \(id): request \(r.method) \(r.url) cannot be read: \(error)")
            }
            index[key] = samples.count
            samples.append(RequestSample(request: r, attributes: info.attributes, count: 1))
        }
        locked { streams[key] = samples }
        return samples
    }

    /// The audit log a scenario writes under a course policy, one JSON value per event
    /// (the bytes `kcsa events generate` writes for the same scenario, policy and seed).
    public func log(scenario id: String, policy: String, duration: String, seed: UInt64) throws(LabCheckError) -> [JSON] {
        let key = "\(id)|\(policy)|\(duration)|\(seed)"
        if let l = locked({ logs[key] }) { return l }
        let file = cacheFile(for: key, scenario: id, policy: policy, suffix: "log")
        if let file, let values = Self.readLines(file) {
            locked { logs[key] = values }
            return values
        }
        let sc = try scenario(id)
        let evaluator = try self.policy(policy)
        guard let span = ClusterSim.Duration.microseconds(duration) else { throw .content("bad duration \(duration)") }
        let expected = (try? TrafficGenerator(scenario: sc, seed: seed, duration: span).expectedRequestCount()) ?? 0
        guard expected <= Self.maxLogRequests else {
            throw .content("scenario \(id) for \(duration) makes about \(expected) requests; "
                           + "a lab's log may hold at most \(Self.maxLogRequests)")
        }
        let log: AuditLog
        do {
            log = try AuditLog.generate(scenario: sc, evaluator: evaluator, seed: seed, duration: span)
        } catch {
            throw .content("scenario \(id): \(error.description)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(log.events.count * 800)
        for e in log.events { AuditEventEncoder.write(e, to: &bytes) }
        let values: [JSON]
        do { values = try JSONParser.parseAll(bytes: bytes) } catch {
            // Never an empty log in place of a broken one: a query lab must not pass on nothing.
            throw .content("the generated log of scenario \(id) under \(policy) does not parse: \(error)")
        }
        if let file { Self.write(bytes + Self.trailer(count: values.count), to: file) }
        locked { logs[key] = values }
        return values
    }

    /// The reference program's outputs on one log, input by input, computed once.
    func referenceOutputs(lab: Lab, seed: UInt64, compute: () throws(LabCheckError) -> [[JSON]])
        throws(LabCheckError) -> [[JSON]] {
        guard case .query(let spec) = lab.spec else { return try compute() }
        let scenario = spec.scenario
        let key = "\(scenario)|\(spec.policy)|\(spec.duration)|\(seed)|\(spec.slurp)|\(lab.reference)"
        if let o = locked({ outputs[key] }) { return o }
        let file = cacheFile(for: key, scenario: scenario, policy: spec.policy, suffix: "ref")
        if let file, let lines = Self.readLines(file) {
            let values = lines.map { $0.arrayValue ?? [] }
            locked { outputs[key] = values }
            return values
        }
        let values = try compute()
        if let file {
            let printer = JSONPrinter(options: .compact)
            var text = ""
            for v in values { text += printer.string(.array(v)) + "\n" }
            Self.write(Array(text.utf8) + Self.trailer(count: values.count), to: file)
        }
        locked { outputs[key] = values }
        return values
    }

    // MARK: - Disk cache

    /// The cache file for a key, named by a hash of everything that decides its content:
    /// the key, the scenario (and its bases) and policy files, and the generator.
    private func cacheFile(for key: String, scenario: String, policy: String, suffix: String) -> String? {
        guard let dir = cacheDirectory else { return nil }
        var hasher = FNV1a()
        hasher.add(key)
        hasher.add(generatorStamp)
        hasher.add(String(filesHash(scenario: scenario, policy: policy)))
        return dir + "/" + String(hasher.value, radix: 16) + "." + suffix
    }

    /// A hash of the scenario file, its bases and the policy file (computed once per pair).
    private func filesHash(scenario: String, policy: String) -> UInt64 {
        let key = scenario + "|" + policy
        if let h = locked({ fileHashes[key] }) { return h }
        var hasher = FNV1a()
        var id: String? = scenario
        var seen = Set<String>()
        while let s = id, seen.insert(s).inserted {
            let data = FileManager.default.contents(atPath: root + "/Labs/scenarios/\(s).yaml") ?? Data()
            hasher.add(data)
            // Follow `base:` (a top-level line) without parsing the YAML.
            id = String(decoding: data, as: UTF8.self).split(separator: "\n")
                .first { $0.hasPrefix("base:") }
                .map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
        }
        hasher.add(FileManager.default.contents(atPath: root + "/Labs/policies/\(policy).yaml") ?? Data())
        locked { fileHashes[key] = hasher.value }
        return hasher.value
    }

    /// A cached log ends with `{"kcsa-cache-count":N}`, so a cut or damaged file is seen as
    /// such (and generated again) rather than read as a shorter log.
    private static func trailer(count: Int) -> [UInt8] { Array("{\"kcsa-cache-count\":\(count)}\n".utf8) }

    private static func readLines(_ path: String) -> [JSON]? {
        guard let data = FileManager.default.contents(atPath: path),
              var values = try? JSONParser.parseAll(bytes: [UInt8](data)),
              let count = values.last?["kcsa-cache-count"]?.doubleValue else { return nil }
        values.removeLast()
        return Double(values.count) == count ? values : nil
    }

    private static func write(_ bytes: [UInt8], to path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Written aside and renamed, so a reader never sees half a file.
        let temp = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temp, contents: Data(bytes)) else { return }
        _ = rename(temp, path)
    }
}

/// 64-bit FNV-1a, for cache file names (not security).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ s: String) { add(Data(s.utf8)); add(Data([0])) }

    mutating func add(_ d: Data) {
        for b in d {
            value ^= UInt64(b)
            value = value &* 0x0000_0100_0000_01B3
        }
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

    public var outcome: StagePlan.Outcome { .of(status: request.status) }
}
