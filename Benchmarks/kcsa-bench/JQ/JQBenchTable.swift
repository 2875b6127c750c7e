import Foundation

/// The jq benchmark's results: one line per tool as it runs, then the summary
/// table of issue 16 (each tool's seconds side by side, kcsa's speed-up over jq
/// 1.6 and jaq, peak RSS, whether every output is byte-identical to jq's).
enum JQBenchTable {
    struct Row {
        var query: JQBench.Query
        var results: [String: JQBenchMeasurement]

        /// The output every tool is held to: jq's, else kcsa's.
        var reference: JQBenchMeasurement? { results["jq"] ?? results["kcsa"] }

        func same(_ tool: String) -> Bool? {
            guard let r = reference, let m = results[tool] else { return nil }
            return m.outputHash == r.outputHash && m.outputBytes == r.outputBytes && m.exitStatus == r.exitStatus
        }

        func printDetail(toolOrder: [String], megabytes mb: Double) {
            for t in toolOrder {
                guard let m = results[t] else {
                    print("\(query.id.padding(7))\(t.padding(8))  could not start")
                    continue
                }
                let check = same(t).map { $0 ? "same as \(results["jq"] != nil ? "jq" : "kcsa")" : "DIFFERS" } ?? ""
                print(String(format: "%@%@ %8.2f s %8.1f MB/s %8.1f MB RSS  exit %d  %@ (%d bytes)",
                             query.id.padding(7), t.padding(8), m.seconds, mb / m.seconds,
                             Double(m.peakRSSKB) / 1024, m.exitStatus, check, m.outputBytes))
            }
        }
    }

    static func printSummary(_ rows: [Row], toolOrder: [String]) {
        var header = "| query |"
        for t in toolOrder { header += " \(t) s |" }
        header += " kcsa vs jq 1.6 | kcsa vs jaq | kcsa RSS | jaq RSS | output = jq |"
        print(header)
        print("|" + String(repeating: "---|", count: toolOrder.count + 6))
        for row in rows {
            var line = "| \(row.query.id) |"
            for t in toolOrder {
                line += row.results[t].map { String(format: " %.2f |", $0.seconds) } ?? " - |"
            }
            line += " \(ratio(row, "jq")) | \(ratio(row, "jaq")) |"
            line += " \(rss(row, "kcsa")) | \(rss(row, "jaq")) |"
            let checks = toolOrder.compactMap { t in row.same(t).map { "\(t) \($0 ? "yes" : "NO")" } }
            line += " \(checks.joined(separator: ", ")) |"
            print(line)
        }
    }

    /// How many times faster kcsa is than `tool`.
    private static func ratio(_ row: Row, _ tool: String) -> String {
        guard let k = row.results["kcsa"], let o = row.results[tool], k.seconds > 0 else { return "-" }
        return String(format: "%.2f×", o.seconds / k.seconds)
    }

    private static func rss(_ row: Row, _ tool: String) -> String {
        guard let m = row.results[tool] else { return "-" }
        return String(format: "%.0f MB", Double(m.peakRSSKB) / 1024)
    }
}
