import Foundation
import Testing

/// `kcsa netpol ...` through the built binary: every e2e matrix of
/// ../shared/conformance/netpol/e2e.json via `reach --json`, verdicts, explanations, bad input.
@Suite struct NetPolCommandTests {
    static let e2e = PolicyCommandTests.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/netpol/e2e.json")
    static var sharedExists: Bool { FileManager.default.fileExists(atPath: e2e.path) }

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The objects of the e2e pod model with the given labels and policies, as one List.
    static func objects(_ model: [String: Any], pods podLabels: [String: [String: String]],
                        namespaces nsLabels: [String: [String: String]], policies: [Any]) throws -> String {
        let namespaces: [Any] = nsLabels.keys.sorted().map {
            ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": $0, "labels": nsLabels[$0]!]] as [String: Any]
        }
        let pods: [Any] = (model["pods"] as! [[String: Any]]).map { p in
            ["apiVersion": "v1", "kind": "Pod",
             "metadata": ["name": p["name"]!, "namespace": p["namespace"]!, "labels": podLabels["\(p["namespace"]!)/\(p["name"]!)"]!],
             "spec": ["containers": [["name": "c", "ports": p["ports"]!]]], "status": ["podIP": p["ip"]!]] as [String: Any]
        }
        return try json(["apiVersion": "v1", "kind": "List", "items": namespaces + pods + policies] as [String: Any])
    }

    static func merge(_ changes: Any?, _ labels: inout [String: [String: String]]) {
        for (target, kv) in changes as? [String: [String: Any]] ?? [:] {
            for (k, v) in kv { labels[target]?[k] = v as? String }
        }
    }

    @Test(.enabled(if: sharedExists, "needs ../shared/conformance/netpol/e2e.json"))
    func everyE2EMatrixThroughTheBinary() throws {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.e2e)) as! [String: Any]
        let model = root["model"] as! [String: Any]
        let order = root["order"] as! [String]
        var matrices = 0, passed = 0
        for c in root["cases"] as! [[String: Any]] {
            var policies: [(key: String, value: Any)] = []
            var podLabels: [String: [String: String]] = [:]
            for p in model["pods"] as! [[String: Any]] { podLabels["\(p["namespace"]!)/\(p["name"]!)"] = p["labels"] as? [String: String] }
            var nsLabels = model["namespaces"] as! [String: [String: String]]
            for step in c["steps"] as! [[String: Any]] {
                for d in step["delete"] as? [[String: String]] ?? [] {
                    policies.removeAll { $0.key == "\(d["namespace"]!)/\(d["name"]!)" }
                }
                for p in step["apply"] as? [[String: Any]] ?? [] {
                    let meta = p["metadata"] as! [String: Any]
                    let key = "\(meta["namespace"]!)/\(meta["name"]!)"
                    if let i = policies.firstIndex(where: { $0.key == key }) { policies[i].value = p } else { policies.append((key, p)) }
                }
                Self.merge(step["labelPods"], &podLabels)
                Self.merge(step["labelNamespaces"], &nsLabels)
                let path = try PolicyCommandTests.temp("objects.json", try Self.objects(model, pods: podLabels, namespaces: nsLabels,
                                                                                        policies: policies.map(\.value)))
                for probe in step["probes"] as? [[String: Any]] ?? [] {
                    matrices += 1
                    let r = try PolicyCommandTests.kcsa(["netpol", "reach", "--objects", path, "--port", "\(probe["port"]!)",
                                                         "--protocol", "\(probe["protocol"]!)", "--json"])
                    let out = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
                    let got = (out?["probes"] as? [[String: Any]])?.first
                    if r.status == 0, out?["order"] as? [String] == order, got?["expect"] as? [String] == probe["expect"] as? [String],
                       got?["port"] as? Int == probe["port"] as? Int, got?["protocol"] as? String == probe["protocol"] as? String {
                        passed += 1
                    } else {
                        Issue.record("\(c["name"]!) \(probe["port"]!)/\(probe["protocol"]!): \(r.status) \(r.stdout) \(r.stderr)")
                    }
                }
            }
        }
        print("kcsa netpol reach --json: \(passed)/\(matrices) e2e matrices")
        #expect(matrices == 65)
        #expect(passed == matrices)
    }

    static let cluster = """
    apiVersion: v1
    kind: Namespace
    metadata: {name: prod}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: web, namespace: prod, labels: {app: web}}
    spec: {containers: [{name: web, ports: [{name: http, containerPort: 8080}]}]}
    status: {podIP: 10.0.0.10}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: db, namespace: prod}
    spec:
      template:
        metadata: {labels: {app: db}}
        spec: {containers: [{name: db, ports: [{containerPort: 5432}]}]}
    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: db-in, namespace: prod}
    spec:
      podSelector: {matchLabels: {app: db}}
      ingress:
      - from: [{podSelector: {matchLabels: {app: web}}}]
        ports: [{port: 5432}]
    """

    @Test func aTableForEveryDeclaredPortInUpstreamsLayout() throws {
        let path = try PolicyCommandTests.temp("c.yaml", Self.cluster)
        let r = try PolicyCommandTests.kcsa(["netpol", "reach", "--objects", path])
        #expect(r.status == 0)
        #expect(r.stdout == """
        5432/TCP
        -\tprod/web\tprod/db
        prod/web\t.\t.
        prod/db\t.\t.

        8080/TCP
        -\tprod/web\tprod/db
        prod/web\t.\tX
        prod/db\t.\t.

        """)
        #expect(r.stderr == "kcsa: note: prod/db (the pod of Deployment prod/db) was given IP 10.244.0.1\n")
    }

    @Test func oneConnectionExitsZeroOrOneAndExplains() throws {
        let path = try PolicyCommandTests.temp("c.yaml", Self.cluster)
        let ok = try PolicyCommandTests.kcsa(["netpol", "reach", "--objects", path, "--from", "prod/web", "--to", "prod/db", "--port", "5432"])
        #expect(ok.status == 0)
        #expect(ok.stdout == "allowed\n")
        let blocked = try PolicyCommandTests.kcsa(["netpol", "reach", "--objects", path, "--from", "203.0.113.7", "--to", "prod/db",
                                                   "--port", "5432", "--explain"])
        #expect(blocked.status == 1)
        #expect(blocked.stdout == """
        203.0.113.7 -> prod/db 5432/TCP: blocked
          egress: 203.0.113.7 is outside the cluster; no policy applies to its egress
          ingress of prod/db: isolated by prod/db-in
            blocked: no ingress rule of these policies matches
            nearest: prod/db-in spec.ingress[0] at \(path):25:5, which lacks:
              - its only peer (spec.ingress[0].from[0]): 203.0.113.7 is outside the cluster; podSelector and namespaceSelector select only pods (an ipBlock is needed)

        """)
        let json = try PolicyCommandTests.kcsa(["netpol", "reach", "--objects", path, "--from", "prod/db", "--to", "prod/web",
                                                "--port", "8080", "--json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"allowed\": true"))
    }

    @Test func badInputExitsTwoWithFileLineAndColumn() throws {
        let path = try PolicyCommandTests.temp("bad.yaml", """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: nowhere}
        spec:
          podSelector: {matchExpressions: [{key: app, operator: Equal, values: [a]}]}
          ingress:
          - ports: [{endPort: 90}]
        """)
        let r = try PolicyCommandTests.kcsa(["netpol", "reach", "--objects", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: spec.podSelector.matchExpressions[0].operator: Invalid value: \"Equal\": not a valid selector operator\n --> \(path):5:57"))
        #expect(r.stderr.contains("error: spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified\n --> \(path):7:23"))
        #expect(r.stderr.contains("error: namespaces \"nowhere\" not found\n --> \(path):3:32"))
        let v = try PolicyCommandTests.kcsa(["netpol", "validate", path])
        #expect(v.status == 1)
        #expect(v.stdout == "\(path): invalid (1 NetworkPolicy, 2 errors)\n")
        let pod = try PolicyCommandTests.temp("pod.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nkind: Pod\nmetadata: {name: p, namespace: a}\n")
        let noIP = try PolicyCommandTests.kcsa(["netpol", "reach", "--objects", pod])
        #expect(noIP.status == 2)
        #expect(noIP.stderr.contains("error: status.podIP: Required value: pod a/p has no IP address\n --> \(pod):5:1"))
    }

    /// A file without a NetworkPolicy is not "valid": nothing was checked (kubectl: "no objects passed").
    @Test func aFileWithoutANetworkPolicyIsNotValid() throws {
        let empty = try PolicyCommandTests.temp("empty.yaml", "")
        let ns = try PolicyCommandTests.temp("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n")
        let r = try PolicyCommandTests.kcsa(["netpol", "validate", empty, ns])
        #expect(r.status == 1)
        #expect(r.stdout == "\(empty): no NetworkPolicy (nothing to check)\n\(ns): no NetworkPolicy (nothing to check)\n")
        #expect(r.stderr == "kcsa: no NetworkPolicy in the files given (only kind: NetworkPolicy is checked)\n")
        let policy = try PolicyCommandTests.temp("deny.yaml", """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: a}
        spec: {podSelector: {}}
        """)
        let reach = try PolicyCommandTests.kcsa(["netpol", "reach", "--objects", empty])
        #expect(reach.status == 2)
        #expect(reach.stderr == "kcsa: the objects hold no pods\n")
        let mixed = try PolicyCommandTests.kcsa(["netpol", "validate", ns, policy])
        #expect(mixed.status == 0)
        #expect(mixed.stdout == "\(ns): no NetworkPolicy (nothing to check)\n\(policy): valid (1 NetworkPolicy)\n")
    }
}
