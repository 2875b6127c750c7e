import Foundation

/// `kcsa-bench jq`: the six audit-log queries of issue 3, timed through the
/// built `kcsa jq` and, when installed, jq (Debian's 1.6), gojq and jaq, on
/// the same generated log. Prints seconds, MB/s and peak RSS per query and tool.
///
///     swift build -c release --scratch-path .build-json-rel --product kcsa
///     swift run -c release --scratch-path .build-json-rel kcsa-bench jq [--size-mb 300] [--file F]
///         [--kcsa PATH] [--tools kcsa,jq,gojq,jaq] [--queries Q1,Q6] [--runs N]
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
        var runs = 1
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
            } else if let path = JQBenchProcess.which(name) {
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
        print("query  tool      seconds     MB/s   peak RSS  exit  output")
        for q in queries where queryIDs.contains(q.id) {
            var reference: UInt64?
            for t in tools {
                var best: JQBenchMeasurement?
                for _ in 0 ..< runs {
                    guard let m = JQBenchProcess.measure(t.argv + q.args + [corpus], outputPath: output) else { continue }
                    if best == nil || m.seconds < best!.seconds { best = m }
                }
                guard let m = best else {
                    print("\(q.id.padding(6))\(t.name.padding(8))  could not start")
                    continue
                }
                if t.name == "kcsa" { reference = m.outputHash }
                let same = reference == nil ? "" : (m.outputHash == reference ? "same as kcsa" : "differs")
                print(String(format: "%@%@ %8.2f %8.1f %8.1f MB  %4d  %@ (%d bytes)",
                             q.id.padding(7), t.name.padding(8), m.seconds, mb / m.seconds,
                             Double(m.peakRSSKB) / 1024, m.exitStatus, same, m.outputBytes))
            }
        }
    }
}

extension String {
    fileprivate func padding(_ n: Int) -> String {
        count >= n ? self : self + String(repeating: " ", count: n - count)
    }
}
