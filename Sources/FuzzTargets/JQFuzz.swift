import Diagnostics
import JQ
import JSONValue

/// jq programs: compiling any text, and running a compiled program under the limits a lab
/// check uses, so only the engine's own guards stop it.
enum JQFuzz {
    /// Steps, outputs and wall time per evaluation: what bounds a run on arbitrary input.
    static let maxSteps = 5_000
    static let maxOutputs = 200
    static let maxMilliseconds = 50

    /// The bytes as a jq program: lexing, parsing, resolving and compiling; diagnostics rendered.
    @Sendable static func compile(_ data: UnsafeRawBufferPointer) {
        let text = String(decoding: data, as: UTF8.self)
        do {
            _ = try JQProgram.compile(text)
        } catch {
            FuzzTarget.render(error.diagnostics, error.source)
            _ = error.jqStyleMessage
        }
    }

    /// The first line is the program, the rest a JSON stream it runs on, each value in turn.
    @Sendable static func evaluate(_ data: UnsafeRawBufferPointer) {
        let bytes = Array(data)
        let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let program: JQProgram
        do {
            program = try JQProgram.compile(String(decoding: bytes[..<newline], as: UTF8.self))
        } catch {
            return
        }
        let rest = newline < bytes.count ? Array(bytes[(newline + 1)...]) : []
        let inputs = (try? JSONParser.parseAll(bytes: rest)) ?? [.null]
        var remaining = inputs.dropFirst()
        let env = JQEnvironment(nextInput: { remaining.popFirst() }, now: { 1_700_000_000 })
        _ = try? JQProgram.withLargeStack {
            for input in inputs.prefix(4) {
                env.limits = JQLimits(maxSteps: maxSteps, maxOutputs: maxOutputs,
                                      deadline: .now + .milliseconds(maxMilliseconds))
                try? program.run(input, environment: env) { output in
                    _ = JSONPrinter.compact(output)
                }
            }
        }
    }
}
