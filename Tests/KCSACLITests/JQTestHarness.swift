@testable import JQCLI

/// Runs `kcsa jq` in-process with a given standard input, capturing its output.
struct JQTestHarness {
    struct Result {
        var stdout: [UInt8]
        var stderr: String
        var status: Int32
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Collects what the command writes; a class so the I/O closures can share it.
    final class Capture: @unchecked Sendable {
        var stdin: [UInt8]
        var offset = 0
        var stdout: [UInt8] = []
        var stderr = ""
        init(stdin: [UInt8]) { self.stdin = stdin }
    }

    static func run(_ args: [String], stdin: String = "", environment: [String: String] = [:]) -> Result {
        run(args, stdinBytes: Array(stdin.utf8), environment: environment)
    }

    static func run(_ args: [String], stdinBytes: [UInt8], environment: [String: String] = [:]) -> Result {
        let capture = Capture(stdin: stdinBytes)
        let streams = JQStreams(
            readStdin: { buf in
                let n = min(buf.count, capture.stdin.count - capture.offset)
                if n > 0 {
                    capture.stdin.withUnsafeBytes { src in
                        buf.baseAddress!.copyMemory(from: src.baseAddress! + capture.offset, byteCount: n)
                    }
                    capture.offset += n
                }
                return n
            },
            writeStdout: { bytes in capture.stdout.append(contentsOf: bytes); return true },
            writeStderr: { capture.stderr += $0 },
            environment: environment,
            stdoutIsTerminal: false, stderrIsTerminal: false, stdinIsTerminal: false)
        let status = JQRunner.run(arguments: args, streams: streams)
        return Result(stdout: capture.stdout, stderr: capture.stderr, status: status)
    }
}
