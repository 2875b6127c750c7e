import ArgumentParser
import Foundation
import Diagnostics
import Exam
import JSONValue
import KubeAudit
import Labs

/// `kcsa content check`: proves the course content is sound.
struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Check the course content (question bank, labs and course policies).",
        subcommands: [ContentCheckCommand.self]
    )
}

struct ContentCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint every question and course policy (exit 0 all sound, 1 problems found).",
        discussion: """
        Questions: format version, domains and subtopics from the curriculum, unique kebab-case ids, \
        options a-e in order, answers among the options and matching the kind, a why on every option, \
        an explanation and at least one authoritative source. Generated audit-logging questions \
        (200 seeds per family) must pass the same checks, and each answer is recomputed a second way. \
        Policies in Labs/policies must load as kube-apiserver would load them. Labs: every file in \
        Labs/labs loads and is in Labs/catalog.yaml, ids are unique, every lab has hints and a source, \
        its reference solution passes its own checker and its starter (or an empty answer) does not.
        """
    )

    @Option(help: "The content folder (holding Labs/ and Questions/).")
    var content: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try runReportingErrors {
            let root = try ContentLocator.locate(explicit: content)
            let bank = QuestionBank.load(directory: root + "/Questions")
            var problems = bank.problems
            let policyDir = root + "/Labs/policies"
            let policies = ((try? FileManager.default.contentsOfDirectory(atPath: policyDir)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted()
            for name in policies {
                let source = try InputFile.read(policyDir + "/" + name)
                let result = PolicyLoader.load(source)
                for d in result.diagnostics where d.severity == .error {
                    problems.append(ContentProblem(file: source, diagnostic: d))
                }
            }
            let catalog = LabCatalog.load(root: root)
            var labProblems = catalog.problems
            let checker = LabChecker(resources: LabResources(root: root))
            for (i, lab) in catalog.labs.enumerated() {
                StatusLine.show("checking lab \(i + 1)/\(catalog.labs.count) \(lab.id)")
                for message in checker.selfCheck(lab) {
                    labProblems.append(.init(file: nil, path: lab.path, diagnostic: .error("lab \(lab.id): \(message)")))
                }
            }
            StatusLine.done()
            for p in labProblems {
                problems.append(ContentProblem(file: p.file ?? SourceFile(name: p.path, text: ""), diagnostic: p.diagnostic))
            }
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
            let errors = problems.filter { $0.diagnostic.severity == .error }
            if json {
                var o = JSONObject()
                o["ok"] = .bool(errors.isEmpty)
                o["questions"] = .number(bank.questions.count)
                o["policies"] = .number(policies.count)
                o["labs"] = .number(catalog.labs.count)
                o["generated"] = .number(generated)
                var perDomain = JSONObject()
                for d in bank.curriculum.domains { perDomain[d.id] = .number(bank.questions(in: d.id).count) }
                o["questionsPerDomain"] = .object(perDomain)
                o["guessability"] = .array((guessability.lines() + [strategies.line()]).map { .string($0) })
                o["problems"] = .array(problems.map { p in
                    var e = JSONObject()
                    e["file"] = .string(p.file.name)
                    e["diagnostic"] = DiagnosticJSON.encode(p.diagnostic, in: p.file)
                    return .object(e)
                })
                Console.out(JSONPrinter(options: .pretty).string(.object(o)) + "\n")
            } else {
                let renderer = DiagnosticRenderer(color: Console.stderrColor)
                for p in problems { Console.err(renderer.render(p.diagnostic, in: p.file)) }
                let style = Style(enabled: Console.stdoutColor)
                var summary = "questions: \(bank.questions.count) in \(bank.curriculum.domains.count) domains ("
                summary += bank.curriculum.domains.map { "\($0.id) \(bank.questions(in: $0.id).count)" }.joined(separator: ", ")
                summary += ")\npolicies: \(policies.count)\n"
                summary += "labs: \(catalog.labs.count) (" + Lab.Kind.allCases.map { k in
                    "\(k.rawValue) \(catalog.labs.count { $0.kind == k })"
                }.joined(separator: ", ") + "), each reference passes and each starter fails\n"
                summary += "generated questions: \(generated) (\(GeneratedFamily.allCases.count) families, "
                    + "seeds \(GeneratedSelfCheck.seeds.lowerBound)-\(GeneratedSelfCheck.seeds.upperBound), answers re-checked)\n"
                summary += (guessability.lines() + [strategies.line()] + generatedGuessability).joined(separator: "\n") + "\n"
                summary += errors.isEmpty ? style.green("content check passed") + "\n"
                    : style.red("content check failed") + ": \(errors.count) problem\(errors.count == 1 ? "" : "s")\n"
                Console.out(summary)
            }
            if !errors.isEmpty { throw ExitCode(1) }
        }
    }
}
