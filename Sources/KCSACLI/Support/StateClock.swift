import Foundation

/// The time kcsa schedules reviews and exams by: the real clock, or a fixed moment from
/// `--now` or `KCSA_NOW` (ISO 8601, e.g. 2026-05-01T10:00:00Z) so tests can move time.
enum StateClock {
    static func now(explicit: String? = nil) throws(CLIError) -> Date {
        if let explicit { return try parse(explicit, source: "--now") }
        if let env = ProcessInfo.processInfo.environment["KCSA_NOW"], !env.isEmpty {
            return try parse(env, source: "KCSA_NOW")
        }
        return Date()
    }

    /// The current time for a running exam: a fixed KCSA_NOW stops the exam clock.
    static func ticking() -> () -> Date {
        if ProcessInfo.processInfo.environment["KCSA_NOW"]?.isEmpty == false, let fixed = try? now() {
            return { fixed }
        }
        return { Date() }
    }

    static func parse(_ text: String, source: String) throws(CLIError) -> Date {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        throw CLIError("\(source): \(text) is not an ISO 8601 time (e.g. 2026-05-01T10:00:00Z)")
    }

    /// "in 3 days", "in 5 hours", "now".
    static func relative(_ date: Date, from now: Date) -> String {
        let s = date.timeIntervalSince(now)
        if s <= 0 { return "now" }
        if s < 3600 { return "in \(Int((s / 60).rounded(.up))) minutes" }
        if s < 86_400 { return "in \(Int((s / 3600).rounded())) hours" }
        let days = Int((s / 86_400).rounded())
        return days == 1 ? "in 1 day" : "in \(days) days"
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
