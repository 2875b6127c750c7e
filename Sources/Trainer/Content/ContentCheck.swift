import ClusterSim
import ContentFormat
import Diagnostics
import Exam
import Foundation
import KubeAudit
import Labs

/// `kcsa content check` as a value: every problem in the course content (question bank,
/// course policies, labs and the generated question families), with the figures the
/// summary prints. The command renders it as text or JSON.
public struct ContentCheck {
    public var bank: QuestionBank
    public var policyCount: Int
    /// Scenario files in Labs/scenarios (each read, its base resolved).
    public var scenarioCount: Int
    public var catalog: LabCatalog
    public var generated: Int
    public var problems: [ContentProblem]
    /// The bank's guessability figures, one line each (the limits are in docs/QUESTION_FORMAT.md).
    public var guessability: [String] = []
    /// The same figures for the generated families, for information.
    public var generatedGuessability: [String] = []

    public var errors: [ContentProblem] { problems.filter { $0.diagnostic.severity == .error } }

    /// Checks the content under `root`; `progress` is told which lab is being checked.
    public static func run(root: String, progress: (String) -> Void = { _ in }) throws(CLIError) -> ContentCheck {
        let bank = QuestionBank.load(directory: root + "/Questions")
        var problems = bank.problems
        let policyDir = root + "/Labs/policies"
        let policies: [String]
        do {
            policies = try FileManager.default.contentsOfDirectory(atPath: policyDir).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw CLIError("cannot list \(policyDir): \(error.localizedDescription)")
        }
        for name in policies {
            let source = try InputFile.read(policyDir + "/" + name)
            for d in PolicyLoader.load(source).diagnostics where d.severity == .error {
                problems.append(ContentProblem(file: source, diagnostic: d))
            }
        }
        let scenarios = Scenario.check(directory: root + "/Labs/scenarios")
        problems += scenarios.problems
        let catalog = LabCatalog.load(root: root)
        var labProblems = catalog.problems
        let checker = LabChecker(resources: LabResources(root: root))
        for (i, lab) in catalog.labs.enumerated() {
            progress("checking lab \(i + 1)/\(catalog.labs.count) \(lab.id)")
            for problem in checker.selfCheck(lab) {
                labProblems.append(.init(path: lab.path, diagnostic: .error("lab \(lab.id): \(ContentCheck.describe(problem))")))
            }
        }
        problems += labProblems
        // Generated questions: fixed seeds, each answer recomputed a second way.
        var generated = 0
        var generatedGuessability: [String] = []
        if bank.curriculum.domain(GeneratedFamily.domain) != nil {
            let report = GeneratedSelfCheck.run(seeds: GeneratedSelfCheck.seeds, curriculum: bank.curriculum)
            generated = report.questions
            // Informational: generated answers are computed, so only the figures are shown.
            generatedGuessability = Guessability(GeneratedFamily.allCases.flatMap { family in
                GeneratedSelfCheck.seeds.map { family.question(seed: $0) }
            }).lines(nil, title: "generated questions (for information, no limits)")
            let source = SourceFile(name: "generated questions", text: "")
            problems += report.problems.map { ContentProblem(file: source, diagnostic: .error($0, code: "generated")) }
        }
        // Guessability: the form of the options must not give the answer away.
        let guessability = Guessability(bank.questions)
        let strategies = TestWiseStrategies(bank: bank)
        let bankSource = SourceFile(name: root + "/Questions", text: "")
        problems += (guessability.violations() + strategies.violations()).map {
            ContentProblem(file: bankSource, diagnostic: .error($0, code: "guessability"))
        }
        return ContentCheck(bank: bank, policyCount: policies.count, scenarioCount: scenarios.count, catalog: catalog,
                            generated: generated, problems: problems,
                            guessability: guessability.lines() + [strategies.line()],
                            generatedGuessability: generatedGuessability)
    }

    /// A lab's self-check problem in words.
    public static func describe(_ problem: SelfCheckProblem) -> String {
        switch problem {
        case .referenceFails(let r):
            let failed = r.checks.filter { !$0.passed }.map { "\($0.name): \(FindingText.lines($0.findings).joined(separator: "; "))" }
            return "the reference solution does not pass: " + (failed + r.diagnostics.map(\.message)).joined(separator: " | ")
        case .starterPasses: return "the starter passes (it must fail, or the lab teaches nothing)"
        case .variantSameAnswer(let n): return "variant \(n)'s reference also passes the lab as written (it changes no answer)"
        case .uncheckable(let e): return e.description
        }
    }
}
