#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets long-running native builtins (regex matching, sorting, string building, joining)
/// reach the limits of the run they belong to: cancellation, the step budget and the
/// deadline. The interpreter installs itself for the current thread while it runs;
/// natives charge their work through a `WorkMeter`, so no native signature changes.
enum NativeWork {
    /// Native work units (elements or bytes) per evaluation step charged to the run.
    static let unitsPerStep = 1024
    /// How many units a meter gathers before it charges the run (and the run polls).
    static let unitsPerPoll = 16 * 1024

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    /// Makes `interpreter` the current run on this thread; returns the previous one for `restore`.
    static func install(_ interpreter: Interpreter) -> UnsafeMutableRawPointer? {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(interpreter).toOpaque())
        return previous
    }

    static func restore(_ previous: UnsafeMutableRawPointer?) {
        pthread_setspecific(key, previous)
    }

    /// Charges `units` to the current run (if any) and polls its limits.
    static func charge(_ units: Int) throws {
        guard let raw = pthread_getspecific(key) else { return }
        try Unmanaged<Interpreter>.fromOpaque(raw).takeUnretainedValue().chargeNative(units)
    }
}

/// Counts native work locally and charges it to the run in batches.
struct WorkMeter {
    private var pending = 0

    init() {}

    /// Records `units` of work; every `NativeWork.unitsPerPoll` units the run's limits are polled.
    @inline(__always)
    mutating func tick(_ units: Int = 1) throws {
        pending += units
        if pending >= NativeWork.unitsPerPoll {
            let n = pending
            pending = 0
            try NativeWork.charge(n)
        }
    }
}

extension Interpreter {
    /// Native work counts as steps (one per `NativeWork.unitsPerStep` units); then the
    /// cancellation flag, the step limit and the deadline are checked.
    func chargeNative(_ units: Int) throws {
        nativeUnits += units
        steps += nativeUnits / NativeWork.unitsPerStep
        nativeUnits %= NativeWork.unitsPerStep
        try checkBudget()
    }
}
