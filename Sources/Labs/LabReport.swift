import Diagnostics

/// The outcome of checking one answer: every check with its verdict and, when it
/// failed, the concrete evidence (a request, expected vs actual, the rule that won).
public struct LabReport: Sendable {
    public struct Check: Sendable {
        public var name: String
        public var passed: Bool
        /// Evidence and advice, one line each; empty for a plain pass.
        public var details: [String]

        public init(name: String, passed: Bool, details: [String] = []) {
            self.name = name
            self.passed = passed
            self.details = details
        }
    }

    public var labID: String
    public var checks: [Check]
    /// Syntax and validation problems in the answer, with positions in `answer`.
    public var diagnostics: [Diagnostic]
    /// The answer as checked (for rendering diagnostics with a caret).
    public var answer: SourceFile

    public init(labID: String, checks: [Check], diagnostics: [Diagnostic], answer: SourceFile) {
        self.labID = labID
        self.checks = checks
        self.diagnostics = diagnostics
        self.answer = answer
    }

    /// Passed: no errors, and every check passed (there is at least one).
    public var passed: Bool {
        !diagnostics.hasErrors && !checks.isEmpty && checks.allSatisfy(\.passed)
    }

    public var failedCount: Int { checks.count { !$0.passed } }

    /// A long value cut for feedback: the first `n` characters and "...".
    public static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n)) + "..."
    }
}

/// Why a lab could not be checked at all (its own content is broken, or the run was stopped).
public enum LabCheckError: Error, Sendable, CustomStringConvertible {
    case content(String)
    case cancelled

    public var description: String {
        switch self {
        case .content(let m): "lab content problem: \(m)"
        case .cancelled: "the check was interrupted"
        }
    }
}
