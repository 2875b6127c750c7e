import ContentFormat
import Diagnostics
import Foundation

/// A simulated cluster and its traffic (format_version 1, `docs/SCENARIO_FORMAT.md`):
/// actors send requests at fixed rates, incidents happen at given times.
public struct Scenario: Sendable, Equatable {
    /// The most nodes a scenario may have (per-node actors make a copy each). Kubernetes
    /// tests clusters of up to 5,000 nodes; larger simulations run, with progress shown.
    public static let maxNodes = 100_000

    public var format_version: Int
    public var id: String
    /// Another scenario (by id, in the same folder) whose nodes, namespaces and actors this
    /// one starts from; its own actors and incidents are added.
    public var base: String?
    public var title: String
    /// The default start of the simulated clock (ISO 8601, UTC); `--now` overrides it.
    public var start: String
    public var nodes: Int
    public var namespaces: [String]
    /// Each namespace's labels (`pod-security.kubernetes.io/enforce: baseline`, ...), by
    /// name; a namespace without an entry has none. Namespaces listed here but not in
    /// `namespaces` exist (kube-system) but are not drawn for `{ns}`.
    public var namespace_labels: [String: [String: String]]? = nil
    /// Files of Kubernetes objects the cluster starts with (RBAC objects on top of the
    /// bootstrap policy; Namespaces, Pods, NetworkPolicies), relative to the scenario's
    /// folder; `load(path:)` reads them into `cluster`, a base's files first.
    public var objects: [String]? = nil
    /// The objects read from `objects` (empty until `load(path:)` reads them).
    public var cluster = ScenarioObjects()
    public var actors: [Actor]
    public var incidents: [Incident]

    /// Who sends a stream of requests.
    public struct Actor: Sendable, Codable, Equatable {
        public var name: String
        /// One copy of the actor per node (`{node}` and `{n}` in its strings).
        public var per_node: Bool?
        /// nil: requests that fail authentication.
        public var user: String?
        public var groups: [String]?
        public var user_agent: String
        public var source_ip: String
        public var requests: [RequestTemplate]
    }

    /// A request an actor repeats `every` period, or an incident sends once.
    public struct RequestTemplate: Sendable, Codable, Equatable {
        public var every: String?
        public var method: String
        /// May use `{node}`, `{n}`, `{ns}` (a namespace), `{pod}` (a pod name).
        public var url: String
        public var status: Int?
        /// The kind of body sent (and returned): pod, privileged-pod, hostnetwork-pod,
        /// restricted-pod, secret, configmap, lease, rolebinding, clusterrolebinding, deployment,
        /// restricted-deployment, networkpolicy.
        public var body: String?
        /// Act as this user (`Impersonate-User`); the policy still sees the real user.
        public var impersonate: String?
    }

    /// Something a grader looks for, at a time after the start.
    public struct Incident: Sendable, Codable, Equatable {
        public var id: String
        public var description: String
        public var at: String
        public var user: String?
        public var groups: [String]?
        public var user_agent: String
        public var source_ip: String
        public var requests: [RequestTemplate]
    }

    /// The labels of namespace `name` (none when the scenario gives it none).
    public func labels(ofNamespace name: String) -> [String: String] {
        namespace_labels?[name] ?? [:]
    }

    /// Reads a scenario from `text` (named `name` in problems), without resolving `base`.
    public static func load(_ text: String, name: String = "<scenario>") throws(ContentError) -> Scenario {
        let source = SourceFile(name: name, text: text)
        let (scenario, diagnostics) = ScenarioDecoder.decode(source)
        guard let scenario else { throw ContentError(file: source, diagnostics) }
        return scenario
    }

    /// Loads a scenario file, resolving `base` from the same folder. Every problem of the
    /// file (or of a base it names) is thrown, each with its file, line and column.
    public static func load(path: String) throws(ContentError) -> Scenario {
        var (s, source) = try read(path)
        let first = source
        var chain = [s.id]
        let dir = (path as NSString).deletingLastPathComponent
        var objectPaths = (s.objects ?? []).map { dir + "/" + $0 }
        while let baseID = s.base {
            guard !chain.contains(baseID) else {
                let cycle = (chain + [baseID]).joined(separator: " -> ")
                throw ContentError([problem(first, "the scenario's bases lead back to it: \(cycle)")])
            }
            chain.append(baseID)
            let basePath = dir + "/\(baseID).yaml"
            guard FileManager.default.fileExists(atPath: basePath) else {
                throw ContentError([problem(source, "base scenario \(baseID) not found (\(basePath))")])
            }
            let (base, baseSource) = try read(basePath)
            s.actors = base.actors + s.actors
            if s.namespaces.isEmpty { s.namespaces = base.namespaces }
            // The scenario's own labels for a namespace replace the base's for that namespace.
            if let baseLabels = base.namespace_labels {
                s.namespace_labels = baseLabels.merging(s.namespace_labels ?? [:]) { _, own in own }
            }
            s.base = base.base
            objectPaths = (base.objects ?? []).map { dir + "/" + $0 } + objectPaths
            source = baseSource
        }
        let (cluster, problems) = ScenarioObjects.load(objectPaths)
        if problems.hasErrors { throw ContentError(problems) }
        s.cluster = cluster
        return s
    }

    /// Checks every scenario file of `directory` (bases resolved): how many there are and
    /// what is wrong with them, for `kcsa content check`. Each problem is reported once, by
    /// the file it is in, however many scenarios start from that file.
    public static func check(directory: String) -> (count: Int, problems: [ContentProblem]) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var problems: [ContentProblem] = []
        for name in files {
            let path = directory + "/" + name
            do {
                let scenario = try load(path: path)
                if let data = FileManager.default.contents(atPath: path) {
                    problems += ScenarioAuthorizationCheck.problems(scenario, source: SourceFile(name: path, bytes: [UInt8](data)))
                }
            } catch {
                // A scenario file's problems are reported by that file; an objects file's once.
                let scenarios = Set(files.map { directory + "/" + $0 })
                for p in error.problems where p.path == path || !scenarios.contains(p.path) {
                    if !problems.contains(where: { $0.description == p.description }) { problems.append(p) }
                }
            }
        }
        return (files.count, problems)
    }

    private static func read(_ path: String) throws(ContentError) -> (Scenario, SourceFile) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContentError([ContentProblem(path: path, diagnostic: .error("cannot read the scenario file", code: "missing-file"))])
        }
        let source = SourceFile(name: path, bytes: [UInt8](data))
        let (scenario, diagnostics) = ScenarioDecoder.decode(source)
        guard let scenario else { throw ContentError(file: source, diagnostics) }
        return (scenario, source)
    }

    /// A problem with the `base:` of `source`, at its value.
    private static func problem(_ source: SourceFile, _ message: String) -> ContentProblem {
        let root = try? YAMLReader.read(source)
        let span = root.flatMap { YAMLFields($0, path: "") }?.valueSpan("base")
        return ContentProblem(file: source, diagnostic: .error(message, at: span, code: "scenario"))
    }
}

/// Durations as written in scenarios and on the command line: `90s`, `5m`, `1h30m`, `24h`, `250ms`.
public enum Duration {
    /// The longest duration (and period) read: 1,000,000,000 hours (about 114,000 years), so
    /// that a start time plus a duration plus a period stays within Int64 microseconds.
    /// Go's `time.ParseDuration` stops at 2562047h47m16.854775807s (int64 nanoseconds).
    public static let maximumMicroseconds: Int64 = 1_000_000_000 * 3_600_000_000
    /// `maximumMicroseconds` as it is written in messages.
    public static let maximumText = "1000000000h"

    /// Why a text is not a duration kcsa reads.
    public enum Problem: Error, Equatable, Sendable {
        case notADuration
        case tooLong
    }

    /// The duration in microseconds, or nil when it is not one or is longer than the maximum.
    public static func microseconds(_ text: String) -> Int64? {
        try? parse(text).get()
    }

    /// The duration in microseconds; every step is checked, so a huge number is `.tooLong`, never a trap.
    public static func parse(_ text: String) -> Result<Int64, Problem> {
        var total: Int64 = 0
        var number: Int64 = 0
        var haveNumber = false
        var tooLong = false
        var chars = Array(text)[...]
        guard !chars.isEmpty else { return .failure(.notADuration) }
        while let c = chars.first {
            if let d = c.wholeNumberValue, c.isASCII {
                let (times10, o1) = number.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.addingReportingOverflow(Int64(d))
                if o1 || o2 || next > maximumMicroseconds { tooLong = true } else { number = next }
                haveNumber = true
                chars = chars.dropFirst()
                continue
            }
            guard haveNumber else { return .failure(.notADuration) }
            let unit: Int64
            if chars.starts(with: "ms") { unit = 1_000; chars = chars.dropFirst(2) }
            else if c == "s" { unit = 1_000_000; chars = chars.dropFirst() }
            else if c == "m" { unit = 60_000_000; chars = chars.dropFirst() }
            else if c == "h" { unit = 3_600_000_000; chars = chars.dropFirst() }
            else if c == "d" { unit = 86_400_000_000; chars = chars.dropFirst() }
            else { return .failure(.notADuration) }
            let (part, o1) = number.multipliedReportingOverflow(by: unit)
            let (sum, o2) = total.addingReportingOverflow(part)
            if o1 || o2 || sum > maximumMicroseconds { tooLong = true } else { total = sum }
            number = 0
            haveNumber = false
        }
        if haveNumber { return .failure(.notADuration) }
        return tooLong ? .failure(.tooLong) : .success(total)
    }

    /// Microseconds since the epoch for an ISO 8601 UTC time (`2026-03-02T09:00:00Z`).
    public static func epochMicros(_ iso: String) -> Int64? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        guard let d = f.date(from: iso) else { return nil }
        return Int64((d.timeIntervalSince1970 * 1_000_000).rounded())
    }
}
