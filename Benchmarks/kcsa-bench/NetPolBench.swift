import Diagnostics
import Foundation
import NetworkPolicy

/// NetworkPolicy truth tables of a realistic cluster: 1,000 pods in 27 namespaces and 200
/// policies (default deny, DNS egress, tiered app rules with named ports, ipBlocks with
/// except, endPort ranges, namespace selectors), written as YAML and read like `--objects`.
enum NetPolBench {
    static func main(_ args: [String]) {
        var iterations = 5, verifyCells = 50_000
        var writePath: String?
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--iterations": iterations = max(1, Int(value) ?? iterations); i += 1
            case "--verify": verifyCells = max(0, Int(value) ?? verifyCells); i += 1
            case "--write": writePath = value; i += 1
            default: print("unknown option \(args[i])"); exit(2)
            }
            i += 1
        }
        let text = NetPolClusterGenerator.yaml()
        if let writePath {
            // For timing `kcsa netpol reach --objects FILE` itself.
            FileManager.default.createFile(atPath: writePath, contents: Data(text.utf8))
            print("wrote \(writePath)")
            return
        }
        var t = threadCPUNanos()
        let (objects, problems) = ObjectDecoder.decode(SourceFile(name: "bench.yaml", text: text))
        let decodeMs = ms(since: t)
        guard problems.isEmpty else { print("generated objects have problems: \(problems.prefix(3))"); exit(1) }
        t = threadCPUNanos()
        let model: ClusterModel
        do { model = try ClusterModel(objects: objects) } catch { print("model: \(error.problems.prefix(3))"); exit(1) }
        let buildMs = ms(since: t)
        let probes = model.declaredPorts

        var perTable: [Double] = [], perSet: [Double] = []
        var allowed = 0
        for _ in 0..<iterations {
            t = threadCPUNanos()
            let table = model.truthTable(port: 8080, protocol: .tcp)
            perTable.append(ms(since: t))
            allowed = table.rows.reduce(0) { $0 + $1.cardinality }
            t = threadCPUNanos()
            var checksum = 0
            for p in probes { checksum &+= model.truthTable(port: p.port, protocol: p.protocol).rows[0].cardinality }
            perSet.append(ms(since: t))
            if checksum < 0 { print(checksum) }
        }
        perTable.sort()
        perSet.sort()

        let (perVerdictMicros, perExplainedMicros, checked, mismatches) = verify(model, cells: verifyCells)
        let cells = model.pods.count * model.pods.count

        print("kcsa netpol truth-table benchmark")
        print("cluster:     \(model.namespaces.count) namespaces, \(model.pods.count) pods, \(model.policies.count) policies "
              + "(\(text.utf8.count / 1024) KiB of YAML)")
        print(String(format: "decode:      %.1f ms (YAML -> objects)", decodeMs))
        print(String(format: "build:       %.1f ms (validate, compile selectors, peer bitsets)", buildMs))
        print(String(format: "table:       8080/TCP, %d cells, %.1f%% allowed: min %.2f  median %.2f ms  (%.1f ns/cell)",
                     cells, 100 * Double(allowed) / Double(cells), perTable.first!, perTable[perTable.count / 2],
                     perTable[perTable.count / 2] * 1e6 / Double(cells)))
        print(String(format: "all ports:   %d tables (every declared port/protocol): median %.1f ms", probes.count, perSet[perSet.count / 2]))
        print(String(format: "connection:  %.2f µs per verdict, %.1f µs explained; %d sampled cells, %d disagree with the table",
                     perVerdictMicros, perExplainedMicros, checked, mismatches))
        print(String(format: "end to end:  %.0f ms for decode + build + one table", decodeMs + buildMs + perTable[perTable.count / 2]))
        if mismatches > 0 { exit(1) }
    }

    /// The table must agree with the one-connection paths (the verdict, and the explained one);
    /// returns the time per verdict and per explained verdict, cells checked and disagreements.
    static func verify(_ model: ClusterModel, cells verifyCells: Int) -> (Double, Double, Int, Int) {
        let table = model.truthTable(port: 8080, protocol: .tcp)
        var mismatches = 0
        let samples = sampleCells(verifyCells, pods: model.pods.count)
        var t = threadCPUNanos()
        for (from, to) in samples where model.allows(from: .pod(from), to: .pod(to), port: 8080, protocol: .tcp)
            != table.allowed(from: from, to: to) {
            mismatches += 1
        }
        let perVerdictMicros = samples.isEmpty ? 0 : ms(since: t) * 1000 / Double(samples.count)
        let explained = samples.prefix(max(1, samples.count / 10))
        t = threadCPUNanos()
        for (from, to) in explained where model.connection(from: .pod(from), to: .pod(to), port: 8080, protocol: .tcp).allowed
            != table.allowed(from: from, to: to) {
            mismatches += 1
        }
        let perExplainedMicros = explained.isEmpty ? 0 : ms(since: t) * 1000 / Double(explained.count)
        return (perVerdictMicros, perExplainedMicros, samples.count + explained.count, mismatches)
    }

    /// Deterministic pseudo-random (from, to) pairs.
    static func sampleCells(_ n: Int, pods: Int) -> [(Int, Int)] {
        var seed: UInt64 = 42
        return (0..<n).map { _ in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return (Int((seed >> 33) % UInt64(pods)), Int((seed >> 13) % UInt64(pods)))
        }
    }

    static func ms(since start: UInt64) -> Double { Double(threadCPUNanos() - start) / 1e6 }
}

/// Writes the benchmark cluster as multi-document YAML (deterministic).
enum NetPolClusterGenerator {
    static let apps: [(app: String, tier: String, ports: String)] = [
        ("frontend", "web", "[{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]"),
        ("api", "backend", "[{name: http, containerPort: 8080}, {name: grpc, containerPort: 50051}, {name: metrics, containerPort: 9090}]"),
        ("worker", "backend", "[{name: metrics, containerPort: 9090}]"),
        ("db", "data", "[{name: pg, containerPort: 5432}]"),
        ("cache", "data", "[{name: redis, containerPort: 6379}]"),
    ]

    static func yaml() -> String {
        var docs: [String] = []
        let teams = 24
        docs.append(namespace("kube-system", "{}"))
        docs.append(namespace("monitoring", "{monitoring: \"true\"}"))
        docs.append(namespace("ingress-nginx", "{role: ingress}"))
        for t in 0..<teams {
            docs.append(namespace("team-\(t)", "{team: t\(t), env: \(["prod", "staging", "dev"][t % 3])}"))
        }
        for k in 0..<6 {
            docs.append(pod("kube-system", "coredns-\(k)", "{k8s-app: kube-dns}", "10.0.0.\(k + 10)",
                            "[{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}]"))
        }
        for k in 0..<5 { docs.append(pod("monitoring", "prometheus-\(k)", "{app: prometheus}", "10.0.1.\(k + 10)", "[{name: web, containerPort: 9090}]")) }
        for k in 0..<5 { docs.append(pod("ingress-nginx", "controller-\(k)", "{app: ingress}", "10.0.2.\(k + 10)", "[{name: http, containerPort: 80}]")) }
        for t in 0..<teams {
            for k in 0..<41 {
                let a = apps[k % apps.count]
                docs.append(pod("team-\(t)", "\(a.app)-\(k)", "{app: \(a.app), tier: \(a.tier), version: v\(k % 2 + 1)}",
                                "10.\(t + 1).\(k / 200).\(k % 200 + 10)", a.ports))
            }
            docs += teamPolicies(t)
        }
        docs.append(policy("kube-system", "dns-in", "{matchLabels: {k8s-app: kube-dns}}", "[Ingress]",
                           ingress: "[{ports: [{port: 53, protocol: UDP}, {port: 53}]}]"))
        docs.append(policy("monitoring", "scrape-out", "{}", "[Egress]", egress: "[{to: [{namespaceSelector: {}}], ports: [{port: metrics}]}]"))
        docs.append(policy("ingress-nginx", "public-in", "{}", "[Ingress]",
                           ingress: "[{from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.0.0/16]}}]}]"))
        docs.append(policy("ingress-nginx", "to-frontends", "{}", "[Egress]",
                           egress: "[{to: [{namespaceSelector: {matchExpressions: [{key: env, operator: In, values: [prod, staging]}]}, podSelector: {matchLabels: {app: frontend}}}], ports: [{port: http}]}]"))
        docs.append(policy("monitoring", "grafana-in", "{matchLabels: {app: grafana}}", "[Ingress]", ingress: "[{from: [{podSelector: {}}]}]"))
        docs.append(policy("monitoring", "deny-in", "{}", "[Ingress]"))
        docs.append(policy("kube-system", "deny-egress", "{}", "[Egress]"))
        docs.append(policy("kube-system", "api-out", "{matchLabels: {k8s-app: kube-dns}}", "[Egress]",
                           egress: "[{to: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 53, protocol: UDP}, {port: 53}]}]"))
        return docs.joined(separator: "\n---\n") + "\n"
    }

    /// Eight policies per team namespace.
    static func teamPolicies(_ t: Int) -> [String] {
        let ns = "team-\(t)"
        return [
            policy(ns, "default-deny", "{}", "[Ingress, Egress]"),
            policy(ns, "allow-dns", "{}", "[Egress]", egress: """
            [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{port: dns, protocol: UDP}, {port: dns-tcp}]}]
            """),
            policy(ns, "frontend-in", "{matchLabels: {app: frontend}}", "[Ingress]", ingress: """
            [{from: [{namespaceSelector: {matchLabels: {role: ingress}}}, {ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/16]}}], ports: [{port: http}]}]
            """),
            policy(ns, "api-in", "{matchLabels: {app: api}}", "[Ingress]", ingress: """
            [{from: [{podSelector: {matchLabels: {app: frontend}}}, {namespaceSelector: {matchLabels: {team: t\((t + 1) % 24)}}, podSelector: {matchLabels: {app: api}}}], ports: [{port: http}, {port: grpc}]}]
            """),
            policy(ns, "data-in", "{matchExpressions: [{key: tier, operator: In, values: [data]}]}", "[Ingress]", ingress: """
            [{from: [{podSelector: {matchExpressions: [{key: app, operator: In, values: [api, worker]}, {key: version, operator: NotIn, values: [v0]}]}}], ports: [{port: 5432}, {port: 6379}]}]
            """),
            policy(ns, "metrics-in", "{matchExpressions: [{key: app, operator: Exists}]}", "[Ingress]", ingress: """
            [{from: [{namespaceSelector: {matchLabels: {monitoring: "true"}}}], ports: [{port: metrics}]}]
            """),
            policy(ns, "frontend-out", "{matchLabels: {app: frontend}}", "[Egress]", egress: """
            [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 8080, endPort: 8090}, {port: grpc}]}]
            """),
            policy(ns, "backend-out", "{matchLabels: {tier: backend}}", "[Egress]", egress: """
            [{to: [{podSelector: {matchLabels: {tier: data}}}, {namespaceSelector: {matchLabels: {team: t\((t + 1) % 24)}}, podSelector: {matchLabels: {app: api}}}]}, {to: [{ipBlock: {cidr: 192.168.0.0/16, except: [192.168.1.0/24]}}], ports: [{port: 8000, endPort: 8999}]}]
            """),
        ]
    }

    static func namespace(_ name: String, _ labels: String) -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: \(name), labels: \(labels)}"
    }

    static func pod(_ ns: String, _ name: String, _ labels: String, _ ip: String, _ ports: String) -> String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: \(name), namespace: \(ns), labels: \(labels)}\n"
            + "spec: {containers: [{name: main, image: app, ports: \(ports)}]}\nstatus: {podIP: \(ip)}"
    }

    static func policy(_ ns: String, _ name: String, _ selector: String, _ types: String,
                       ingress: String? = nil, egress: String? = nil) -> String {
        var s = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: \(name), namespace: \(ns)}\n"
            + "spec:\n  podSelector: \(selector)\n  policyTypes: \(types)"
        if let ingress { s += "\n  ingress: \(ingress)" }
        if let egress { s += "\n  egress: \(egress)" }
        return s
    }
}
