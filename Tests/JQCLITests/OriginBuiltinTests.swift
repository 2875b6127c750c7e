import Foundation
import Testing
import JQCLI

/// jq 1.8.2 defines `get_jq_origin` and `get_prog_origin` (src/builtin.c), and
/// lists them in `builtins`; found missing by the prelude check against 1.8.2.
struct OriginBuiltinTests {
    static func run(_ args: [String]) -> (String, Int32) {
        final class Box: @unchecked Sendable { var out: [UInt8] = [] }
        let box = Box()
        let streams = JQStreams(readStdin: { _ in 0 }, writeStdout: { box.out.append(contentsOf: $0); return true },
                                writeStderr: { _ in }, environment: [:],
                                stdoutIsTerminal: false, stderrIsTerminal: false, stdinIsTerminal: false)
        let status = JQRunner.run(arguments: args, streams: streams)
        return (String(decoding: box.out, as: UTF8.self), status)
    }

    @Test func listedInBuiltins() {
        let (out, status) = OriginBuiltinTests.run(["-n", "-c",
            #"[builtins[] | select(. == "get_jq_origin/0" or . == "get_prog_origin/0")] | sort"#])
        #expect(status == 0)
        #expect(out == #"["get_jq_origin/0","get_prog_origin/0"]"# + "\n")
    }

    @Test func programOriginIsTheCurrentDirectoryWithoutFile() {
        let cwd = FileManager.default.currentDirectoryPath
        let real = URL(fileURLWithPath: cwd).resolvingSymlinksInPath().path
        let (out, _) = OriginBuiltinTests.run(["-n", "-r", "get_prog_origin"])
        #expect(out == real + "\n")
    }

    @Test func programOriginIsTheFilesDirectoryWithF() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-origin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("p.jq")
        try Data("get_prog_origin".utf8).write(to: file)
        let (out, _) = OriginBuiltinTests.run(["-n", "-r", "-f", file.path])
        #expect(out == dir.resolvingSymlinksInPath().path + "\n")
    }

    @Test func jqOriginIsTheExecutablesDirectory() {
        let (out, _) = OriginBuiltinTests.run(["-n", "-r", "get_jq_origin"])
        let argv0 = CommandLine.arguments[0]
        let expected = argv0.contains("/") ? String(argv0[..<argv0.lastIndex(of: "/")!]) : "."
        #expect(out == expected + "\n")
    }
}
