import Foundation

/// A one-line progress display on stderr for long work, only when stderr is a terminal
/// (never in pipes, logs or CI output).
public enum StatusLine {
    nonisolated(unsafe) private static var shown = false
    private static let enabled = isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"

    public static func show(_ text: String) {
        guard enabled else { return }
        Console.err("\r\u{1B}[K" + String(text.prefix(100)))
        shown = true
    }

    public static func done() {
        guard enabled, shown else { return }
        Console.err("\r\u{1B}[K")
        shown = false
    }
}
