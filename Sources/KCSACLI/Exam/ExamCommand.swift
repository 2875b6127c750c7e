import ArgumentParser
import Exam
import Foundation
import JSONValue
import Progress
import Terminal
import Trainer
import Yams

/// `kcsa exam`: the timed interactive exam on a terminal; otherwise a 60-question paper
/// drawn by domain weight from a seed, and grading of a prepared answer file (for autograding).
struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "Take a timed KCSA practice exam, print one from a seed, or grade an answer file for it.",
        discussion: """
        On a terminal (or with --interactive), runs the exam: 60 questions, 90 minutes, a timer in \
        the prompt, flags and a review screen, and the explanations after you submit (see \
        docs/EXAM.md). Without a terminal, or with --print or --json, prints the paper (the same seed \
        always gives the same paper, questions and option order alike; default seed 1). Options are \
        shown in a seeded shuffle, so a letter means the option at that place on that seed's paper. \
        With --answers FILE (YAML or JSON: question id -> option letters, e.g. \
        `sf-audit-first-match-wins: c` or `["a","d"]`), grades it per domain against the pass mark; \
        its letters are those of the paper `kcsa exam --print --seed N` shows for the same seed \
        (give the same --seed, --count and --generated). Grading is by option, never by letter. \
        Exit codes: 0 printed or passed, 1 not passed, 2 usage or unreadable file.
        """
    )

    @Option(help: "The seed that picks the questions and their order (interactive default: a random one, printed).")
    var seed: UInt64?

    @Flag(help: "Take the exam interactively even without a terminal (answers from standard input).")
    var interactive = false

    @Flag(help: "Print the paper even on a terminal.")
    var print = false

    @Option(help: "Minutes allowed in the interactive exam (default: the curriculum's 90).")
    var minutes: Int?

    @Option(help: "Number of questions (default: the curriculum's 60).")
    var count: Int?

    @Option(help: "An answer file to grade.")
    var answers: String?

    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption
    @OptionGroup var now: NowOption

    @Flag(help: "Print the paper or the result as JSON.")
    var json = false

    @Flag(help: "Fill \(ExamPaper.defaultGeneratedPercent)% of the audit-logging domain's share with generated questions (give it again when grading).")
    var generated = false

    @Flag(help: "Grade without storing the result in the progress database (for graders).")
    var noRecord = false

    func run() throws {
        let root = try content.root()
        let bank = QuestionBank.load(directory: root + "/Questions")
        guard bank.isValid else { throw CLIError("the question bank has problems: run `kcsa content check`") }
        if let minutes, minutes < 1 { throw CLIError("--minutes must be at least 1") }
        if let count, count < 1 { throw CLIError("--count must be at least 1") }
        // In a joined class, the learner's own paper (seed and length) unless --seed says otherwise.
        let classExam = try ClassExamDefaults(home: home, explicitSeed: seed)
        let classSeed = self.seed ?? classExam.seed
        let count = self.count ?? classExam.questions
        if answers == nil && !json && !print && (interactive || isInteractiveTerminal()) {
            let trainer = try TerminalSession.make(.init(content: root, home: home.home, now: now.now))
            let status = ExamRunner(io: trainer.io, record: !noRecord).take(bank: bank, seed: classSeed, count: count,
                                                                           minutes: minutes)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let seed = classSeed ?? 1
        let paper: ExamPaper
        do {
            paper = try ExamPaper.draw(from: bank, seed: seed, count: count,
                                       generatedPercent: generated ? ExamPaper.defaultGeneratedPercent : 0)
        } catch {
            throw CLIError(error.description)
        }
        guard let answers else {
            Console.out(json ? JSONPrinter(options: .pretty).string(ExamJSON.paper(paper)) + "\n" : ExamText.paper(paper))
            return
        }
        let chosen = try AnswerFile.read(answers)
        let unknown = chosen.keys.filter { id in !paper.questions.contains { $0.id == id } }.sorted()
        if !unknown.isEmpty {
            Console.err("kcsa: warning: \(answers) answers questions that are not on paper \(seed): "
                        + unknown.prefix(5).joined(separator: ", ") + (unknown.count > 5 ? ", ..." : "") + "\n")
        }
        let ids = try AnswerFile.optionIDs(chosen, paper: paper, path: answers)
        let result = ExamResult.grade(paper, answers: ids, curriculum: bank.curriculum)
        if !noRecord {
            let now = try self.now.clock().now()
            let store = try home.progress()
            do {
                try store.recordExam(
                    ExamRecord(seed: Int64(bitPattern: seed), correct: result.correct, total: result.items.count,
                               passed: result.passed, takenAt: now),
                    answers: result.items.map {
                        AnswerRecord(questionID: $0.question.id, revision: $0.question.revision,
                                     domain: $0.question.domain, correct: $0.correct, mode: "exam", answeredAt: now)
                    })
                try store.recordExamChoices(seed: seed, choices: chosen, at: now)
            } catch {
                throw CLIError("cannot record the exam: \(error)")
            }
        }
        if json {
            Console.out(JSONPrinter(options: .pretty).string(ExamJSON.result(result, seed: seed)) + "\n")
        } else {
            Console.out(ExamText.result(result, style: stdoutStyle))
        }
        if !result.passed { throw ExitCode(1) }
    }
}

/// Reads `id: letters` answer files (YAML or JSON).
enum AnswerFile {
    static func read(_ path: String) throws(CLIError) -> [String: Set<String>] {
        let source = try InputFile.read(path)
        let text = String(decoding: source.bytes, as: UTF8.self)
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw CLIError("\(path) is not valid YAML or JSON: \(error)", exitCode: 2)
        }
        guard let map = loaded as? [String: Any] else {
            throw CLIError("\(path) must map question ids to option letters", exitCode: 2)
        }
        var out: [String: Set<String>] = [:]
        for (id, value) in map {
            switch value {
            case let s as String:
                out[id] = Set(s.lowercased().filter(\.isLetter).map(String.init))
            case let list as [Any]:
                out[id] = Set(list.compactMap { ($0 as? String)?.lowercased() })
            default:
                throw CLIError("\(path): the answer for \(id) must be letters (\"a\", \"a,c\" or [a, c])", exitCode: 2)
            }
        }
        return out
    }
}

extension AnswerFile {
    /// The option ids behind the letters of each answer, as the options sit on `paper`. A
    /// letter that is not an option of its question is an error (exit 2), not a wrong answer.
    static func optionIDs(_ chosen: [String: Set<String>], paper: ExamPaper, path: String) throws(CLIError) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for q in paper.questions {
            guard let letters = chosen[q.id] else { continue }
            let order = paper.order(of: q)
            if let bad = letters.sorted().first(where: { order.id(of: $0) == nil }) {
                throw CLIError("\(path): `\(bad)` is not an option of \(q.id) (its options are "
                               + order.letters.joined(separator: ", ") + ")", exitCode: 2)
            }
            out[q.id] = paper.ids(letters, of: q)
        }
        return out
    }
}

/// Exams and results as text.
enum ExamText {
    static func paper(_ p: ExamPaper) -> String {
        var out = "KCSA practice exam, seed \(p.seed): \(p.questions.count) questions\n"
        out += "Blueprint: " + p.blueprint.counts.map { "\($0.domain) \($0.count)" }.joined(separator: ", ") + "\n"
        for (i, q) in p.questions.enumerated() {
            out += "\n\(i + 1). [\(q.id)] " + q.question.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
            for (letter, o) in p.order(of: q).shown(q) { out += "   \(letter)) \(o.text)\n" }
        }
        return out
    }

    static func result(_ r: ExamResult, style: Style) -> String {
        var out = String(format: "Score: %d/%d (%.1f%%) - ", r.correct, r.items.count, r.percent)
        out += (r.passed ? style.green("PASS") : style.red("NOT PASSED")) + " (pass mark \(r.passPercent)%)\n\n"
        for d in r.domains where d.total > 0 {
            let mark = d.percent >= Double(r.passPercent) ? "ok" : "below \(r.passPercent)%"
            out += "  " + d.title.padding(toLength: 38, withPad: " ", startingAt: 0)
                + String(format: "%2d/%2d  %5.1f%%  ", d.correct, d.total, d.percent) + mark + "\n"
        }
        let missed = r.items.filter { !$0.correct }
        if !missed.isEmpty {
            out += "\nMissed:\n"
            for item in missed {
                let given = item.chosen.isEmpty ? "no answer" : item.order.letters(of: item.chosen).joined(separator: ",")
                let answer = item.order.letters(of: item.question.answer).joined(separator: ",")
                out += "  \(item.question.id): you gave \(given), the answer is \(answer)\n"
                out += "    " + item.question.explanation.trimmingCharacters(in: .whitespacesAndNewlines)
                    .replacingOccurrences(of: "\n", with: " ") + "\n"
            }
        }
        return out
    }
}

/// Exams and results as JSON, for autograders.
enum ExamJSON {
    static func paper(_ p: ExamPaper) -> JSON {
        var o = JSONObject()
        o["seed"] = .number(Double(p.seed))
        o["questions"] = .array(p.questions.map { q in
            var e = JSONObject()
            e["id"] = .string(q.id)
            e["domain"] = .string(q.domain)
            e["subtopic"] = .string(q.subtopic)
            e["kind"] = .string(q.kind.rawValue)
            e["question"] = .string(q.question)
            // In the paper's order; `letter` is what an answer file gives, `id` the bank's option id.
            e["options"] = .array(p.order(of: q).shown(q).map {
                .object(["letter": .string($0.letter), "id": .string($0.option.id), "text": .string($0.option.text)])
            })
            return .object(e)
        })
        return .object(o)
    }

    static func result(_ r: ExamResult, seed: UInt64) -> JSON {
        var o = JSONObject()
        o["seed"] = .number(Double(seed))
        o["correct"] = .number(r.correct)
        o["total"] = .number(r.items.count)
        o["percent"] = .number(r.percent)
        o["passed"] = .bool(r.passed)
        o["passPercent"] = .number(r.passPercent)
        o["domains"] = .array(r.domains.map { d in
            .object(["domain": .string(d.domain), "correct": .number(d.correct), "total": .number(d.total),
                     "percent": .number(d.percent)])
        })
        o["items"] = .array(r.items.map { i in
            // Letters as on the paper (the answer file's), and the option ids they stand for.
            .object(["id": .string(i.question.id), "chosen": .array(i.order.letters(of: i.chosen).map(JSON.string)),
                     "answer": .array(i.order.letters(of: i.question.answer).map(JSON.string)),
                     "chosenIDs": .array(i.chosen.sorted().map(JSON.string)),
                     "answerIDs": .array(i.question.answer.sorted().map(JSON.string)), "correct": .bool(i.correct)])
        })
        return .object(o)
    }
}
