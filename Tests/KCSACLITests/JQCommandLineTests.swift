import Foundation
import Testing
@testable import KCSACLI

/// `kcsa jq`'s command line: options, files, exit codes and error reports as
/// jq 1.8 has them (byte-exact cases live in shared/conformance/jq/cli_conformance.py).
struct JQCommandLineTests {
    typealias H = JQTestHarness

    @Test("options and output layouts", arguments: [
        (["-c", "."], #"{"b":1,"a":[1,2.50]}"#, "{\"b\":1,\"a\":[1,2.50]}\n"),
        (["-nr", #""a\tb""#], "", "a\tb\n"),
        (["-j", ".[]"], #"["a",1,"b"]"#, "a1b"),
        (["-S", "-c", "."], #"{"b":{"d":1,"c":2},"a":0}"#, "{\"a\":0,\"b\":{\"c\":2,\"d\":1}}\n"),
        (["--tab", "."], #"{"a":[1]}"#, "{\n\t\"a\": [\n\t\t1\n\t]\n}\n"),
        (["--indent", "0", "."], #"{"a":[1]}"#, "{\n\"a\": [\n1\n]\n}\n"),
        (["--indent", "1", "-c", "."], #"{"a":[1]}"#, "{\"a\":[1]}\n"),
        (["-c", "--indent", "1", "."], #"{"a":1}"#, "{\n \"a\": 1\n}\n"),
        (["-r", "-a", ".[]"], #"["é"]"#, "\"\\u00e9\"\n"),
        (["-s", "-c", "."], "1 \"two\" [3]", "[1,\"two\",[3]]\n"),
        (["-R", "."], "a\nb", "\"a\"\n\"b\"\n"),
        (["-Rs", "."], "a\nb\n", "\"a\\nb\\n\"\n"),
        (["-Rn", "[inputs]", "-c"], "x\ny\n", "[\"x\",\"y\"]\n"),
        (["--seq", "-c", "."], "1 [2]", "\u{1E}1\n\u{1E}[2]\n"),
        (["--stream", "-c", "."], #"{"a":[1,{"b":2}]}"#, "[[\"a\",0],1]\n[[\"a\",1,\"b\"],2]\n[[\"a\",1,\"b\"]]\n[[\"a\",1]]\n[[\"a\"]]\n"),
        (["-n", "-c", "--args", "$ARGS.positional", "a", "b"], "", "[\"a\",\"b\"]\n"),
        (["-n", "-c", "--jsonargs", "$ARGS.positional", "1", "{}"], "", "[1,{}]\n"),
        (["-n", "--arg", "x", "1", "--arg", "x", "2", "$x"], "", "\"1\"\n"),
        (["-c", "-C", "."], "[1]", "\u{1B}[1;39m[\u{1B}[0m\u{1B}[0;39m1\u{1B}[0m\u{1B}[1;39m]\u{1B}[0m\n"),
        (["-c", "--", ".[0]"], "[7]", "7\n"),
    ])
    func outputs(args: [String], stdin: String, expected: String) {
        let r = H.run(args, stdin: stdin)
        #expect(r.text == expected)
        #expect(r.status == 0, "stderr: \(r.stderr)")
    }

    @Test("exit codes", arguments: [
        (["-e", ".a"], #"{"a":false}"#, Int32(1)),
        (["-e", ".a"], #"{"a":null}"#, 1),
        (["-e", ".a"], #"{"a":1}"#, 0),
        (["-e", "empty"], "1", 4),
        (["-c", ".a |||"], "{}", 3),
        (["-c", ".[] | .a"], "[{\"a\":1}, 2]", 5),
        (["-c", ".a"], #"{"a":1} 5 {"a":3}"#, 0),
        (["."], #"{"a":1} {bad"#, 5),
        (["-x", "."], "", 2),
        (["--indent", "9", "."], "", 2),
        (["--arg", "x"], "", 2),
        (["--argjson", "x", "{bad", "."], "", 2),
        (["-n", #""bye\n" | halt_error(1)"#], "", 1),
        (["-n", "halt"], "", 0),
    ])
    func exitCodes(args: [String], stdin: String, status: Int32) {
        #expect(H.run(args, stdin: stdin).status == status)
    }

    @Test func runtimeErrorsNameTheInputPosition() {
        let r = H.run(["-c", ".a"], stdin: "{\"a\":1}\n5\n{\"a\":3}")
        #expect(r.text == "1\n3\n")
        #expect(r.stderr == "jq: error (at <stdin>:2): Cannot index number with \"a\"\n"
                || r.stderr.hasPrefix("jq: error (at <stdin>:2): Cannot index number with"))
    }

    @Test func parseErrorsUseJqWording() {
        let r = H.run(["-c", "."], stdin: "{\"a\":1}\n[1,\n2")
        #expect(r.text == "{\"a\":1}\n")
        #expect(r.stderr == "jq: parse error: Unfinished JSON term at EOF at line 3, column 1\n")
        #expect(r.status == 5)
    }

    @Test func compileErrorsShowACaretAndCount() {
        let r = H.run([".a |||"], stdin: "{}")
        #expect(r.stderr.contains("^"))
        #expect(r.stderr.hasSuffix("jq: 1 compile error\n"))
    }

    /// Files are read as one text, like jq; a missing one is reported and skipped (exit 2).
    @Test func filesConcatenateAndMissingOnesAreSkipped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-jq-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "1 2".write(toFile: dir + "/a.json", atomically: true, encoding: .utf8)
        try "3".write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
        let quirk = H.run(["-s", "-c", ".", dir + "/a.json", dir + "/b.json"])
        #expect(quirk.text == "[1,23]\n")

        try "{\"x\":1}\n".write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let missing = H.run(["-c", "[., input_filename]", dir + "/nope.json", dir + "/c.json"])
        #expect(missing.text == "[{\"x\":1},\"\(dir)/c.json\"]\n")
        #expect(missing.stderr == "jq: error: Could not open file \(dir)/nope.json: No such file or directory\n")
        #expect(missing.status == 2)

        let slurpfile = H.run(["-n", "-c", "--slurpfile", "v", dir + "/a.json", "--rawfile", "r", dir + "/b.json", "[$v, $r]"])
        #expect(slurpfile.text == "[[1,2],\"3\"]\n")
    }

    @Test("bad input ends in an error, never a crash or a hang", arguments: [
        [UInt8](), [0xFF, 0xFE, 0x00, 0x01], Array("[".utf8), Array("\"abc".utf8), Array("1e999999999999".utf8),
        Array(repeating: UInt8(ascii: "["), count: 100_000), Array("{\"a\":\"\u{1}\"}".utf8), [0x22, 0xC3, 0x28, 0x22],
    ])
    func badInput(bytes: [UInt8]) {
        let r = H.run(["-c", "."], stdinBytes: bytes)
        #expect([0, 5].contains(r.status))
        if r.status == 5 { #expect(r.stderr.hasPrefix("jq: parse error: ")) }
    }

    @Test func deepInputReportsTheDepthLimit() {
        let r = H.run(["-c", "."], stdinBytes: Array(repeating: UInt8(ascii: "["), count: 100_000))
        #expect(r.stderr == "jq: parse error: Exceeds depth limit for parsing at line 1, column 10001\n")
    }

    @Test func invalidUTF8IsReplaced() {
        let r = H.run(["-c", "."], stdinBytes: [0x22, 0x61, 0xFF, 0x22])
        #expect(r.text == "\"a\u{FFFD}\"\n")
    }
}
