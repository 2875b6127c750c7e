import Diagnostics
import JQ
import JSONValue

/// One `kcsa jq` invocation, with jq 1.8's behaviour and exit codes:
/// 0 success; 1 with `-e` when the last output was false or null; 2 usage or
/// system error (a file that could not be opened: the other files are still
/// read); 3 compile error; 4 with `-e` when there was no output; 5 a runtime
/// error (jq carries on with the next input and the last input's status wins)
/// or a parse error in the input; `halt_error` sets its own.
/// jq's command line over injected streams: `kcsa jq` and the REPL's `jq` run it.
public struct JQRunner {
    let options: JQOptions
    let streams: JQStreams

    // jq's internal results (`main.c`): OK, OK_NULL_KIND, OK_NO_OUTPUT, ERROR_UNKNOWN.
    static let ok: Int32 = 0, okNullKind: Int32 = -1, okNoOutput: Int32 = -4, errorUnknown: Int32 = 5

    /// Parses the arguments and runs; returns the exit status.
    public static func run(arguments: [String], streams: JQStreams) -> Int32 {
        let options: JQOptions
        do {
            options = try JQOptions.parse(arguments)
        } catch {
            streams.writeStderr(error.message + "\n" + JQUsage.dieHint)
            return 2
        }
        return JQRunner(options: options, streams: streams).run()
    }

    func run() -> Int32 {
        if options.showHelp {
            var out = JQOutputWriter(streams: streams)
            out.append(string: JQUsage.text(short: false))
            out.flush()
            return 0
        }
        if options.showVersion {
            var out = JQOutputWriter(streams: streams)
            out.append(string: "jq-1.8.2\n")
            out.flush()
            return 0
        }
        var options = self.options
        if options.filter == nil {
            // Like jq: without a filter, `.` when input or output is not a terminal.
            if options.fromFile || (streams.stdoutIsTerminal && streams.stdinIsTerminal) {
                streams.writeStderr(JQUsage.text(short: true))
                return 2
            }
            options.filter = "."
        }
        var source = options.filter!
        var sourceName = "<top-level>"
        if options.fromFile {
            switch FileReader.readWhole(source) {
            case .success(let bytes):
                sourceName = source
                source = String(decoding: bytes, as: UTF8.self)
            case .failure(let e):
                streams.writeStderr("jq: Could not open \(source): \(e.reason)\n")
                return 2
            }
        }

        guard let named = loadNamedArguments(options) else { return 2 }
        let compileOptions = JQCompileOptions(namedArguments: named, positionalArguments: options.positional,
                                              libraryPaths: options.libraryPaths, sourceName: sourceName)
        let program: JQProgram
        do {
            program = try JQProgram.compile(source, options: compileOptions)
        } catch {
            let color = streams.stderrIsTerminal && (streams.environment["NO_COLOR"] ?? "").isEmpty
            let text = DiagnosticRenderer(color: color).render(error.diagnostics, in: error.source)
            let n = error.diagnostics.filter { $0.severity == .error }.count
            streams.writeStderr(text + "jq: \(max(n, 1)) compile error\(n > 1 ? "s" : "")\n")
            return 3
        }

        let plan = JQSession.allowsOnDemand(options, environment: streams.environment)
            ? program.inputPlan(slurp: options.slurp) : nil
        var session = JQSession(options: options, streams: streams, printer: JSONPrinter(options: printerOptions()),
                                plan: plan)
        let status: Int32
        do {
            status = try JQProgram.withLargeStack { session.run(program) }
        } catch {
            streams.writeStderr("jq: error: \(error)\n")
            return 2
        }
        return status
    }

    /// `--arg`, `--argjson` as given; `--slurpfile` and `--rawfile` read now.
    /// Nil after reporting an unreadable or invalid file (exit 2, as jq).
    private func loadNamedArguments(_ options: JQOptions) -> [(String, JSON)]? {
        var named: [(String, JSON)] = []
        for (name, value) in options.named {
            switch value {
            case .value(let v):
                named.append((name, v))
            case .rawFile(let path), .slurpFile(let path):
                let isRaw: Bool
                if case .rawFile = value { isRaw = true } else { isRaw = false }
                let which = isRaw ? "rawfile" : "slurpfile"
                switch FileReader.readWhole(path) {
                case .failure(let e):
                    streams.writeStderr("jq: Bad JSON in --\(which) \(name) \(path): Could not open \(path): \(e.reason)\n")
                    return nil
                case .success(let bytes):
                    if isRaw {
                        named.append((name, .string(String(decoding: bytes, as: UTF8.self))))
                    } else {
                        do {
                            named.append((name, .array(try JSONParser.parseAll(bytes: bytes))))
                        } catch {
                            streams.writeStderr("jq: Bad JSON in --\(which) \(name) \(path): \(error.message)\n")
                            return nil
                        }
                    }
                }
            }
        }
        return named
    }

    /// Colours: on a terminal unless NO_COLOR is set, forced by -C, off with -M; JQ_COLORS applies.
    private func printerOptions() -> JSONPrinter.Options {
        var colored = streams.stdoutIsTerminal && (streams.environment["NO_COLOR"] ?? "").isEmpty
        if options.colorOutput { colored = true }
        if options.monochrome { colored = false }
        var colors = JSONColors.jqDefault
        if let spec = streams.environment["JQ_COLORS"] {
            if let c = JSONColors.fromEnvironment(spec) {
                colors = c
            } else {
                streams.writeStderr("Failed to set $JQ_COLORS\n")
            }
        }
        return options.printerOptions(colors: colored ? colors : nil)
    }
}
