import JQ
import JSONValue
import Labs
import Terminal

/// One `try`: a learner's jq program over the lab's visible log, as jq runs it (an error
/// on one event is reported and the next event is read), with the session's limits.
struct TryRun {
    enum Stop { case cancelled, failed(String) }

    var program: JQProgram
    var inputs: [JSON]
    var cancellation: JQCancellation
    var colors: Bool
    /// Outputs shown; the rest are counted.
    var limit = 20
    /// Visible columns an output line is cut to (with a marker saying how much is left out).
    var width = 300
    /// The limits every graded answer has (LabLimits), the deadline counted from now.
    var limits = LabLimits.standard.jq()

    private(set) var shown = 0
    private(set) var total = 0
    /// (1-based event number, message) of each event that raised an error.
    private(set) var errors: [(Int, String)] = []
    private(set) var stop: Stop?

    /// Runs the program, writing each shown output line through `write`.
    func run(_ write: (String) -> Void) -> TryRun {
        var result = self
        var next = 0
        let inputs = self.inputs
        let env = JQEnvironment(nextInput: {
            guard next < inputs.count else { return nil }
            defer { next += 1 }
            return inputs[next]
        }, limits: limits, cancellation: cancellation)
        let printer = JSONPrinter(options: .init(indent: 0, colors: colors ? .jqDefault : nil))
        do {
            try JQProgram.withLargeStack {
                while next < inputs.count {
                    let input = inputs[next]
                    next += 1
                    do {
                        try program.run(input, environment: env) { out in
                            result.total += 1
                            if result.shown < limit {
                                result.shown += 1
                                write(TextWrap.clip(printer.string(out), width: width) + "\n")
                            }
                        }
                    } catch let e as JQRuntimeError {
                        result.errors.append((next, e.message))
                    }
                }
            }
        } catch is JQCancelled {
            result.stop = .cancelled
        } catch {
            result.stop = .failed("\(error)")
        }
        return result
    }
}
