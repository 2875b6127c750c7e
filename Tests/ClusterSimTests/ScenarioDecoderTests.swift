import ContentFormat
import Diagnostics
import Foundation
import Testing
@testable import ClusterSim

/// Broken scenario files: each problem at its file, line and column; bases resolved from the folder.
@Suite struct ScenarioDecoderTests {
    static let good = """
    format_version: 1
    id: tiny
    title: Tiny
    start: "2026-03-02T09:00:00Z"
    nodes: 1
    namespaces: [default]
    actors:
      - name: kubelet
        per_node: true
        user: "system:node:{node}"
        user_agent: kubelet
        source_ip: 10.0.0.1
        requests:
          - {every: 10s, method: GET, url: /api/v1/pods}
    incidents:
      - id: one-thing
        description: Something happens.
        at: 5m
        user_agent: kubectl
        source_ip: 10.0.0.2
        requests:
          - {method: GET, url: /api/v1/secrets}

    """

    /// The problems of `yaml` (named tiny.yaml) as "line:col message".
    func problems(_ yaml: String) -> [String] {
        do {
            _ = try Scenario.load(yaml, name: "Labs/scenarios/tiny.yaml")
            return []
        } catch {
            return error.problems.map { p in
                "\(p.diagnostic.span.map { "\(p.file.location(ofByte: $0.start))" } ?? "-") \(p.diagnostic.message)"
            }
        }
    }

    @Test func aSoundScenarioLoads() throws {
        let s = try Scenario.load(Self.good, name: "tiny.yaml")
        #expect(s.actors.first?.per_node == true && s.actors.first?.groups == nil)
        #expect(s.incidents.first?.requests.first?.every == nil && s.actors.first?.requests.first?.every == "10s")
    }

    @Test(arguments: [
        ("nodes: 1", "nodes: one", "5:8 `nodes` must be a whole number, not a string (\"one\")"),
        ("per_node: true", "per_node: sometimes", "9:15 `actors[0].per_node` must be true or false, not a string (\"sometimes\")"),
        ("format_version: 1", "format_version: 2", "1:17 format_version 2 is not supported (this kcsa reads format_version 1)"),
        ("id: tiny", "id: Tiny", "2:5 id \"Tiny\" must be kebab-case (lower-case letters and digits, in words joined by single hyphens)"),
        ("id: tiny", "id: small", "2:5 id \"small\" does not match the file name tiny.yaml"),
        ("start: \"2026-03-02T09:00:00Z\"", "start: tomorrow", "4:8 start \"tomorrow\" is not an ISO 8601 UTC time"),
        ("{every: 10s, ", "{every: often, ", "14:17 `actors[0].requests[0].every`: \"often\" is not a period (like 10s, 5m, 1h)"),
        ("{every: 10s, ", "{", "14:9 missing `every:` in `actors[0].requests[0]`"),
        ("at: 5m", "at: later", "18:9 `incidents[0].at`: \"later\" is not a duration (like 30s, 5m, 1h)"),
        ("    user_agent: kubectl\n", "    user_agnt: kubectl\n",
         "16:5 missing `user_agent:` in `incidents[0]`|19:5 unknown key \"user_agnt\" in `incidents[0]`; did you mean user_agent?"),
        ("url: /api/v1/pods}", "url: /api/v1/pods, status: [404]}",
         "14:62 `actors[0].requests[0].status` must be a whole number, not a list"),
    ])
    func schemaProblemsNameTheirLineAndColumn(from: String, to: String, expected: String) {
        let yaml = Self.good.replacingOccurrences(of: from, with: to)
        #expect(problems(yaml) == expected.split(separator: "|").map(String.init))
    }

    @Test func aScenarioFileWithABaseStartsFromIt() throws {
        let dir = try Self.folder(["tiny": Self.good,
                                   "bigger": "format_version: 1\nid: bigger\nbase: tiny\ntitle: B\nstart: \"2026-03-02T10:00:00Z\"\n"
                                       + "nodes: 2\nnamespaces: []\nactors: []\nincidents: []\n"])
        let s = try Scenario.load(path: dir + "/bigger.yaml")
        #expect(s.actors.map(\.name) == ["kubelet"] && s.namespaces == ["default"] && s.base == nil)
        #expect(Scenario.check(directory: dir).count == 2 && Scenario.check(directory: dir).problems.isEmpty)
    }

    @Test func aMissingOrCyclicBaseIsReportedAtTheBaseKey() throws {
        let text = "format_version: 1\nid: a\nbase: b\ntitle: A\nstart: \"2026-03-02T10:00:00Z\"\nnodes: 1\nnamespaces: []\nactors: []\nincidents: []\n"
        let alone = try Self.folder(["a": text])
        let missing = try #require(Scenario.check(directory: alone).problems.first)
        #expect(missing.description == "\(alone)/a.yaml:3:7: error: base scenario b not found (\(alone)/b.yaml)")
        let cyclic = try Self.folder(["a": text, "b": text.replacingOccurrences(of: "id: a\nbase: b", with: "id: b\nbase: a")])
        #expect(Scenario.check(directory: cyclic).problems.map(\.description) == [
            "\(cyclic)/a.yaml:3:7: error: the scenario's bases lead back to it: a -> b -> a",
            "\(cyclic)/b.yaml:3:7: error: the scenario's bases lead back to it: b -> a -> b",
        ])
    }

    @Test func aBrokenBaseIsReportedOnceByItsOwnFile() throws {
        let child = "format_version: 1\nid: child\nbase: tiny\ntitle: C\nstart: \"2026-03-02T10:00:00Z\"\nnodes: 1\n"
            + "namespaces: []\nactors: []\nincidents: []\n"
        let dir = try Self.folder(["tiny": Self.good.replacingOccurrences(of: "nodes: 1", with: "nodes: one"), "child": child,
                                   "other": child.replacingOccurrences(of: "id: child", with: "id: other")])
        let problems = Scenario.check(directory: dir).problems
        #expect(problems.map(\.description) == ["\(dir)/tiny.yaml:5:8: error: `nodes` must be a whole number, not a string (\"one\")"])
        #expect(throws: ContentError.self) { try Scenario.load(path: dir + "/child.yaml") }
    }

    @Test func theShippedScenariosAreSound() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (count, problems) = Scenario.check(directory: root.appendingPathComponent("Labs/scenarios").path)
        #expect(count >= 5)
        #expect(problems.isEmpty, "\(problems)")
    }

    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-scenarios-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (id, text) in files { try text.write(toFile: dir + "/\(id).yaml", atomically: true, encoding: .utf8) }
        return dir
    }
}
