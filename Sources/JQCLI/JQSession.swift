import JQ
import JSONValue
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The input loop of one `kcsa jq` run (jq's `main` after compiling): feed
/// every input to the program, print its outputs, report errors as jq does,
/// and work out the exit status.
final class JQSession {
    let options: JQOptions
    let streams: JQStreams
    let printer: JSONPrinter
    private var output: JQOutputWriter
    private let reader: JQInputReader
    /// `--stream`: the events of the current value still to hand out.
    private var pendingEvents: [JSON] = []
    private var halted = false
    /// On-demand evaluation: inputs are read through this plan.
    private let plan: JQInputPlan?
    /// Outputs that are the input itself may be written as the input's bytes.
    private let passThrough: Bool

    init(options: JQOptions, streams: JQStreams, printer: JSONPrinter, plan: JQInputPlan? = nil) {
        self.options = options
        self.streams = streams
        self.printer = printer
        self.output = JQOutputWriter(streams: streams)
        self.plan = plan
        let o = printer.options
        passThrough = plan?.outputsInput == true && !o.pretty && !o.tab && !o.sortKeys && !o.asciiOutput && o.colors == nil
        self.reader = JQInputReader(files: options.files, streams: streams, raw: options.rawInput,
                                    slurp: options.slurp && !options.stream, seq: options.seq,
                                    plan: plan?.paths, checkCanonical: passThrough)
    }

    /// Whether a run with these options may read its inputs on demand (through
    /// `JQProgram.inputPlan`): not with `-n`, `-R` or `--stream`, nor when the
    /// environment sets `KCSA_JQ_FULL_PARSE` (to compare against full parsing).
    static func allowsOnDemand(_ options: JQOptions, environment: [String: String]) -> Bool {
        options.onDemand && !options.nullInput && !options.rawInput && !options.stream
            && environment["KCSA_JQ_FULL_PARSE"] == nil
    }

    /// The next input, as the main loop and `input`/`inputs` see it.
    func nextInput() throws(JSONParseError) -> JSON? {
        guard options.stream else { return try reader.next() }
        while pendingEvents.isEmpty {
            guard let v = try reader.next() else { return nil }
            pendingEvents = JQStreamEvents.events(of: v).reversed()
        }
        return pendingEvents.removeLast()
    }

    func run(_ program: JQProgram) -> Int32 {
        let environment = JQEnvironment(
            nextInput: { [unowned self] in
                do {
                    return try self.nextInput()
                } catch let error as JSONParseError {
                    // Inside the program a bad input is an error it may catch.
                    throw JQRuntimeError(value: .string(error.message))
                }
            },
            currentFilename: { [unowned self] in self.reader.currentFilename },
            currentLine: { [unowned self] in self.reader.currentLine },
            environment: streams.environment,
            diagnosticsSink: { [unowned self] text in
                self.output.flush()
                self.streams.writeStderr(text)
            },
            limits: streams.limits,
            cancellation: streams.cancellation)
        environment.jqOrigin = JQSession.dirname(CommandLine.arguments.first ?? "jq")
        environment.programOrigin = JQSession.realDirectory(options.fromFile ? JQSession.dirname(options.filter ?? ".") : ".")

        var ret = JQRunner.okNoOutput
        var lastResult = -1 // -1 no output, 0 null or false, 1 anything else
        if options.nullInput {
            ret = process(.null, program, environment)
        } else if options.slurp && options.stream {
            // `--stream --slurp`: one array of every event.
            var events: [JSON] = []
            do {
                while let e = try nextInput() { events.append(e) }
                ret = process(.array(events), program, environment)
            } catch {
                reportParseError(error)
                ret = JQRunner.errorUnknown
            }
        } else {
            while true {
                let value: JSON?
                do {
                    value = try nextInput()
                } catch {
                    reportParseError(error)
                    if options.seq { continue }
                    ret = JQRunner.errorUnknown
                    break
                }
                guard let value else { break }
                ret = process(value, program, environment)
                if ret <= 0 && ret != JQRunner.okNoOutput { lastResult = ret == JQRunner.okNullKind ? 0 : 1 }
                // A closed pipe (`| head`): stop reading, as jq does when SIGPIPE ends it.
                if halted || output.failed { break }
            }
        }
        if reader.failures > 0 { ret = 2 }
        output.flush()
        if output.failed {
            streams.writeStderr("jq: error: writing output failed: \(FileReader.lastErrorText())\n")
            ret = 2
        }
        if options.exitStatus {
            if ret != JQRunner.okNoOutput { return abs(ret) }
            switch lastResult {
            case -1: return 4
            case 0: return 1
            default: return 0
            }
        }
        return ret > 0 ? ret : 0
    }

    private func reportParseError(_ error: JSONParseError) {
        output.flush()
        streams.writeStderr(options.seq ? "jq: ignoring parse error: \(error.message)\n"
                                        : "jq: parse error: \(error.message)\n")
    }

    /// Runs the program on one input: jq's `process`.
    private func process(_ input: JSON, _ program: JQProgram, _ environment: JQEnvironment) -> Int32 {
        var ret = JQRunner.okNoOutput
        do {
            try program.run(input, environment: environment) { [unowned self] result in
                try self.emit(result, ret: &ret)
            }
        } catch let halt as JQHalt {
            output.flush()
            halted = true
            ret = halt.exitCode
            if let text = halt.stderrText { streams.writeStderr(text) }
        } catch let error as JQRuntimeError {
            output.flush()
            streams.writeStderr(error.jqErrorLine(at: reader.positionText) + "\n")
            ret = JQRunner.errorUnknown
        } catch let error as JQLimitExceeded {
            output.flush()
            streams.writeStderr("jq: error (at \(reader.positionText)): \(error.message)\n")
            ret = JQRunner.errorUnknown
        } catch is JQCancelled {
            output.flush()
            halted = true
            ret = 130
        } catch {
            output.flush()
            streams.writeStderr("jq: error (at \(reader.positionText)): \(error)\n")
            ret = JQRunner.errorUnknown
        }
        return ret
    }

    /// C's `dirname`: "." for a bare name, "/" for the root.
    static func dirname(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        var d = p[..<slash]
        while d.count > 1 && d.hasSuffix("/") { d = d.dropLast() }
        return d.isEmpty ? "/" : String(d)
    }

    /// The resolved absolute form of a directory (jq's `jq_realpath`: the path itself if it fails).
    static func realDirectory(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    /// Prints a value; an output that is the (pruned) input itself is printed
    /// from the whole input: its own bytes when they are canonical.
    private func writeValue(_ result: JSON) {
        guard let plan, plan.outputsInput else {
            output.append { printer.write(result, to: &$0) }
            return
        }
        switch result {
        case .object, .array:
            if passThrough && reader.lastValueIsCanonical {
                output.append { reader.appendLastValueBytes(to: &$0) }
            } else {
                let whole = reader.lastValueComplete()
                output.append { printer.write(whole, to: &$0) }
            }
        default:
            output.append { printer.write(result, to: &$0) }
        }
    }

    /// Prints one result as jq's `process` does.
    private func emit(_ result: JSON, ret: inout Int32) throws {
        if options.rawOutput, case .string(let s) = result {
            if options.asciiOutput {
                // jq prints a raw string with -a through its ASCII dumper: quoted.
                output.append { JSONPrinter(options: .init(indent: 0, asciiOutput: true)).writeString(s, to: &$0) }
            } else {
                if options.rawOutput0 && s.utf8.contains(0) {
                    throw JQRuntimeError(value: .string("Cannot dump a string containing NUL with --raw-output0 option"))
                }
                output.append(string: s)
            }
            ret = JQRunner.ok
        } else {
            switch result {
            case .null, .bool(false): ret = JQRunner.okNullKind
            default: ret = JQRunner.ok
            }
            if options.seq { output.append(0x1E) }
            writeValue(result)
        }
        if !options.noNewline { output.append(0x0A) }
        if options.rawOutput0 { output.append(0) }
        if options.unbuffered { output.flush() } else { output.flushIfFull() }
    }
}
