/// A half-open range of UTF-8 byte offsets into a `SourceFile`.
/// Engines carry spans; only the renderer turns them into lines and columns.
public struct Span: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// A zero-width span at one offset (an insertion point, "expected X here").
    public static func at(_ offset: Int) -> Span { Span(start: offset, end: offset) }

    public var length: Int { end - start }

    /// The smallest span covering both.
    public func merged(with other: Span) -> Span {
        Span(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }
}
