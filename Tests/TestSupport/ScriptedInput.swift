import Terminal

/// A line reader that plays a script, for driving a session in-process: each entry is a
/// line, `ScriptedInput.ctrlC` stands for Ctrl-C, and the end of the script is Ctrl-D.
/// The prompts it was shown are kept, so a test can assert on them.
public final class ScriptedInput: LineReader {
    public static let ctrlC = "\u{3}"

    private var lines: [String]
    public private(set) var prompts: [String] = []
    public private(set) var history: [String] = []
    public var completer: (String) -> [String] = { _ in [] }
    public var tabInsertsSpaces = false

    public init(_ lines: [String]) { self.lines = lines }

    /// A script written as one text, one line per line.
    public convenience init(script: String) {
        self.init(script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    public func readLine(prompt: Prompt) -> ReadResult {
        prompts.append(prompt.text)
        guard !lines.isEmpty else { return .eof }
        let line = lines.removeFirst()
        return line == Self.ctrlC ? .interrupted : .line(line)
    }

    public func addHistory(_ line: String) { history.append(line) }

    /// The lines not read yet.
    public var remaining: Int { lines.count }
}
