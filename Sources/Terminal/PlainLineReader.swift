#if canImport(Glibc)
import Glibc
#endif

/// Lines from a pipe, a file or a dumb terminal, read with `read(2)`: no prompt unless
/// stdin is a terminal, no escape codes. (`Swift.readLine()` spins on EINTR after a
/// SIGINT, so it is not used.)
public final class PlainLineReader: LineReader {
    private var buffer: [UInt8] = []
    private var atEOF = false
    private let showPrompt: Bool
    public var completer: (String) -> [String] = { _ in [] }
    public var tabInsertsSpaces = false

    public init() {
        showPrompt = isatty(STDIN_FILENO) == 1
    }

    public func readLine(prompt: Prompt) -> ReadResult {
        if showPrompt {
            var p = prompt.text
            p.withUTF8 { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        }
        while true {
            if Interrupts.shared.terminationSignal != nil { return .eof }
            if let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if atEOF {
                if buffer.isEmpty { return .eof }
                let line = String(decoding: buffer, as: UTF8.self)
                buffer.removeAll()
                return .line(line)
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer += chunk[..<n]
            } else if n == 0 {
                atEOF = true
            } else if errno == EINTR {
                if Interrupts.shared.terminationSignal != nil { return .eof }
                if Interrupts.shared.take() {
                    buffer.removeAll()
                    return .interrupted
                }
            } else {
                atEOF = true
            }
        }
    }

    public func addHistory(_ line: String) {}
}
