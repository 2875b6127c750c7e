import Diagnostics
import Foundation
import Yams

/// Every question of the bank, loaded from `Questions/*.yaml` with the curriculum,
/// together with what is wrong with any of it.
public struct QuestionBank: Sendable {
    public var curriculum: Curriculum
    public var questions: [Question]
    /// Problems found while loading and checking, each with its file.
    public var problems: [ContentProblem]

    public var isValid: Bool { !problems.contains { $0.diagnostic.severity == .error } }

    public static let curriculumFile = "curriculum.yaml"
    public static let prefixes = [
        "cloud-native-security": "cns-", "cluster-component-security": "ccs-", "security-fundamentals": "sf-",
        "threat-model": "tm-", "platform-security": "ps-", "compliance-frameworks": "cf-",
    ]

    /// Loads `directory` (the `Questions/` folder).
    public static func load(directory: String) -> QuestionBank {
        var problems: [ContentProblem] = []
        let curriculumPath = (directory as NSString).appendingPathComponent(curriculumFile)
        guard let curriculumText = try? String(contentsOfFile: curriculumPath, encoding: .utf8) else {
            let p = ContentProblem(file: SourceFile(name: curriculumPath, text: ""),
                                   diagnostic: .error("cannot read the curriculum", code: "missing-file"))
            return QuestionBank(curriculum: Curriculum(curriculum: "", revision: "", exam: .init(questions: 0, minutes: 0, passPercent: 0), domains: []),
                                questions: [], problems: [p])
        }
        let curriculum: Curriculum
        do {
            curriculum = try Curriculum.decode(curriculumText)
        } catch {
            let p = ContentProblem(file: SourceFile(name: curriculumPath, text: curriculumText),
                                   diagnostic: .error("the curriculum cannot be read: \(error)", code: "yaml"))
            return QuestionBank(curriculum: Curriculum(curriculum: "", revision: "", exam: .init(questions: 0, minutes: 0, passPercent: 0), domains: []),
                                questions: [], problems: [p])
        }
        var questions: [Question] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") && $0 != curriculumFile }.sorted()
        for name in files {
            let path = (directory as NSString).appendingPathComponent(name)
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let source = SourceFile(name: path, text: text)
            do {
                var file = try YAMLDecoder().decode(QuestionFile.self, from: text)
                for i in file.questions.indices { file.questions[i].domain = file.domain }
                let expected = String(name.dropLast(".yaml".count))
                var fileProblems: [Diagnostic] = []
                if file.format_version != 1 {
                    fileProblems.append(.error("format_version \(file.format_version) is not supported (expected 1)", at: .at(0)))
                }
                if file.domain != expected {
                    fileProblems.append(.error("domain \"\(file.domain)\" does not match the file name \"\(expected)\"", at: .at(0)))
                }
                problems += fileProblems.map { ContentProblem(file: source, diagnostic: $0) }
                for q in file.questions {
                    for d in QuestionChecks.check(q, curriculum: curriculum) {
                        var d = d
                        d.span = QuestionChecks.span(of: q.id, in: source)
                        problems.append(ContentProblem(file: source, diagnostic: d))
                    }
                }
                questions += file.questions
            } catch {
                problems.append(ContentProblem(file: source, diagnostic: QuestionChecks.decodingDiagnostic(error, source)))
            }
        }
        var seen: [String: Int] = [:]
        for q in questions { seen[q.id, default: 0] += 1 }
        for (id, n) in seen where n > 1 {
            problems.append(ContentProblem(file: SourceFile(name: directory, text: ""),
                                           diagnostic: .error("question id \"\(id)\" is used \(n) times; ids must be unique", code: "duplicate-id")))
        }
        return QuestionBank(curriculum: curriculum, questions: questions, problems: problems)
    }

    /// Questions of one domain.
    public func questions(in domain: String) -> [Question] { questions.filter { $0.domain == domain } }
}

/// A problem in a content file.
public struct ContentProblem: Sendable {
    public var file: SourceFile
    public var diagnostic: Diagnostic

    public init(file: SourceFile, diagnostic: Diagnostic) {
        self.file = file
        self.diagnostic = diagnostic
    }
}
