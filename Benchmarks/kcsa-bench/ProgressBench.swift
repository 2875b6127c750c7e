import Foundation
import GRDB
import Progress

/// The progress store's open cost: a realistic store (a year of daily use, and ten times
/// that), opened as kcsa opens it (WAL, integrity and schema checks, migrations), with
/// `PRAGMA quick_check` and `PRAGMA integrity_check` timed on their own. The health check
/// runs at every open, so this is what each `kcsa lab check` pays for it. SQLite does the
/// work, so a debug build measures the same.
enum ProgressBench {
    static func main(_ args: [String]) {
        var scale = 1, iterations = 9
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--scale": scale = max(1, Int(value) ?? scale); i += 1
            case "--iterations": iterations = max(1, Int(value) ?? iterations); i += 1
            default: print("unknown option \(args[i])"); exit(2)
            }
            i += 1
        }
        for s in [scale, scale * 10] { measure(scale: s, iterations: iterations) }
    }

    static func measure(scale: Int, iterations: Int) {
        let dir = NSTemporaryDirectory() + "kcsa-bench-progress-\(UUID().uuidString)"
        let path = dir + "/progress.sqlite"
        do {
            let rows = try populate(path, scale: scale)
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            let open = median(iterations) { _ = try ProgressStore(path: path) }
            let queue = try DatabaseQueue(path: path)
            let quick = median(iterations) { _ = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check") } }
            let full = median(iterations) { _ = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } }
            print(String(format: "progress: %d rows, %.1f MB: open %.2f ms (with %@), quick_check %.2f ms, integrity_check %.2f ms",
                         rows, Double(size) / 1e6, open, ProgressStore.healthCheck, quick, full))
        } catch {
            print("progress: \(error)")
        }
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// A year of use per `scale`: 20,000 quiz answers, 50 exams of 60 answers, 5,000 lab
    /// checks (with their review cards) and 1,000 hints. Returns the number of rows.
    static func populate(_ path: String, scale: Int) throws -> Int {
        let store = try ProgressStore(path: path)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let domains = ["cluster-component-security", "platform-security", "security-fundamentals", "threat-model"]
        var rows = 0
        for batch in 0..<(20 * scale) {
            let exam = ExamRecord(seed: Int64(batch), correct: 40, total: 60, passed: true, takenAt: t0.addingTimeInterval(Double(batch) * 3600))
            let answers = (0..<1_000).map { n in
                AnswerRecord(questionID: "q-\((batch * 1_000 + n) % 900)", revision: 1, domain: domains[n % 4],
                             correct: n % 3 != 0, mode: "quiz", answeredAt: t0.addingTimeInterval(Double(batch * 1_000 + n)))
            }
            try store.recordExam(exam, answers: answers)
            rows += 1 + answers.count
        }
        for n in 0..<(5_000 * scale) {
            try store.recordLabCheck(labID: "lab-\(n % 60)", passed: n % 4 == 0, failedChecks: 1,
                                     at: t0.addingTimeInterval(Double(n) * 600))
            rows += 1
        }
        for n in 0..<(1_000 * scale) {
            try store.recordHint(labID: "lab-\(n % 60)", tier: 1 + n % 3, at: t0.addingTimeInterval(Double(n)))
            rows += 1
        }
        return rows + (try store.reviewCards().count)
    }

    /// Median wall-clock milliseconds of `body` over `n` runs.
    static func median(_ n: Int, _ body: () throws -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<n {
            let start = ContinuousClock.now
            try? body()
            let d = ContinuousClock.now - start
            times.append(Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15)
        }
        return times.sorted()[times.count / 2]
    }
}
