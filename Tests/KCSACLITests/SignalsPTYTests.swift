import Foundation
import Testing

/// Issue 17's signals and terminal inputs: on a real pseudo-terminal (python3 + pexpect,
/// `Fixtures/signals_pty.py`) and with piped input: SIGTERM, SIGHUP and end of input in
/// the middle of a command save the draft and history and restore the terminal; a 100 KB
/// paste, binary garbage and a garbage `peek` argument get a clear message, not a crash.
@Suite struct SignalsPTYTests {
    static let fixtures = PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures")

    static func state() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-signals-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(.enabled(if: PTYScript.hasPexpect, "needs python3 with pexpect"), .timeLimit(.minutes(3)))
    func signalsPastesAndGarbageOnAPTY() throws {
        let (status, text) = try PTYScript.run(Self.fixtures.appendingPathComponent("signals_pty.py").path,
                                               [PolicyCommandTests.binary.path,
                                                Self.fixtures.appendingPathComponent("course").path, try Self.state()])
        #expect(status == 0, "\(text.suffix(3000))")
        #expect(text.hasSuffix("ok\n"))
    }

    /// A piped session: `write` is in the middle of its lines when the signal (or the end
    /// of input) comes.
    func pipedSession(signal: Int32?) throws -> (status: Int32, draft: String?, stderr: String) {
        let home = try Self.state()
        let p = Process()
        p.executableURL = PolicyCommandTests.binary
        p.currentDirectoryURL = PolicyCommandTests.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["KCSA_HOME"] = home
        env["XDG_STATE_HOME"] = home
        env["KCSA_CONTENT"] = Self.fixtures.appendingPathComponent("course").path
        p.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = error
        try p.run()
        input.fileHandleForWriting.write(Data("open fixture-query\nwrite\n.verb\n| ascii_upcase\n".utf8))
        if let signal {
            Thread.sleep(forTimeInterval: 1.5)
            kill(p.processIdentifier, signal)
        } else {
            try input.fileHandleForWriting.close()
        }
        _ = output.fileHandleForReading.readDataToEndOfFile()
        let err = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let drafts = (try? FileManager.default.contentsOfDirectory(atPath: home + "/drafts")) ?? []
        let draft = drafts.first.flatMap { try? String(contentsOfFile: home + "/drafts/" + $0, encoding: .utf8) }
        return (p.terminationStatus, draft, err)
    }

    @Test func endOfInputInTheMiddleOfWriteKeepsTheLines() throws {
        let r = try pipedSession(signal: nil)
        #expect(r.status == 0)
        #expect(r.draft?.contains(".verb\n| ascii_upcase") == true)
    }

    @Test(arguments: [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP (the terminal closed)")])
    func aSignalInTheMiddleOfWriteSavesTheLinesAndExits(_ signal: Int32, _ name: String) throws {
        let r = try pipedSession(signal: signal)
        #expect(r.status == 128 + signal)
        #expect(r.draft?.contains(".verb\n| ascii_upcase") == true)
        #expect(r.stderr.hasSuffix("kcsa: ended by \(name); your answers and history are saved\n"))
    }
}
