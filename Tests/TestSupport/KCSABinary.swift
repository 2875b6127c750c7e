import Foundation

/// What one run of the `kcsa` executable gave: its output, its errors and its exit status.
public struct KCSARun: Sendable {
    public var stdout: String
    public var stderr: String
    public var status: Int32

    public init(stdout: String, stderr: String, status: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

/// The `kcsa` executable built beside the test bundle, run as a user runs it. Every test
/// suite that runs the binary goes through here.
public enum KCSABinary {
    public static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kcsa")
    }

    /// Runs `kcsa ARGS` in `directory` with `stdin` as its input, `NO_COLOR=1`, and the test
    /// process's environment changed by `environment` (a nil value removes a variable).
    /// Output and errors go to files, so a large output never blocks on a full pipe.
    public static func run(_ args: [String], stdin: String = "", in directory: URL,
                           environment: [String: String?] = [:]) throws -> KCSARun {
        let p = Process()
        p.executableURL = url
        p.arguments = args
        p.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        return KCSARun(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), status: p.terminationStatus)
    }

    /// A fresh private progress folder, so a test never touches the learner's own database.
    public static func freshHome() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-home-\(UUID().uuidString)").path
    }
}
