/// What reading one line gave.
public enum ReadResult: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the partial line is discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case eof
}

/// A prompt and the SGR colour it is drawn in (nil: plain).
public struct Prompt: Sendable {
    public var text: String
    public var sgr: String?

    public init(_ text: String, sgr: String? = nil) {
        self.text = text
        self.sgr = sgr
    }
}

/// Reads lines for the REPL: libedit on a terminal, plain `read(2)` otherwise.
/// A test can supply its own reader and script a whole session.
public protocol LineReader: AnyObject {
    func readLine(prompt: Prompt) -> ReadResult
    func addHistory(_ line: String)
    /// Completions for the text before the cursor.
    var completer: (String) -> [String] { get set }
    /// In a multi-line YAML block, TAB inserts two spaces instead of completing.
    var tabInsertsSpaces: Bool { get set }
}
