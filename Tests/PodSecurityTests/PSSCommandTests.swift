import Foundation
import TestSupport
import Testing

/// `kcsa pss ...` run as a user runs it: the built binary, its output and exit code.
@Suite struct PSSCommandTests {
    typealias Run = KCSARun

    /// The `kcsa` executable built beside the test bundle.
    static var binary: URL { KCSABinary.url }

    static func kcsa(_ args: [String], stdin: String = "") throws -> Run {
        try KCSABinary.run(args, stdin: stdin, in: SharedVectors.packageRoot)
    }

    static func temp(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-pss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let goodPod = """
    apiVersion: v1
    kind: Pod
    metadata: {name: good}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
      - name: app
        image: app
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
    """

    static let barePod = """
    apiVersion: v1
    kind: Pod
    metadata: {name: bare}
    spec:
      containers:
      - name: a
    """

    /// Every fixture through the binary, with defaulting, one invocation per level and version.
    @Test(.enabled(if: SharedVectors.exists, "../shared/conformance/pss is missing"))
    func everyFixtureThroughTheBinary() throws {
        let fixtures = ConformanceTests.fixtures
        var groups: [String: [[String: Any]]] = [:]
        for f in fixtures { groups["\(f["level"]!) \(f["version"]!)", default: []].append(f) }
        var passed = 0
        for (key, items) in groups.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: " ").map(String.init)
            let paths = items.map { "../shared/conformance/pss/fixtures/" + ($0["path"] as! String) }
            let r = try Self.kcsa(["pss", "check", "--level", parts[0], "--version", parts[1], "--json"] + paths)
            #expect(r.status == 0 || r.status == 1, "\(key): \(r.stderr)")
            let lines = r.lines
            try #require(lines.count == items.count, "\(key): \(lines.count) lines for \(items.count) files")
            for (item, line) in zip(items, lines) {
                let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let path = "../shared/conformance/pss/fixtures/" + (item["path"] as! String)
                #expect(o["file"] as? String == path)
                let expectPass = item["expect"] as! String == "pass"
                #expect(o["allowed"] as? Bool == expectPass, "\(path): \(o["message"] ?? "")")
                #expect(o["level"] as? String == parts[0] && o["version"] as? String == parts[1])
                if o["allowed"] as? Bool == expectPass, o["file"] as? String == path { passed += 1 }
            }
        }
        print("pss fixtures through kcsa pss check: \(passed)/\(fixtures.count)")
        #expect(passed == 1403)
    }

    @Test func textOutputIsUpstreamsMessage() throws {
        let path = try Self.temp("p.yaml", Self.barePod + "\n---\n" + Self.goodPod)
        let r = try Self.kcsa(["pss", "check", path])
        #expect(r.status == 1)
        #expect(r.lines == [
            "\(path): Pod/bare: violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false "
                + "(container \"a\" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities "
                + "(container \"a\" must set securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true "
                + "(pod or container \"a\" must set securityContext.runAsNonRoot=true), seccompProfile "
                + "(pod or container \"a\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")",
            "\(path): Pod/good: allowed",
        ])
        let baseline = try Self.kcsa(["pss", "check", "--level", "baseline", "--version", "v1.99", path])
        #expect(baseline.status == 0)
        #expect(baseline.lines == ["\(path): Pod/bare: allowed", "\(path): Pod/good: allowed"])
    }

    @Test func standardInputAndJSONLines() throws {
        let r = try Self.kcsa(["pss", "check", "--json", "--level", "baseline", "-"], stdin: """
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
         "spec": {"template": {"spec": {"hostPID": true, "containers": [{"name": "c"}]}}}}
        """)
        #expect(r.status == 1)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["file"] as? String == "-")
        #expect(o["kind"] as? String == "Deployment")
        #expect(o["allowed"] as? Bool == false)
        #expect(o["message"] as? String == "violates PodSecurity \"baseline:latest\": host namespaces (hostPID=true)")
        let v = try #require((o["violations"] as? [[String: String]])?.first)
        #expect(v == ["check": "hostNamespaces", "reason": "host namespaces", "detail": "hostPID=true"])
    }

    @Test func defaultingRunsUnlessAsStored() throws {
        let path = try Self.temp("v.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostNetwork: true
          containers:
          - {name: a, ports: [{containerPort: 8080}, {containerPort: 9}]}
          volumes:
          - name: scratch
        """)
        let defaulted = try Self.kcsa(["pss", "check", "--level", "baseline", path])
        #expect(defaulted.stdout.contains("hostPort (container \"a\" uses hostPorts 8080, 9)"), "string order, as upstream")
        let stored = try Self.kcsa(["pss", "check", "--level", "baseline", "--as-stored", path])
        #expect(stored.stdout == "\(path): Pod/p: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)\n")
        let restricted = try Self.kcsa(["pss", "check", "--as-stored", "--json", path])
        #expect(restricted.stdout.contains("uses restricted volume type \\\"unknown\\\""))
        let restrictedDefaulted = try Self.kcsa(["pss", "check", "--json", path])
        #expect(!restrictedDefaulted.stdout.contains("restrictedVolumes"))
    }
}

extension KCSARun {
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
}
