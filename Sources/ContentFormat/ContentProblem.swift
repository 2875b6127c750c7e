import Diagnostics

/// A problem in one content file (a lab, a question file, a scenario, the curriculum):
/// the file it is in and a diagnostic positioned in that file, so it renders as
/// `file:line:col` with the line and a caret.
public struct ContentProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: SourceFile
    public var diagnostic: Diagnostic

    public init(file: SourceFile, diagnostic: Diagnostic) {
        self.file = file
        self.diagnostic = diagnostic
    }

    /// A problem about a path that could not be read at all (no text to point into).
    public init(path: String, diagnostic: Diagnostic) {
        self.init(file: SourceFile(name: path, text: ""), diagnostic: diagnostic)
    }

    /// The path of the file the problem is in.
    public var path: String { file.name }

    /// The full form: message, `--> file:line:col`, the source line and a caret.
    public func rendered(color: Bool = false) -> String {
        DiagnosticRenderer(color: color).render(diagnostic, in: file)
    }

    /// The one-line form, `file:line:col: error: message`.
    public var description: String { DiagnosticRenderer().renderShort(diagnostic, in: file) }
}

extension Array where Element == ContentProblem {
    /// True when any problem is an error (warnings do not stop content from loading).
    public var hasErrors: Bool { contains { $0.diagnostic.severity == .error } }
}

/// Content that could not be loaded, thrown by loaders that return one value
/// (`Scenario.load(path:)`); it carries every problem found, not only the first.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public var problems: [ContentProblem]

    public init(_ problems: [ContentProblem]) { self.problems = problems }

    public init(file: SourceFile, _ diagnostics: [Diagnostic]) {
        self.problems = diagnostics.map { ContentProblem(file: file, diagnostic: $0) }
    }

    /// One `file:line:col: error: message` line per problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
