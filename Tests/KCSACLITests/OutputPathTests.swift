import Foundation
import Testing

/// Output paths are written, not replaced (devices, FIFOs and symlinks stay what they
/// are), and a failed write on standard output is an error, not a silent exit 0.
@Suite struct OutputPathTests {
    typealias K = PolicyCommandTests

    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func kind(_ path: String) -> mode_t {
        var st = stat()
        guard lstat(path, &st) == 0 else { return 0 }
        return st.st_mode & S_IFMT
    }

    /// Runs the binary with standard output on /dev/full.
    static func toFull(_ args: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = K.binary
        p.arguments = args
        p.currentDirectoryURL = K.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["KCSA_HOME"] = try folder()
        p.environment = env
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let err = Pipe()
        p.standardOutput = full
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    @Test(arguments: [["events", "generate"], ["exam", "--print"], ["lab", "show", "query-exec-attach"], ["lab", "list"],
                      ["events", "volume", "--policy", "Labs/policies/seed-audit-policy.yaml"], ["policy", "validate", "Labs/policies/seed-comprehensive.yaml"]])
    func aFullStandardOutputIsAnErrorNotAnExitZero(_ args: [String]) throws {
        let r = try Self.toFull(args)
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("kcsa: cannot write to standard output: No space left on device\n"), "\(r.stderr)")
    }

    @Test func jqOnAFullStandardOutputSaysSoAsJqDoes() throws {
        let r = try Self.toFull(["jq", "-n", "range(100000)"])
        #expect(r.status == 2)
        #expect(r.stderr == "jq: error: writing output failed: No space left on device\n")
    }

    @Test func aSymlinkIsWrittenThroughAndStaysALink() throws {
        let dir = try Self.folder()
        try FileManager.default.createSymbolicLink(atPath: dir + "/events.log", withDestinationPath: "real.log")
        try FileManager.default.createSymbolicLink(atPath: dir + "/truth.json", withDestinationPath: dir + "/real-truth.json")
        try "old".write(toFile: dir + "/real-truth.json", atomically: false, encoding: .utf8)
        let r = try K.kcsa(["events", "generate", "--duration", "1m", "-o", dir + "/events.log", "--truth", dir + "/truth.json"])
        #expect(r.status == 0)
        #expect(Self.kind(dir + "/events.log") == S_IFLNK)
        #expect(Self.kind(dir + "/truth.json") == S_IFLNK)
        #expect(try String(contentsOfFile: dir + "/real.log", encoding: .utf8).hasPrefix("{\"kind\":\"Event\""))
        #expect(try String(contentsOfFile: dir + "/real-truth.json", encoding: .utf8).contains("\"incidents\""))
    }

    @Test func aFIFOIsWrittenNotReplaced() throws {
        let dir = try Self.folder()
        let fifo = dir + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = ReadBox()
        let reader = Thread {
            let data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
            received.set(data)
        }
        reader.start()
        let r = try K.kcsa(["events", "generate", "--duration", "1m", "-o", fifo])
        #expect(r.status == 0)
        while received.get() == nil { Thread.sleep(forTimeInterval: 0.01) }
        #expect(Self.kind(fifo) == S_IFIFO)
        #expect(received.get()?.count ?? 0 > 10_000)
    }

    @Test func aDeviceIsWrittenNotReplaced() throws {
        let dir = try Self.folder()
        let device = dir + "/null"
        // A private /dev/null (root only), so a regression cannot replace the machine's.
        guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3) /* makedev(1, 3) */) == 0 else {
            print("skipped: cannot create a device node at \(device) (not root?)")
            return
        }
        let r = try K.kcsa(["events", "generate", "--duration", "1m", "-o", device])
        #expect(r.status == 0)
        #expect(Self.kind(device) == S_IFCHR)
    }

    @Test func aRegularFileIsReplacedWholeAndKeepsItsMode() throws {
        let dir = try Self.folder()
        let path = dir + "/report.xml"
        try "old report".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        let answer = try K.temp("answer.yaml", "apiVersion: v1\n")
        let r = try K.kcsa(["lab", "check", "pss-restricted-web-pod", answer, "--junit", path, "--no-record"])
        #expect(r.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<?xml"))
        var st = stat()
        stat(path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.xml"])
    }

    @Test func aFolderOrAFullDeviceIsAClearError() throws {
        let dir = try Self.folder()
        let r = try K.kcsa(["events", "generate", "--duration", "1m", "-o", dir])
        #expect(r.status == 2)
        #expect(r.stderr == "kcsa: cannot write \(dir): it is a folder\n")
        let full = try K.kcsa(["events", "generate", "--duration", "1m", "-o", "/dev/full"])
        #expect(full.status == 2)
        #expect(full.stderr == "kcsa: cannot write /dev/full: No space left on device\n")
    }
}

/// Data handed from a reader thread.
final class ReadBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data? { lock.lock(); defer { lock.unlock() }; return data }
}
