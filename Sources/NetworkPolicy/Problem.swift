import Diagnostics

/// A diagnostic about the objects, with the name of the file it points into
/// (nil when it is about the set as a whole).
public struct Problem: Sendable, Equatable, Error {
    public var file: String?
    public var diagnostic: Diagnostic

    public init(file: String?, _ diagnostic: Diagnostic) {
        self.file = file
        self.diagnostic = diagnostic
    }

    /// A validation error placed on the field it names.
    public init(_ error: FieldError, in origin: ObjectOrigin?, code: String = "invalid") {
        self.file = origin?.file
        self.diagnostic = .error(error.description, at: origin?.span(of: error.field), code: code)
    }
}

extension Array where Element == Problem {
    public var hasErrors: Bool { contains { $0.diagnostic.severity == .error } }
}
