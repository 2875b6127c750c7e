import Foundation
import Labs
import Testing

/// `kcsa lab check` in one-shot mode has the REPL's limits (LabLimits): each runaway query
/// from issue #17 ends, within the time limit plus the watchdog's slack, as a failed
/// check that names the limit (or jq's own error), never a hang or a crash.
@Suite struct RunawayAnswerTests {
    typealias K = PolicyCommandTests

    static let cases: [(String, String)] = [
        ("string repeat per event", "\"x\" * 1e9 | length"),
        ("regex backtracking", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\" | test(\"(a|a)*$\")"),
        ("quadratic reduce", "reduce range(100000) as $i ([]; . + [$i]) | length"),
        ("a million outputs", "range(1000000)"),
        ("debug spam", "range(1e6) | debug | empty"),
        ("splits on 1 MB", "(\"x\" * 1000000) | [splits(\"x\")] | length"),
        ("2,000-deep parentheses", String(repeating: "(", count: 2000) + "." + String(repeating: ")", count: 2000)),
    ]

    @Test(arguments: cases)
    func aRunawayQueryIsAFailedCheckWithinTheLimit(_ name: String, _ query: String) throws {
        let answer = try K.temp("answer.jq", query + "\n")
        let started = Date()
        let r = try K.kcsa(["lab", "check", "query-exec-attach", answer, "--no-record"])
        let elapsed = Date().timeIntervalSince(started)
        let bound = Double((LabLimits.timeLimit + LabLimits.watchdogSlack).components.seconds) + 10
        #expect(elapsed < bound, "\(name): \(elapsed) s")
        #expect(r.status == 1, "\(name): \(r.status) \(r.stderr)")
        #expect(r.stdout.contains("NOT PASSED query-exec-attach"), "\(name): \(r.stdout.prefix(500))")
        let named = r.stdout.contains("not passed: your query exceeded") || r.stdout.contains("jq: error")
            || r.stdout.contains("output(s), the reference")
        #expect(named, "\(name): \(r.stdout.prefix(800))")
    }
}
