import JQ
import JSONValue

/// The limits on a learner's answer wherever it runs: `kcsa lab check` (and `lab watch`),
/// the REPL's `check`, `try` and `jq`, and anything else that grades an answer through
/// `LabChecker`. One place, so a query that the REPL stops is stopped the same way
/// everywhere; the result is a finding ("your query exceeded ..."), never a hang.
public struct LabLimits: Sendable, Equatable {
    /// Evaluation steps (calls, iterations, native work) of one jq run, i.e. one event.
    public static let maxStepsPerRun = 50_000_000
    /// Values a query may print over a whole log.
    public static let maxOutputs = 1_000_000
    /// Bytes of (compact JSON) output a query may print over a whole log: with the step
    /// and time limits, this bounds the memory a runaway answer can hold.
    public static let maxOutputBytes = 64 << 20
    /// Wall-clock time for one check (every log of it), or one `try` / `jq` in the REPL.
    public static let timeLimit: Duration = .seconds(20)
    /// After the time limit, how long a one-shot `kcsa lab check` waits for the check to
    /// stop before it reports the limit and exits anyway (native work that ignores it).
    public static let watchdogSlack: Duration = .seconds(10)

    public var stepsPerRun = LabLimits.maxStepsPerRun
    public var outputs = LabLimits.maxOutputs
    public var outputBytes = LabLimits.maxOutputBytes
    public var time = LabLimits.timeLimit

    /// The limits every caller uses.
    public static let standard = LabLimits()

    public init() {}

    /// The jq interpreter's part of the limits, with the deadline `time` from `start`.
    public func jq(from start: ContinuousClock.Instant = .now) -> JQLimits {
        JQLimits(maxSteps: stepsPerRun, maxOutputs: outputs, deadline: start + time)
    }

    /// A limit an answer ran into.
    public enum Exceeded: Error, Sendable, Equatable, CustomStringConvertible {
        case time(Duration)
        case steps(Int)
        case outputs(Int)
        case outputBytes(Int)
        /// Another of the interpreter's limits (call depth, stack), in its words.
        case engine(String)

        public var description: String {
            switch self {
            case .time(let d): "your query exceeded the time limit of \(d.components.seconds) s"
            case .steps(let n): "your query exceeded the limit of \(grouped(n)) evaluation steps on one event"
            case .outputs(let n): "your query exceeded the limit of \(grouped(n)) outputs"
            case .outputBytes(let n): "your query exceeded the limit of \(n >> 20) MB of output"
            case .engine(let m): "your query exceeded a limit: \(m)"
            }
        }

        /// The finding's message: "not passed: your query exceeded N".
        public var finding: String { "not passed: \(description)" }
    }

    /// Which limit a `JQLimitExceeded` from a run that started at `start` was.
    public func classify(_ e: JQLimitExceeded, started start: ContinuousClock.Instant) -> Exceeded {
        if ContinuousClock.now >= start + time { return .time(time) }
        if e.message.hasPrefix("evaluation step limit") { return .steps(stepsPerRun) }
        if e.message.hasPrefix("output limit") { return .outputs(outputs) }
        return .engine(e.message)
    }
}

/// Counts what a query prints over one log against the output limits.
public struct OutputBudget {
    public let limits: LabLimits
    public private(set) var outputs = 0
    public private(set) var bytes = 0

    public init(_ limits: LabLimits) { self.limits = limits }

    /// Counts one output; throws the limit it goes over.
    public mutating func count(_ value: JSON) throws(LabLimits.Exceeded) {
        outputs += 1
        if outputs > limits.outputs { throw .outputs(limits.outputs) }
        bytes += Self.size(value, cap: limits.outputBytes - bytes + 1)
        if bytes > limits.outputBytes { throw .outputBytes(limits.outputBytes) }
    }

    /// About how many bytes `value` takes as compact JSON, counting no further than `cap`.
    static func size(_ value: JSON, cap: Int) -> Int {
        switch value {
        case .null, .bool: return 5
        case .number: return 8
        case .string(let s): return s.utf8.count + 2
        case .array(let items):
            var total = 2
            for item in items where total <= cap { total += size(item, cap: cap - total) + 1 }
            return total
        case .object(let fields):
            var total = 2
            for (k, v) in fields where total <= cap { total += k.utf8.count + 4 + size(v, cap: cap - total) }
            return total
        }
    }
}

private func grouped(_ n: Int) -> String {
    var s = String(n)
    var i = s.count - 3
    while i > 0 {
        s.insert(",", at: s.index(s.startIndex, offsetBy: i))
        i -= 3
    }
    return s
}
