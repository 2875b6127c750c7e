import ContentFormat
import Diagnostics
import Foundation
import Testing
@testable import Exam

/// Broken question files and curricula: each schema problem at its file, line and column.
@Suite struct QuestionFileTests {
    static let goodQuestion = """
      - id: tm-a
        subtopic: Persistence
        kind: single
        revision: 1
        question: |
          Which?
        options:
          - {id: a, text: one, why: because}
          - {id: b, text: two, why: because}
          - {id: c, text: three, why: because}
        answer: [a]
        explanation: Because.
        sources: [https://kubernetes.io/docs/]

    """

    /// The file's problems as "line:col message".
    func problems(_ yaml: String, domain: String = "threat-model") -> [String] {
        let source = SourceFile(name: "Questions/\(domain).yaml", text: yaml)
        return QuestionFileDecoder.decode(source, expectedDomain: domain).diagnostics.map { d in
            "\(d.span.map { "\(source.location(ofByte: $0.start))" } ?? "-") \(d.message)"
        }
    }

    @Test func aSoundFileHasNoProblems() {
        let source = SourceFile(name: "threat-model.yaml", text: "format_version: 1\ndomain: threat-model\nquestions:\n" + Self.goodQuestion)
        let result = QuestionFileDecoder.decode(source, expectedDomain: "threat-model")
        #expect(result.diagnostics.isEmpty)
        #expect(result.questions.map(\.question.id) == ["tm-a"])
        #expect(result.questions.first?.question.domain == "threat-model")
        #expect(result.questions.first.flatMap(\.idSpan).map { "\(source.location(ofByte: $0.start))" } == "4:9")
    }

    @Test func wrongTypesAreReportedAtTheValue() {
        let yaml = "format_version: 1\ndomain: threat-model\nquestions:\n" + Self.goodQuestion
            .replacingOccurrences(of: "revision: 1", with: "revision: first")
            .replacingOccurrences(of: "answer: [a]", with: "answer: a")
        #expect(problems(yaml) == [
            "7:15 `questions[0].revision` must be a whole number, not a string (\"first\")",
            "14:13 `questions[0].answer` must be a list of strings, not a string (\"a\")",
        ])
    }

    @Test func missingAndUnknownKeysAreReportedAtTheirMapping() {
        let yaml = "format_version: 1\ndomain: threat-model\nquestions:\n" + Self.goodQuestion
            .replacingOccurrences(of: "    explanation: Because.\n", with: "    explanaton: Because.\n")
            .replacingOccurrences(of: "{id: b, text: two, why: because}", with: "{id: b, text: two}")
        #expect(problems(yaml) == [
            "12:9 missing `why:` in `questions[0].options[1]`",
            "4:5 missing `explanation:` in `questions[0]`",
            "15:5 unknown key \"explanaton\" in `questions[0]`; did you mean explanation?",
        ])
    }

    @Test func aBrokenQuestionIsLeftOutAndTheOthersLoad() {
        let second = Self.goodQuestion.replacingOccurrences(of: "tm-a", with: "tm-b")
        let yaml = "format_version: 1\ndomain: threat-model\nquestions:\n"
            + Self.goodQuestion.replacingOccurrences(of: "kind: single", with: "kind: singel") + second
        let source = SourceFile(name: "threat-model.yaml", text: yaml)
        let result = QuestionFileDecoder.decode(source, expectedDomain: "threat-model")
        #expect(result.questions.map(\.question.id) == ["tm-b"])
        #expect(result.diagnostics.map(\.message) == ["`questions[0].kind` must be single or multiple, not \"singel\""])
        #expect(result.diagnostics.first?.help == "did you mean single?")
    }

    @Test func fileLevelProblemsNameTheirValue() {
        #expect(problems("format_version: 3\ndomain: threat-modle\nquestions: []\n") == [
            "1:17 format_version 3 is not supported (this kcsa reads format_version 1)",
            "2:9 domain \"threat-modle\" does not match the file name \"threat-model\"",
        ])
        #expect(problems("format_version: 1\ndomain: threat-model\nquestons: []\n") == [
            "1:1 missing `questions:`",
            "3:1 unknown key \"questons\"; did you mean questions?",
        ])
        #expect(problems("format_version: 1\ndomain: threat-model\nquestions:\n  - id: [\n") .first?.hasPrefix("5:1 YAML syntax error") == true)
    }

    @Test func theBankRendersSchemaProblemsWithACaret() throws {
        let dir = try Self.bankCopy()
        let path = dir.appendingPathComponent("threat-model.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The first question's revision becomes a list.
        var lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("    revision: ") })
        lines[index] = "    revision: [1]"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let bank = QuestionBank.load(directory: dir.path)
        let problem = try #require(bank.problems.first)
        #expect(bank.problems.count == 1)
        let line = index + 1
        #expect(problem.description == "\(path):\(line):15: error: `questions[0].revision` must be a whole number, not a list")
        #expect(problem.rendered().contains("\(line) |     revision: [1]\n"))
    }

    @Test func curriculumProblemsNameTheirLine() {
        let yaml = """
        curriculum: kcsa
        revision: 2024-06
        exam:
          questions: sixty
          minutes: 90
        domains:
          - id: Threat_Model
            title: Threat model
            weight: 16
            subtopics: [Persistence]
            extra: 1

        """
        let source = SourceFile(name: "Questions/curriculum.yaml", text: yaml)
        let (curriculum, diagnostics) = Curriculum.decode(source)
        #expect(curriculum == nil)
        let found = diagnostics.map { "\(source.location(ofByte: $0.span!.start)) \($0.message)" }
        #expect(found.count == 4, "\(found)")
        #expect(found[0] == "4:14 `exam.questions` must be a whole number, not a string (\"sixty\")")
        #expect(found[1] == "4:3 missing `passPercent:` in `exam`")
        #expect(found[2].hasPrefix("7:9 domain id \"Threat_Model\" must be kebab-case"))
        #expect(found[3] == "11:5 unknown key \"extra\" in `domains[0]`")
    }

    @Test func theShippedCurriculumReadsAndAFormatVersionIsOptional() throws {
        let text = try String(contentsOfFile: QuestionBankTests.questionsDir + "/curriculum.yaml", encoding: .utf8)
        let (plain, d1) = Curriculum.decode(SourceFile(name: "c.yaml", text: text))
        #expect(d1.isEmpty && plain?.domains.count == 6 && plain?.revision == "2024-06")
        let (versioned, d2) = Curriculum.decode(SourceFile(name: "c.yaml", text: "format_version: 1\n" + text))
        #expect(d2.isEmpty && versioned == plain)
        let (_, d3) = Curriculum.decode(SourceFile(name: "c.yaml", text: "format_version: 2\n" + text))
        #expect(d3.map(\.message) == ["format_version 2 is not supported (this kcsa reads format_version 1)"])
    }

    /// A temporary copy of the curriculum and one question file.
    static func bankCopy() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-qfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["curriculum.yaml", "threat-model.yaml"] {
            try FileManager.default.copyItem(atPath: QuestionBankTests.questionsDir + "/" + name,
                                             toPath: dir.appendingPathComponent(name).path)
        }
        return dir
    }
}
