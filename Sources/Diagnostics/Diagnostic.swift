/// How serious a diagnostic is. Warnings can be promoted to errors (`--strict`).
public enum Severity: String, Sendable, Codable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One message about a piece of input: what is wrong, where, and what to do about it.
/// The same type serves jq queries, JSON input, policy YAML and lab files; the
/// renderer draws it.
public struct Diagnostic: Sendable, Equatable, Error {
    /// A secondary place the message refers to ("the rule that matched first").
    public struct Label: Sendable, Equatable {
        public var span: Span
        public var message: String
        public init(span: Span, message: String) {
            self.span = span
            self.message = message
        }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is, if it has a place in the source.
    public var span: Span?
    /// A short text drawn beside the caret.
    public var label: String?
    public var secondary: [Label]
    public var notes: [String]
    public var help: String?
    /// A stable machine-readable code (`unknown-field`, `V3`, ...), for `--json`.
    public var code: String?

    public init(
        _ severity: Severity,
        _ message: String,
        at span: Span? = nil,
        label: String? = nil,
        secondary: [Label] = [],
        notes: [String] = [],
        help: String? = nil,
        code: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.span = span
        self.label = label
        self.secondary = secondary
        self.notes = notes
        self.help = help
        self.code = code
    }

    public static func error(_ message: String, at span: Span? = nil, label: String? = nil,
                             help: String? = nil, code: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: span, label: label, help: help, code: code)
    }

    public static func warning(_ message: String, at span: Span? = nil, label: String? = nil,
                               help: String? = nil, code: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: span, label: label, help: help, code: code)
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
