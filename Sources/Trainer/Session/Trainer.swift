import Diagnostics
import Exam
import Foundation
import JQ
import KubeAudit
import Labs
import Terminal

/// The learner's session: `kcsa` on a terminal, `kcsa < script`, and tests all drive it.
/// It is a value holding the session's state (the open lab, the loaded policy, the
/// question bank once read); every command is a mutation of it through the command table,
/// and all input and output goes through the injected `TrainerIO`.
public struct Trainer {
    /// What running one command gave.
    public enum Outcome: Equatable, Sendable { case ok, failed, quit }

    public var io: TrainerIO
    public var content: TrainerContent
    /// The open lab and the learner's answer.
    public var session: LabSession?
    /// The policy loaded with `policy FILE` (outside labs).
    public var policy: (path: String, evaluator: PolicyEvaluator)?
    /// The question bank, read the first time a command needs it.
    var bank: QuestionBank?
    var quizRandom: any RandomNumberGenerator = SystemRandomNumberGenerator()
    /// Field paths of the open lab's log, for TAB (computed on first use).
    var fieldPaths: [String]?
    /// The open lab the completer's snapshot was taken with.
    var completionKey: String?

    public init(io: TrainerIO, content: TrainerContent) {
        self.io = io
        self.content = content
    }

    var style: Style { io.style }

    func say(_ text: String) { io.say(text) }

    /// `text` wrapped to the terminal's width (unchanged without a terminal).
    func wrapped(_ text: String, hanging: Int? = nil, keepIndented: Bool = false) -> String {
        TextWrap.wrap(text, width: io.width(), hanging: hanging, keepIndented: keepIndented)
    }

    /// Runs one command line (already trimmed, not a comment) through the command table.
    public mutating func execute(_ line: String) -> Outcome {
        guard line.utf8.count <= Self.maxLineBytes else {
            say(style.red("error") + ": that line is \(line.utf8.count) bytes long; a command line may be at most "
                + "\(Self.maxLineBytes) (for a long answer use `write`, `load FILE` or `edit`)")
            return .failed
        }
        let words: [String]
        do {
            words = try ShellWords.split(line)
        } catch {
            say(style.red("error") + ": unterminated quote")
            return .failed
        }
        guard let name = words.first else { return .ok }
        guard let command = TrainerCommands.find(name) else {
            let guess = DidYouMean.suggest(name, among: TrainerCommands.all.map(\.name))
            say(style.red("unknown command") + " `\(Self.shown(name))`" + (guess.map { "; did you mean `\($0)`?" } ?? "")
                + " Type `help` for the list.")
            return .failed
        }
        let input = CommandInput(words: Array(words.dropFirst()), rest: Self.rest(of: line, after: name))
        return command.run(&self, input)
    }

    /// The longest command line the session runs (a paste longer than this is refused, not parsed).
    public static let maxLineBytes = 16 << 10

    /// A word as the session echoes it: control characters escaped, at most 60 characters.
    static func shown(_ word: String) -> String {
        var out = ""
        for scalar in word.unicodeScalars.prefix(60) {
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) {
                out += String(format: "\\x%02X", v)
            } else {
                out += v == 0xFFFD ? "\\uFFFD" : String(scalar)
            }
        }
        return word.unicodeScalars.count > 60 ? out + "..." : out
    }

    /// The raw text after the command word, quotes and all (a jq filter is not shell words).
    static func rest(of line: String, after command: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(command) else { return trimmed }
        return String(trimmed.dropFirst(command.count)).trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Requirements shared by the commands

    func requireCatalog() -> LabCatalog? {
        guard let catalog = content.catalog, !catalog.labs.isEmpty else {
            say("the labs were not found (run kcsa from a checkout, or set KCSA_CONTENT)")
            return nil
        }
        return catalog
    }

    func requireLab() -> LabSession? {
        guard let session else {
            say("no lab is open: `labs` lists them, `open ID` opens one")
            return nil
        }
        return session
    }

    func requireResources() -> LabResources? {
        guard let resources = content.resources else {
            say("the labs were not found (run kcsa from a checkout, or set KCSA_CONTENT)")
            return nil
        }
        return resources
    }

    /// The question bank, read once.
    mutating func requireBank() -> QuestionBank? {
        if bank == nil, let root = content.root { bank = QuestionBank.load(directory: root + "/Questions") }
        guard let bank, !bank.questions.isEmpty else {
            say("the question bank was not found (run kcsa from a checkout, or set KCSA_CONTENT)")
            return nil
        }
        return bank
    }

    /// Sets the open lab's answer and saves it as a draft (saying so if it cannot be saved).
    mutating func setAnswer(_ text: String) {
        guard var s = session else { return }
        s.answer = LabSession.normalized(text)
        session = s
        do { try io.drafts.write(s.lab.id, s.answer) } catch {
            say(style.yellow("note") + ": the draft could not be saved: \(error.localizedDescription)")
        }
    }

    /// Prints an error the learner can act on.
    func fail(_ message: String) -> Outcome {
        say(style.red("error") + ": \(message)")
        return .failed
    }
}

/// One command's arguments: shell words, and the raw text after the command word.
public struct CommandInput: Sendable {
    public var words: [String]
    public var rest: String
}
