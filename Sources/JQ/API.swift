import Diagnostics
import JSONValue
import Synchronization

/// A compiled jq program: parse once, run on many inputs.
///
/// ```swift
/// let program = try JQProgram.compile(".items[] | select(.ok) | .name")
/// let env = JQEnvironment()
/// try program.run(input, environment: env) { output in print(output) }
/// ```
/// Evaluation is recursive; call `run` inside `JQProgram.withLargeStack` (once, around the
/// whole input loop) so deep user recursion ends in a `JQLimitExceeded` instead of a crash.
/// Without it, recursion is bounded by what is left of the calling thread's stack.
public struct JQProgram: Sendable {
    let compiled: CompiledProgram

    /// Compile a jq program. Errors are diagnostics with byte spans into the program text.
    /// Parsing and name resolution recurse over the program's nesting (at most
    /// `JQSyntaxLimits.maxNestingDepth` levels), so they run on a thread of their own with
    /// `compileStackSize` bytes of stack, whatever stack the caller has.
    public static func compile(_ source: String, options: JQCompileOptions = .init()) throws(JQCompileFailure) -> JQProgram {
        let result = try? LargeStack.run(stackSize: compileStackSize) { () -> Result<CompiledProgram, JQCompileFailure> in
            do throws(JQCompileFailure) {
                return .success(try Compiler.compile(source, options: options))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let compiled)?: return JQProgram(compiled: compiled)
        case .failure(let failure)?: throw failure
        case nil: return JQProgram(compiled: try Compiler.compile(source, options: options))
        }
    }

    /// Stack for `compile`'s thread (reserved lazily by the OS, like `withLargeStack`'s).
    static let compileStackSize = 1 << 30

    /// Run on one input, calling `emit` for each output, in order.
    ///
    /// Throws `JQRuntimeError` (an uncaught `error`), `JQHalt` (`halt` / `halt_error`),
    /// `JQLimitExceeded`, `JQCancelled`, or whatever `emit` or `environment.nextInput` throw.
    public func run(_ input: JSON, environment: JQEnvironment, emit: (JSON) throws -> Void) throws {
        try Interpreter.run(compiled, input: input, environment: environment, emit: emit)
    }

    /// Convenience for tests and small callers: every output of one run, collected.
    public func outputs(_ input: JSON, environment: JQEnvironment = JQEnvironment()) throws -> [JSON] {
        var out: [JSON] = []
        try run(input, environment: environment) { out.append($0) }
        return out
    }

    /// Runs `body` on a thread with a large stack (default 512 MiB, reserved lazily by the OS)
    /// and waits for it. Evaluation is recursive, so wrap the CLI's whole run loop in this once.
    public static func withLargeStack<T>(stackSize: Int = 512 << 20, _ body: () throws -> T) throws -> T {
        try LargeStack.run(stackSize: stackSize, body)
    }
}

/// Options fixed at compile time: `--arg`-style variables and module search paths.
public struct JQCompileOptions: Sendable {
    /// `--arg`/`--argjson`/`--slurpfile`/`--rawfile`, in order: each becomes `$name`
    /// and a member of `$ARGS.named`.
    public var namedArguments: [(String, JSON)]
    /// `--args` / `--jsonargs`: `$ARGS.positional`.
    public var positionalArguments: [JSON]
    /// `-L` directories, searched in order for `import` / `include`.
    /// A leading `~/` is expanded with `$HOME`; `$ORIGIN/` is the directory of `originDirectory`.
    public var libraryPaths: [String]
    /// The name diagnostics use for the program text.
    public var sourceName: String

    public init(namedArguments: [(String, JSON)] = [], positionalArguments: [JSON] = [],
                libraryPaths: [String] = [], sourceName: String = "<query>") {
        self.namedArguments = namedArguments
        self.positionalArguments = positionalArguments
        self.libraryPaths = libraryPaths
        self.sourceName = sourceName
    }
}

/// A program that did not compile: every problem found, with spans into `source`.
public struct JQCompileFailure: Error, Sendable {
    public let diagnostics: [Diagnostic]
    public let source: SourceFile

    /// The first line jq would print for this failure (`jq: error: ... at <top-level>, line 1:`),
    /// without jq's trailing "jq: N compile error(s)" line.
    public var jqStyleMessage: String {
        diagnostics.map { "jq: error: \($0.message)" }.joined(separator: "\n")
    }
}

/// An `error` nobody caught.
public struct JQRuntimeError: Error, Sendable {
    /// The error value, as `try ... catch .` sees it.
    public let value: JSON
    /// The text jq 1.8 prints after `jq: error (at <file:line>): `, e.g.
    /// `Cannot index number with string ("a")`; for a non-string value such as
    /// `error({"a":1})` it is `{"a":1} (not a string)`.
    public var message: String

    public init(value: JSON) {
        self.value = value
        if case .string(let s) = value {
            message = s
        } else {
            message = JSONText.dump(value) + " (not a string)"
        }
    }

    /// The whole stderr line jq 1.8 prints, given the location text (`<stdin>:1`, `<unknown>`).
    public func jqErrorLine(at location: String) -> String {
        if case .string(let s) = value { return "jq: error (at \(location)): \(s)" }
        return "jq: error (at \(location)) (not a string): \(JSONText.dump(value))"
    }
}

/// `halt` or `halt_error`: stop the whole program with an exit code.
public struct JQHalt: Error, Sendable {
    /// The exit code (0 for `halt`).
    public let exitCode: Int32
    /// `halt_error`'s input: a string is printed raw (no newline added), anything else as JSON
    /// plus a newline. Nil for `halt`.
    public let value: JSON?

    /// What jq writes to stderr for this halt, or nil.
    public var stderrText: String? {
        guard let value else { return nil }
        if case .string(let s) = value { return s }
        return JSONText.dump(value) + "\n"
    }
}

/// A resource limit was hit (call depth, steps, output count or size, time).
public struct JQLimitExceeded: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// The run was cancelled through `JQCancellation`.
public struct JQCancelled: Error, Sendable {}

/// Resource limits for one run. `nil` means unlimited.
public struct JQLimits: Sendable {
    /// Deepest nesting of jq function calls. Nil: bounded only by the stack the run has
    /// (the interpreter measures it and stops with a limit error well before overflow).
    public var maxCallDepth: Int?
    /// Evaluation steps (function calls and iterations) per run.
    public var maxSteps: Int?
    /// Outputs per run.
    public var maxOutputs: Int?
    /// Wall-clock deadline (`ContinuousClock` instant) after which the run stops.
    public var deadline: ContinuousClock.Instant?

    public init(maxCallDepth: Int? = nil, maxSteps: Int? = nil, maxOutputs: Int? = nil,
                deadline: ContinuousClock.Instant? = nil) {
        self.maxCallDepth = maxCallDepth
        self.maxSteps = maxSteps
        self.maxOutputs = maxOutputs
        self.deadline = deadline
    }
}

/// A flag the CLI or REPL sets (e.g. on Ctrl-C); the interpreter polls it and throws
/// `JQCancelled`. Safe to set from a signal-handling thread.
public final class JQCancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// What a run may reach outside its input: further inputs, the environment, stderr.
/// One per CLI invocation; the engine never prints, it calls `diagnosticsSink`.
public final class JQEnvironment: @unchecked Sendable {
    /// Next input for `input` / `inputs`; nil when there are no more.
    public var nextInput: () throws -> JSON?
    /// `input_filename`: the current file's name, or null.
    public var currentFilename: () -> JSON
    /// `input_line_number`.
    public var currentLine: () -> Int
    /// `$ENV` / `env`.
    public var environment: [String: String]
    /// Receives what `debug` (`["DEBUG:",v]` compact JSON) and `stderr` (compact JSON, no newline)
    /// would print, already formatted as jq 1.8 prints it (including the newline for debug).
    public var diagnosticsSink: (String) -> Void
    public var limits: JQLimits
    public var cancellation: JQCancellation
    /// The clock `now` reads (seconds since 1970); injectable for reproducible tests.
    public var now: () -> Double
    /// `get_jq_origin`: the directory of the running executable, as jq 1.8 reports it
    /// (`dirname` of its `argv[0]`); null when not set.
    public var jqOrigin: String?
    /// `get_prog_origin`: the real directory of the `-f` program file, else of the
    /// current directory; null when not set.
    public var programOrigin: String?

    public init(nextInput: @escaping () throws -> JSON? = { nil },
                currentFilename: @escaping () -> JSON = { .null },
                currentLine: @escaping () -> Int = { 0 },
                environment: [String: String] = [:],
                diagnosticsSink: @escaping (String) -> Void = { _ in },
                limits: JQLimits = JQLimits(),
                cancellation: JQCancellation = JQCancellation(),
                now: @escaping () -> Double = { JQClock.secondsSince1970() }) {
        self.nextInput = nextInput
        self.currentFilename = currentFilename
        self.currentLine = currentLine
        self.environment = environment
        self.diagnosticsSink = diagnosticsSink
        self.limits = limits
        self.cancellation = cancellation
        self.now = now
    }
}
