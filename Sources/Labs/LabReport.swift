import Diagnostics

/// The outcome of checking one answer: every check with its verdict and, when it
/// failed, the concrete evidence (a request, expected vs actual, the rule that won).
public struct LabReport: Sendable {
    public struct Check: Sendable {
        public var name: String
        public var passed: Bool
        /// The evidence, as data; empty for a plain pass.
        public var findings: [Finding]

        public init(name: String, passed: Bool, findings: [Finding] = []) {
            self.name = name
            self.passed = passed
            self.findings = findings
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

    /// Every finding of the failed checks.
    public var findings: [Finding] { checks.filter { !$0.passed }.flatMap(\.findings) }

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
