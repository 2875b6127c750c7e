/// Turns diagnostics into the text a person reads: the message, `file:line:col`,
/// the source line and a caret under the spot. This is the one place where byte
/// offsets become lines and columns.
public struct DiagnosticRenderer: Sendable {
    /// Emit ANSI colour (only on a TTY and without NO_COLOR; the caller decides).
    public var color: Bool
    /// Longest stretch of a source line shown; longer lines are windowed around the caret.
    public var maxLineWidth: Int

    public init(color: Bool = false, maxLineWidth: Int = 100) {
        self.color = color
        self.maxLineWidth = maxLineWidth
    }

    public func render(_ diagnostics: [Diagnostic], in source: SourceFile?) -> String {
        diagnostics.map { render($0, in: source) }.joined()
    }

    /// The full text of one diagnostic, ending in a newline.
    public func render(_ d: Diagnostic, in source: SourceFile?) -> String {
        var out = paint(d.severity.rawValue, severityColor(d.severity)) + paint(": " + d.message, "1") + "\n"
        if let source, let span = d.span {
            let loc = source.location(ofByte: span.start)
            let gutter = String(repeating: " ", count: String(loc.line).count)
            out += "\(gutter)\(paint("-->", "34")) \(source.name):\(loc.line):\(loc.column)\n"
            out += snippet(source: source, span: span, label: d.label, severity: d.severity, gutter: gutter)
            for extra in d.secondary {
                let l = source.location(ofByte: extra.span.start)
                out += "\(gutter)\(paint("-->", "34")) \(source.name):\(l.line):\(l.column)\n"
                out += snippet(source: source, span: extra.span, label: extra.message, severity: .note, gutter: gutter)
            }
        } else if let source {
            out += " \(paint("-->", "34")) \(source.name)\n"
        }
        for note in d.notes {
            out += "  \(paint("=", "34")) note: \(note)\n"
        }
        if let help = d.help {
            out += "  \(paint("=", "34")) help: \(help)\n"
        }
        return out
    }

    /// A short one-line form, `file:line:col: error: message`, for logs and lists.
    public func renderShort(_ d: Diagnostic, in source: SourceFile?) -> String {
        var prefix = ""
        if let source {
            prefix = source.name
            if let span = d.span {
                prefix += ":\(source.location(ofByte: span.start))"
            }
            prefix += ": "
        }
        return "\(prefix)\(d.severity.rawValue): \(d.message)"
    }

    private func snippet(source: SourceFile, span: Span, label: String?, severity: Severity, gutter: String) -> String {
        let start = source.location(ofByte: span.start)
        let lineEndOffset = source.lineEnd(ofLine: start.line)
        let endOffset = min(span.end, lineEndOffset)
        let endCol = endOffset > span.start ? source.location(ofByte: endOffset).column : start.column + 1

        // Control characters (binary input) would garble the terminal: show them as '.'.
        let line = source.lineText(start.line).unicodeScalars.map { s -> Unicode.Scalar in
            (s.value < 0x20 && s != "\t") || (s.value >= 0x7F && s.value < 0xA0) ? "." : s
        }
        var first = 0
        var last = line.count
        var leftMark = "", rightMark = ""
        if line.count > maxLineWidth {
            // Keep the caret visible: a window around it, with ellipses on the cut sides.
            let caretIndex = start.column - 1
            first = max(0, min(caretIndex - maxLineWidth / 3, line.count - maxLineWidth))
            last = min(line.count, first + maxLineWidth)
            if first > 0 { leftMark = "..." }
            if last < line.count { rightMark = "..." }
        }
        let shown = String(String.UnicodeScalarView(line[first..<last]))
        var pad = leftMark.count == 0 ? "" : String(repeating: " ", count: leftMark.count)
        for scalar in line[first..<min(max(first, start.column - 1), line.count)] {
            pad += scalar == "\t" ? "\t" : " "
        }
        let width = max(1, min(endCol, last + 1) - start.column)
        var caret = paint(String(repeating: "^", count: width), severityColor(severity))
        if let label, !label.isEmpty { caret += " " + paint(label, severityColor(severity)) }

        var out = "\(gutter) \(paint("|", "34"))\n"
        out += "\(paint(String(start.line), "34")) \(paint("|", "34")) \(leftMark)\(shown)\(rightMark)\n"
        out += "\(gutter) \(paint("|", "34")) \(pad)\(caret)\n"
        return out
    }

    private func severityColor(_ s: Severity) -> String {
        switch s {
        case .error: "31"
        case .warning: "33"
        case .note: "36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
