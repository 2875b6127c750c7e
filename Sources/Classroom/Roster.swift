import Diagnostics

/// The class's learners, from a CSV roster as GitHub Classroom exports it
/// (`identifier,name,email`, other columns ignored), in file order.
public struct Roster: Sendable, Equatable {
    /// One learner.
    public struct Learner: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var email: String

        public init(id: String, name: String = "", email: String = "") {
            self.id = id
            self.name = name
            self.email = email
        }
    }

    /// Bad input is an error, not a long run.
    public static let maxLearners = 10_000
    public static let maxBytes = 8 << 20

    public var learners: [Learner]

    public init(learners: [Learner]) { self.learners = learners }

    public func learner(_ id: String) -> Learner? { learners.first { $0.id == id } }

    /// Reads a roster: a UTF-8 byte-order mark and CRLF line ends are accepted, fields may
    /// be quoted (`"Doe, Jane"`, `""` for a quote). Every problem is reported at its place:
    /// a missing `identifier` column, an empty id, a duplicate id (at the second line,
    /// naming the first), an unterminated quote.
    public static func read(_ source: SourceFile) -> (Roster?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard source.bytes.count <= maxBytes else {
            return (nil, [.error("the roster is larger than \(maxBytes >> 20) MiB", at: .at(0))])
        }
        let rows = CSVRows.parse(source.bytes, diagnostics: &diagnostics)
        guard let header = rows.first else {
            return (nil, diagnostics + [.error("the roster is empty; its first line names the columns (identifier,name,email)",
                                               at: .at(0))])
        }
        let names = header.fields.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let idColumn = names.firstIndex(of: "identifier") else {
            let span = header.fields.first?.span ?? .at(0)
            return (nil, diagnostics + [.error("the roster's first line has no `identifier` column (GitHub Classroom's "
                                               + "roster: identifier,name,email)", at: span)])
        }
        let nameColumn = names.firstIndex(of: "name")
        let emailColumn = names.firstIndex(of: "email")
        var learners: [Learner] = []
        var firstSeen: [String: CSVRows.Field] = [:]
        for row in rows.dropFirst() {
            if row.fields.allSatisfy({ $0.text.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard idColumn < row.fields.count else {
                diagnostics.append(.error("this line has no identifier (column \(idColumn + 1))", at: row.span))
                continue
            }
            let field = row.fields[idColumn]
            let id = field.text.trimmingCharacters(in: .whitespaces)
            if id.isEmpty {
                diagnostics.append(.error("the identifier is empty", at: field.span))
                continue
            }
            if id.contains(where: { $0.isNewline || $0 == "/" || $0.asciiValue.map { $0 < 32 } == true }) {
                diagnostics.append(.error("the identifier \"\(id)\" holds a line break, a slash or a control character",
                                          at: field.span))
                continue
            }
            if let first = firstSeen[id] {
                let firstLine = source.location(ofByte: first.span.start).line
                let line = source.location(ofByte: field.span.start).line
                diagnostics.append(Diagnostic(.error, "learner \"\(id)\" is on line \(firstLine) and again on line \(line)",
                                              at: field.span, label: "duplicate",
                                              secondary: [.init(span: first.span, message: "first here")],
                                              help: "each learner appears once in the roster", code: "roster"))
                continue
            }
            firstSeen[id] = field
            func column(_ i: Int?) -> String {
                guard let i, i < row.fields.count else { return "" }
                return row.fields[i].text.trimmingCharacters(in: .whitespaces)
            }
            learners.append(Learner(id: id, name: column(nameColumn), email: column(emailColumn)))
        }
        if learners.count > maxLearners {
            diagnostics.append(.error("the roster has \(learners.count) learners; at most \(maxLearners)", at: .at(0)))
        }
        return (diagnostics.hasErrors ? nil : Roster(learners: learners), diagnostics)
    }

    /// The roster as CSV (`identifier,name,email`, CRLF as RFC 4180 has it).
    public func csv() -> String {
        (["identifier,name,email"] + learners.map { [$0.id, $0.name, $0.email].map(CSVRows.escape).joined(separator: ",") })
            .joined(separator: "\r\n") + "\r\n"
    }
}
