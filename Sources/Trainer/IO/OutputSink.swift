import Terminal

/// Where a session writes what the learner sees. The REPL writes to standard output; a
/// test captures the text.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
}

/// Standard output, written through as it comes (the session batches its own text).
public final class StandardOutput: OutputSink {
    public init() {}
    public func write(_ text: String) { Console.out(text) }
}

/// Collects everything written, for tests and for renderers that need the whole text.
public final class CapturedOutput: OutputSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }

    /// What was written since the last call.
    public func take() -> String {
        defer { text = "" }
        return text
    }
}
