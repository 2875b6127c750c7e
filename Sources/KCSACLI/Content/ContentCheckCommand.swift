import ArgumentParser
import Foundation
import Diagnostics
import Exam
import JSONValue
import KubeAudit
import Labs
import Terminal
import Trainer

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
        Policies in Labs/policies must load as kube-apiserver would load them, and scenarios in \
        Labs/scenarios as docs/SCENARIO_FORMAT.md says. Labs: every file in \
        Labs/labs loads and is in Labs/catalog.yaml, ids are unique, every lab has hints and a source, \
        its reference solution passes its own checker and its starter (or an empty answer) does not.
        """
    )

    @OptionGroup var content: ContentOption
    @OptionGroup var output: JSONFlag

    func run() throws {
        let check = try ContentCheck.run(root: content.root()) { StatusLine.show($0) }
        StatusLine.done()
        let bank = check.bank, catalog = check.catalog, problems = check.problems, errors = check.errors
        if output.json {
            var o = JSONObject()
            o["ok"] = .bool(errors.isEmpty)
            o["questions"] = .number(bank.questions.count)
            o["policies"] = .number(check.policyCount)
            o["scenarios"] = .number(check.scenarioCount)
            o["labs"] = .number(catalog.labs.count)
            o["generated"] = .number(check.generated)
            var perDomain = JSONObject()
            for d in bank.curriculum.domains { perDomain[d.id] = .number(bank.questions(in: d.id).count) }
            o["questionsPerDomain"] = .object(perDomain)
            o["guessability"] = .array(check.guessability.map { .string($0) })
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
            let style = stdoutStyle
            var summary = "questions: \(bank.questions.count) in \(bank.curriculum.domains.count) domains ("
            summary += bank.curriculum.domains.map { "\($0.id) \(bank.questions(in: $0.id).count)" }.joined(separator: ", ")
            summary += ")\npolicies: \(check.policyCount)\nscenarios: \(check.scenarioCount)\n"
            summary += "labs: \(catalog.labs.count) (" + Lab.Kind.allCases.map { k in
                "\(k.rawValue) \(catalog.labs.count { $0.kind == k })"
            }.joined(separator: ", ") + "), each reference passes and each starter fails\n"
            summary += "generated questions: \(check.generated) (\(GeneratedFamily.allCases.count) families, "
                + "seeds \(GeneratedSelfCheck.seeds.lowerBound)-\(GeneratedSelfCheck.seeds.upperBound), answers re-checked)\n"
            summary += (check.guessability + check.generatedGuessability).joined(separator: "\n") + "\n"
            summary += errors.isEmpty ? style.green("content check passed") + "\n"
                : style.red("content check failed") + ": \(errors.count) problem\(errors.count == 1 ? "" : "s")\n"
            Console.out(summary)
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
