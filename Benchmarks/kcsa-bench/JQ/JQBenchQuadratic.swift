import Foundation

/// The three cases of issue 17 that used to be quadratic, timed through
/// `kcsa jq` (and jq 1.6 when installed) at n and 2n: a linear one takes about
/// twice as long at 2n, a quadratic one four times.
///   - `reduce range(n) as $i ({}; .[$i|tostring] = $i)`
///   - `from_entries` on n entries
///   - parsing one object with n keys
enum JQBenchQuadratic {
    struct Case {
        var name: String
        var args: (Int) -> [String]
        /// An input file to write first, for size n.
        var input: ((Int) -> String)?
    }

    static let sizes = [100_000, 200_000]

    static func cases(inputPath: String) -> [Case] {
        [
            Case(name: "reduce .[$i|tostring] = $i", args: { n in
                ["-n", "reduce range(\(n)) as $i ({}; .[$i|tostring] = $i) | length"]
            }),
            Case(name: "from_entries", args: { n in
                ["-n", "[range(\(n)) | {key: tostring, value: .}] | from_entries | length"]
            }),
            Case(name: "parse object with n keys", args: { _ in ["length", inputPath] }, input: { n in
                var s = "{"
                s.reserveCapacity(n * 16)
                for i in 0 ..< n { s += (i == 0 ? "" : ",") + "\"k\(i)\":\(i)" }
                return s + "}\n"
            }),
        ]
    }

    static func run(kcsa: String, jq: String?) {
        let inputPath = NSTemporaryDirectory() + "kcsa-bench-keys-\(getpid()).json"
        let output = NSTemporaryDirectory() + "kcsa-bench-quadratic-\(getpid()).out"
        defer {
            try? FileManager.default.removeItem(atPath: inputPath)
            try? FileManager.default.removeItem(atPath: output)
        }
        print("")
        print("issue 17 cases: seconds at n = \(sizes[0]) and 2n (2n/n ≈ 2 when linear)")
        print("| case | tool | n | 2n | 2n/n |")
        print("|---|---|---|---|---|")
        var tools: [(String, [String])] = [("kcsa", [kcsa, "jq"])]
        if let jq { tools.append(("jq 1.6", [jq])) }
        for c in cases(inputPath: inputPath) {
            for (name, argv) in tools {
                var times: [Double] = []
                for n in sizes {
                    if let input = c.input { FileManager.default.createFile(atPath: inputPath, contents: Data(input(n).utf8)) }
                    guard let m = JQBenchProcess.measure(argv + c.args(n), outputPath: output), m.exitStatus == 0 else {
                        times.append(.nan)
                        continue
                    }
                    times.append(m.seconds)
                }
                print(String(format: "| %@ | %@ | %.3f | %.3f | %.2f |", c.name, name, times[0], times[1], times[1] / times[0]))
            }
        }
    }
}
