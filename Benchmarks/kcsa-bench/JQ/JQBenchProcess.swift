import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One timed run of a jq-like tool as a child process: wall time from
/// spawn to exit, peak resident memory from `wait4`'s rusage.
struct JQBenchMeasurement {
    var seconds: Double
    var peakRSSKB: Int
    var exitStatus: Int32
    /// FNV-1a of standard output, to tell whether two tools printed the same bytes.
    var outputHash: UInt64
    var outputBytes: Int
}

enum JQBenchProcess {
    /// Runs `argv` with standard output to `outputPath` and standard error to `/dev/null`.
    static func measure(_ argv: [String], outputPath: String) -> JQBenchMeasurement? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawnp(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard rc == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let (hash, size) = hashFile(outputPath)
        return JQBenchMeasurement(seconds: elapsed, peakRSSKB: Int(usage.ru_maxrss), exitStatus: exit,
                                  outputHash: hash, outputBytes: size)
    }

    static func hashFile(_ path: String) -> (UInt64, Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return (0, 0) }
        defer { try? handle.close() }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var total = 0
        while let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty {
            total += data.count
            data.withUnsafeBytes { buf in
                for b in buf {
                    hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3
                }
            }
        }
        return (hash, total)
    }

    /// The first executable called `name` on PATH.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A script pip installed (Python's `scripts` directory), else the first on PATH
    /// that is not a pyenv shim.
    static func pipScript(_ name: String) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sysconfig;print(sysconfig.get_path('scripts'))"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        if (try? p.run()) != nil {
            p.waitUntilExit()
            let dir = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let candidate = dir + "/" + name
            if !dir.isEmpty, FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        guard let found = which(name), !found.contains("/shims/") else { return nil }
        return found
    }

    /// The first line a tool prints for `--version` (for the table's legend).
    static func version(_ tool: String) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["--version"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        guard (try? p.run()) != nil else { return "?" }
        p.waitUntilExit()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "?"
    }
}
