import Foundation
import Testing

/// Inputs that once hung or trapped the command line: special files, overflowing
/// durations, alias bombs, one-line policies. Each must end with a clear message.
struct RobustInputTests {
    /// Runs kcsa, killing it if it is still running after `seconds` (a hang is then a failure, not a stuck suite).
    static func kcsa(_ args: [String], seconds: Double = 60) throws -> (status: Int32, stderr: String, killed: Bool) {
        let p = Process()
        p.executableURL = PolicyCommandTests.binary
        p.arguments = args
        p.currentDirectoryURL = PolicyCommandTests.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["KCSA_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-home-\(UUID().uuidString)").path
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        let killed = p.isRunning
        if killed { p.terminate() }
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), killed)
    }

    @Test(arguments: [["policy", "validate"], ["policy", "eval", "--requests", "/dev/null"],
                      ["policy", "explain", "--url", "GET /api/v1/pods", "--user", "a"]])
    func aFIFOWithNoWriterIsRefused(_ command: [String]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("policy.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let r = try Self.kcsa(Array(command.prefix(2)) + [fifo] + Array(command.dropFirst(2)), seconds: 30)
        #expect(!r.killed)
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read \(fifo): it is a FIFO (named pipe), not a regular file"))
    }

    @Test(arguments: ["9223372036854775807s", "2562047788016h", "106751991167300d"])
    func overflowingDurationsAreRefused(_ duration: String) throws {
        for command in [["events", "generate"], ["events", "volume", "--policy", "Labs/policies/seed-minimal.yaml"]] {
            let r = try Self.kcsa(command + ["--duration", duration, "--content", "."], seconds: 30)
            #expect(!r.killed && r.status == 2)
            #expect(r.stderr == "kcsa: --duration \"\(duration)\" is longer than the longest simulated time, "
                + "1000000000h (about 114,000 years)\n")
        }
    }

    @Test func aStringAliasBombPolicyIsRefused() throws {
        let big = String(repeating: "x", count: 1_000_000)
        let yaml = "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [&a \"\(big)\"]\nrules:\n- level: Metadata\n  users: ["
            + Array(repeating: "*a", count: 3_000).joined(separator: ", ") + "]\n"
        let path = try PolicyCommandTests.temp("bomb.yaml", yaml)
        let r = try Self.kcsa(["policy", "validate", path], seconds: 60)
        #expect(!r.killed && r.status == 1)
        #expect(r.stderr.contains("the document expands to more than 64 MB of text (aliases?)"))
    }

    @Test func aOneMegabyteSingleLinePolicyIsRead() throws {
        var rules: [String] = []
        var size = 0
        while size < 1_000_000 {
            let rule = #"{"level":"Metadata","users":["user-\#(rules.count)"],"resources":[{"group":"","resources":["pods"]}]}"#
            rules.append(rule)
            size += rule.utf8.count + 1
        }
        let json = #"{"apiVersion":"audit.k8s.io/v1","kind":"Policy","rules":["# + rules.joined(separator: ",") + "]}"
        let path = try PolicyCommandTests.temp("one-line.json", json)
        let r = try PolicyCommandTests.kcsa(["policy", "validate", path])
        #expect(r.status == 0)
        #expect(r.stdout == "\(path): valid (\(rules.count) rules)\n")
    }
}
