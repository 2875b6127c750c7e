@testable import Classroom
import Diagnostics
import Testing

/// The roster CSV: GitHub Classroom's columns, a BOM, CRLF, quoted fields, and every
/// problem at its line.
struct RosterTests {
    static func read(_ text: String, name: String = "roster.csv") -> (Roster?, [Diagnostic], SourceFile) {
        let source = SourceFile(name: name, text: text)
        let (r, d) = Roster.read(source)
        return (r, d, source)
    }

    @Test func bomCRLFAndQuotedFields() throws {
        let (roster, diagnostics, _) = Self.read("\u{FEFF}identifier,github_username,name,email\r\n"
                                                  + "alice,alice-gh,\"Doe, Alice\",alice@example.com\r\n"
                                                  + "bob,,\"Bob \"\"the builder\"\"\",\r\n\r\n")
        #expect(diagnostics.isEmpty)
        let r = try #require(roster)
        #expect(r.learners == [.init(id: "alice", name: "Doe, Alice", email: "alice@example.com"),
                               .init(id: "bob", name: "Bob \"the builder\"", email: "")])
    }

    @Test func aDuplicateNamesBothLines() throws {
        let (roster, diagnostics, source) = Self.read("identifier,name\nalice,A\nbob,B\nalice,A again\n")
        #expect(roster == nil)
        let d = try #require(diagnostics.first)
        #expect(d.message == "learner \"alice\" is on line 2 and again on line 4")
        let rendered = DiagnosticRenderer().render(d, in: source)
        #expect(rendered.contains("roster.csv:4:1"))
        #expect(rendered.contains("first here"))
    }

    @Test func noIdentifierColumn() {
        let (roster, diagnostics, _) = Self.read("login,name\nalice,A\n")
        #expect(roster == nil)
        #expect(diagnostics.first?.message.hasPrefix("the roster's first line has no `identifier` column") == true)
    }

    @Test(arguments: [
        ("identifier\n\"alice\nbob\n", "this quoted field is never closed"),
        ("identifier,name\n ,Nobody\n", "the identifier is empty"),
        ("", "the roster is empty; its first line names the columns (identifier,name,email)"),
        ("identifier\na/b\n", "the identifier \"a/b\" holds a line break, a slash or a control character"),
    ])
    func badRosters(_ text: String, _ message: String) {
        let (_, diagnostics, _) = Self.read(text)
        #expect(diagnostics.map(\.message).contains(message))
    }

    @Test func csvRoundTrip() throws {
        let r = Roster(learners: [.init(id: "a", name: "Doe, Jane", email: "j@x"), .init(id: "b")])
        let (back, d, _) = Self.read(r.csv())
        #expect(d.isEmpty)
        #expect(back == r)
    }
}
