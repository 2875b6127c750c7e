import JQ
import JSONValue

/// Runs a jq program on one JSON input and returns its outputs as compact JSON text.
/// Evaluation happens on a large-stack thread, as the CLI runs it.
func jq(_ program: String, _ input: String = "null", env: JQEnvironment = JQEnvironment()) throws -> [String] {
    let p = try JQProgram.compile(program)
    let value = try JSONParser.parse(input)
    return try JQProgram.withLargeStack {
        try p.outputs(value, environment: env).map { JSONPrinter.compact($0) }
    }
}

/// The outputs, or the error message for a runtime error (as `try ... catch .` would see it).
func jqResult(_ program: String, _ input: String = "null") -> [String] {
    do {
        return try jq(program, input)
    } catch let e as JQRuntimeError {
        return ["error: " + e.message]
    } catch {
        return ["error: \(error)"]
    }
}
