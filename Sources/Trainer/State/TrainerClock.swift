import Foundation

/// The time kcsa schedules reviews and exams by: the real clock, or a fixed moment from
/// `--now` or `KCSA_NOW` (ISO 8601, e.g. 2026-05-01T10:00:00Z) so tests can move time.
/// Nothing else in the trainer reads the system clock.
public struct TrainerClock: Sendable {
    public var now: @Sendable () -> Date
    /// True when the time is fixed (a fixed KCSA_NOW also stops the exam clock).
    public var isFixed: Bool

    public init(now: @escaping @Sendable () -> Date, isFixed: Bool) {
        self.now = now
        self.isFixed = isFixed
    }

    public static let system = TrainerClock(now: { Date() }, isFixed: false)

    public static func fixed(_ date: Date) -> TrainerClock { TrainerClock(now: { date }, isFixed: true) }

    /// `--now` if given, else `KCSA_NOW` if set, else the system clock.
    public static func from(explicit: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CLIError) -> TrainerClock {
        if let explicit { return .fixed(try parse(explicit, source: "--now")) }
        if let env = environment["KCSA_NOW"], !env.isEmpty { return .fixed(try parse(env, source: "KCSA_NOW")) }
        return .system
    }

    public static func parse(_ text: String, source: String) throws(CLIError) -> Date {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        throw CLIError("\(source): \(text) is not an ISO 8601 time (e.g. 2026-05-01T10:00:00Z)")
    }

    /// "in 3 days", "in 5 hours", "now".
    public static func relative(_ date: Date, from now: Date) -> String {
        let s = date.timeIntervalSince(now)
        if s <= 0 { return "now" }
        if s < 3600 { return "in \(Int((s / 60).rounded(.up))) minutes" }
        if s < 86_400 { return "in \(Int((s / 3600).rounded())) hours" }
        let days = Int((s / 86_400).rounded())
        return days == 1 ? "in 1 day" : "in \(days) days"
    }

    public static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
