import JQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The outside world of one `kcsa jq` run: standard input, output and error,
/// the environment. A test passes its own to run the command in-process.
public struct JQStreams {
    /// Set to stop a running query (the interactive session does so on Ctrl-C).
    public var cancellation = JQCancellation()
    /// Bounds on a run; none from the command line, as jq has none.
    public var limits = JQLimits()
    /// Reads up to `count` bytes of standard input into `buffer`; 0 at the end.
    public var readStdin: (UnsafeMutableRawBufferPointer) -> Int
    /// Writes bytes to standard output; false when the write failed.
    public var writeStdout: (UnsafeRawBufferPointer) -> Bool
    public var writeStderr: (String) -> Void
    public var environment: [String: String]
    /// Whether standard output is a terminal (jq colours by default then).
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    public var stdinIsTerminal: Bool

    public init(readStdin: @escaping (UnsafeMutableRawBufferPointer) -> Int,
                writeStdout: @escaping (UnsafeRawBufferPointer) -> Bool,
                writeStderr: @escaping (String) -> Void, environment: [String: String],
                stdoutIsTerminal: Bool, stderrIsTerminal: Bool, stdinIsTerminal: Bool) {
        self.readStdin = readStdin
        self.writeStdout = writeStdout
        self.writeStderr = writeStderr
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.stdinIsTerminal = stdinIsTerminal
    }

    /// The process's real file descriptors 0, 1 and 2.
    public static func process() -> JQStreams {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") {
                env[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            p += 1
        }
        return JQStreams(
            readStdin: { buf in FileReader.read(fd: 0, into: buf) },
            writeStdout: { bytes in FileReader.writeAll(fd: 1, bytes) },
            writeStderr: { text in
                var t = text
                t.withUTF8 { _ = FileReader.writeAll(fd: 2, UnsafeRawBufferPointer($0)) }
            },
            environment: env,
            stdoutIsTerminal: isatty(1) != 0,
            stderrIsTerminal: isatty(2) != 0,
            stdinIsTerminal: isatty(0) != 0)
    }
}

private func systemRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ n: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buf, n)
    #else
    Darwin.read(fd, buf, n)
    #endif
}

private func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer?, _ n: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buf, n)
    #else
    Darwin.write(fd, buf, n)
    #endif
}

private func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags)
    #else
    Darwin.open(path, flags)
    #endif
}

/// Thin wrappers over POSIX read/write/open, retrying on EINTR.
enum FileReader {
    static func read(fd: Int32, into buf: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let n = systemRead(fd, buf.baseAddress, buf.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            return -1
        }
    }

    static func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Opens a file for reading, or returns the C error text ("No such file or directory").
    static func open(_ path: String) -> Result<Int32, OpenError> {
        let fd = systemOpen(path, O_RDONLY)
        if fd < 0 { return .failure(OpenError(reason: String(cString: strerror(errno)))) }
        return .success(fd)
    }

    static func closeFile(_ fd: Int32) -> Int32 {
        close(fd)
    }

    /// The C library's text for the last error.
    static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }

    struct OpenError: Error {
        var reason: String
    }

    /// A whole file's bytes (`--rawfile`, `--slurpfile`, `-f`).
    static func readWhole(_ path: String) -> Result<[UInt8], OpenError> {
        let fd: Int32
        switch open(path) {
        case .success(let f): fd = f
        case .failure(let e): return .failure(e)
        }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd: fd, into: $0) }
            if n < 0 { return .failure(OpenError(reason: String(cString: strerror(errno)))) }
            if n == 0 { return .success(out) }
            out.append(contentsOf: chunk[..<n])
        }
    }
}
