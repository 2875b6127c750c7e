import CLibEdit
#if canImport(Glibc)
import Glibc
#endif

/// Line editing with libedit's native API: emacs keys, persistent history, TAB
/// completion, colour prompts. Main thread only.
public final class EditLineReader: LineReader {
    private let el: OpaquePointer
    private let hist: OpaquePointer
    private let out: UnsafeMutablePointer<FILE>
    private var event = HistEvent()
    private let historyPath: String?
    private let useColor: Bool
    /// Must outlive el_gets: an owned copy.
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    public var completer: (String) -> [String] = { _ in [] }
    public var tabInsertsSpaces = false

    public init?(programName: String, historyPath: String?, useColor: Bool) {
        TerminalWidth.clampReportedSize()
        guard let fin = cel_stdin(), let fout = cel_stdout(), let ferr = cel_stderr(),
              let el = el_init(programName, fin, fout, ferr) else { return nil }
        guard let hist = history_init() else {
            el_end(el)
            return nil
        }
        self.el = el
        self.hist = hist
        self.out = fout
        self.historyPath = historyPath
        self.useColor = useColor
        _ = chist_setsize(hist, &event, 1000)
        _ = chist_setunique(hist, &event, 1)
        if let historyPath { _ = chist_load(hist, &event, historyPath) }
        _ = cel_set_editor(el, "emacs")
        _ = cel_set_signal(el, 1)
        _ = cel_set_history(el, hist)
        _ = cel_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        _ = cel_set_prompt_esc(el, { el in
            guard let el, let raw = cel_get_clientdata(el) else { return nil }
            return Unmanaged<EditLineReader>.fromOpaque(raw).takeUnretainedValue().promptBuffer
        }, 1)
        _ = cel_add_function(el, "kcsa-complete", "Complete a command or argument", { el, _ in
            guard let el, let raw = cel_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineReader>.fromOpaque(raw).takeUnretainedValue().complete()
        })
        _ = cel_bind(el, "^I", "kcsa-complete")
        el_source(el, nil)
    }

    deinit {
        el_end(el)
        history_end(hist)
        free(promptBuffer)
    }

    public func addHistory(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        _ = chist_enter(hist, &event, line)
        // Saved on every entry: globals are never deinitialised at exit.
        if let historyPath { _ = chist_save(hist, &event, historyPath) }
    }

    private func setPrompt(_ p: Prompt) {
        var rendered = p.text
        if useColor, let sgr = p.sgr {
            // libedit drops a literal that ends the prompt, so the reset is followed by
            // the prompt's trailing spaces (or its last character).
            var body = p.text
            var tail = String(body.reversed().prefix(while: { $0 == " " }))
            body.removeLast(tail.count)
            if tail.isEmpty, let last = body.popLast() { tail = String(last) }
            rendered = "\u{1}\u{1B}[\(sgr)m\u{1}\(body)\u{1}\u{1B}[0m\u{1}\(tail)"
        }
        free(promptBuffer)
        promptBuffer = strdup(rendered)
    }

    /// `el_gets` with SIGWINCH held back. libedit's own handler would measure the window
    /// in the middle of the line, before kcsa can set an enormous size down, and lay out
    /// its display for it (65535 x 65535: gigabytes, and no answer). Held back, a resize is
    /// delivered to kcsa's handler when the line ends; the next line starts with the size
    /// set down (`clampReportedSize`), and libedit measures it again then.
    private func readBlockingResizes(_ count: inout Int32) -> UnsafePointer<CChar>? {
        var resize = sigset_t(), previous = sigset_t()
        sigemptyset(&resize)
        sigaddset(&resize, SIGWINCH)
        pthread_sigmask(SIG_BLOCK, &resize, &previous)
        errno = 0
        let line = el_gets(el, &count)
        let savedErrno = errno
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        errno = savedErrno
        return line
    }

    public func readLine(prompt: Prompt) -> ReadResult {
        setPrompt(prompt)
        // An interrupt (Ctrl-C, or an exam's alarm) that came while nothing was reading is
        // delivered now rather than lost. The REPL clears the flag after each command, so a
        // Ctrl-C that a command already handled does not reach here.
        if Interrupts.shared.terminationSignal != nil { return .eof }
        if Interrupts.shared.take() { return .interrupted }
        while true {
            TerminalWidth.clampReportedSize()
            var count: Int32 = 0
            let got = readBlockingResizes(&count)
            if let cstr = got {
                var line = String(cString: cstr)
                if line.hasSuffix("\n") { line.removeLast() }
                return .line(line)
            }
            guard count == -1 && errno == EINTR else { return .eof }
            if Interrupts.shared.terminationSignal != nil { return .eof }
            if Interrupts.shared.take() { return .interrupted }
            // Another signal (Ctrl-Z without job control): prompt again.
        }
    }

    private func complete() -> UInt8 {
        if tabInsertsSpaces {
            el_insertstr(el, "  ")
            return UInt8(CC_REFRESH)
        }
        guard let info = el_line(el)?.pointee else { return UInt8(CC_ERROR) }
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer),
                            as: UTF8.self)
        let word = CompletionWord.token(before)
        let matches = Array(Set(completer(before).filter { $0.hasPrefix(word) })).sorted()
        if matches.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        if matches.count == 1 {
            let rest = String(matches[0].dropFirst(word.count))
            el_insertstr(el, rest + (rest.hasSuffix("/") || rest.hasSuffix(".") ? "" : " "))
            return UInt8(CC_REFRESH)
        }
        let lcp = matches.dropFirst().reduce(matches[0]) { common, next in
            String(zip(common, next).prefix { $0 == $1 }.map(\.0))
        }
        if lcp.count > word.count {
            el_insertstr(el, String(lcp.dropFirst(word.count)))
            return UInt8(CC_REFRESH)
        }
        fputs("\n" + matches.joined(separator: "  ") + "\n", out)
        return UInt8(CC_REDISPLAY)
    }
}
