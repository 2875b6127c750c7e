import ContentFormat
import Diagnostics
import Foundation

/// Every question of the bank, loaded from `Questions/*.yaml` with the curriculum,
/// together with what is wrong with any of it.
public struct QuestionBank: Sendable {
    public var curriculum: Curriculum
    public var questions: [Question]
    /// Problems found while loading and checking, each with its file.
    public var problems: [ContentProblem]

    public var isValid: Bool { !problems.hasErrors }

    public static let curriculumFile = "curriculum.yaml"
    public static let prefixes = [
        "cloud-native-security": "cns-", "cluster-component-security": "ccs-", "security-fundamentals": "sf-",
        "threat-model": "tm-", "platform-security": "ps-", "compliance-frameworks": "cf-",
    ]

    /// Loads `directory` (the `Questions/` folder).
    public static func load(directory: String) -> QuestionBank {
        let curriculumPath = (directory as NSString).appendingPathComponent(curriculumFile)
        guard let curriculumSource = read(curriculumPath) else {
            let p = ContentProblem(path: curriculumPath, diagnostic: .error("cannot read the curriculum", code: "missing-file"))
            return QuestionBank(curriculum: .empty, questions: [], problems: [p])
        }
        let (decoded, curriculumDiagnostics) = Curriculum.decode(curriculumSource)
        var problems = curriculumDiagnostics.map { ContentProblem(file: curriculumSource, diagnostic: $0) }
        guard let curriculum = decoded else { return QuestionBank(curriculum: .empty, questions: [], problems: problems) }

        var questions: [Question] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") && $0 != curriculumFile }.sorted()
        for name in files {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let source = read(path) else {
                problems.append(ContentProblem(path: path, diagnostic: .error("cannot read the file", code: "missing-file")))
                continue
            }
            let file = QuestionFileDecoder.decode(source, expectedDomain: String(name.dropLast(".yaml".count)))
            problems += file.diagnostics.map { ContentProblem(file: source, diagnostic: $0) }
            for decoded in file.questions {
                for d in QuestionChecks.check(decoded.question, curriculum: curriculum) {
                    var d = d
                    d.span = decoded.idSpan
                    problems.append(ContentProblem(file: source, diagnostic: d))
                }
                questions.append(decoded.question)
            }
        }
        var seen: [String: Int] = [:]
        for q in questions { seen[q.id, default: 0] += 1 }
        for (id, n) in seen.sorted(by: { $0.key < $1.key }) where n > 1 {
            problems.append(ContentProblem(path: directory,
                                           diagnostic: .error("question id \"\(id)\" is used \(n) times; ids must be unique", code: "duplicate-id")))
        }
        return QuestionBank(curriculum: curriculum, questions: questions, problems: problems)
    }

    /// Questions of one domain.
    public func questions(in domain: String) -> [Question] { questions.filter { $0.domain == domain } }

    private static func read(_ path: String) -> SourceFile? {
        FileManager.default.contents(atPath: path).map { SourceFile(name: path, bytes: [UInt8]($0)) }
    }
}
