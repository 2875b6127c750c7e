/// One command of the session. The table below is the only list of commands: dispatch,
/// `help` and TAB completion all read it, so they cannot drift apart.
public struct TrainerCommand: Sendable {
    public var name: String
    public var aliases: [String] = []
    public var usage: String
    public var summary: String
    /// More for `help NAME`, if any.
    public var details: String = ""
    /// What TAB offers after the command word.
    public var completion: Completion = .none
    var run: @Sendable (inout Trainer, CommandInput) -> Trainer.Outcome

    /// What TAB completes for a command's arguments.
    public enum Completion: Sendable {
        case none
        case commands
        case labs(extra: [String])
        /// jq: field paths of the open lab's log after a `.`, builtins otherwise.
        case jq
        case paths
        case domains
        case words([String])
        /// `explain METHOD URL`: methods and verbs, then URL prefixes.
        case request
    }
}

/// The session's command table.
public enum TrainerCommands {
    public static let all: [TrainerCommand] = [
        .init(name: "help", aliases: ["?"], usage: "help [COMMAND]", summary: "list the commands, or explain one",
              completion: .commands) { t, i in t.help(i.words) },
        .init(name: "labs", usage: "labs", summary: "list the labs in course order, with your progress") { t, _ in t.labs() },
        .init(name: "open", usage: "open LAB", summary: "open a lab and show its task",
              completion: .labs(extra: [])) { t, i in t.open(i.words) },
        .init(name: "task", usage: "task", summary: "show the open lab's task again") { t, _ in t.task() },
        .init(name: "hint", usage: "hint [N]",
              summary: "the next hint: a nudge, a pointer, then a near-solution (use is recorded)") { t, i in t.hint(i.words) },
        .init(name: "write", usage: "write",
              summary: "type your answer over several lines; end with a line holding only `.`") { t, _ in t.write() },
        .init(name: "edit", usage: "edit", summary: "edit your answer in $VISUAL or $EDITOR") { t, _ in t.edit() },
        .init(name: "load", usage: "load FILE",
              summary: "take your answer from a file (with no lab open: load a policy)",
              completion: .paths) { t, i in t.session == nil ? t.loadPolicy(i.words) : t.loadAnswer(i.words) },
        .init(name: "answer", usage: "answer [TEXT]",
              summary: "show your answer, or set a one-line answer (a jq filter)",
              completion: .jq) { t, i in t.showAnswer(i) },
        .init(name: "try", usage: "try [FILTER]", summary: "run a jq filter on the lab's log (default: your answer)",
              completion: .jq) { t, i in t.tryQuery(i) },
        .init(name: "peek", usage: "peek [N]", summary: "the lab's first events, or its most frequent requests") { t, i in
            t.peek(i.words)
        },
        .init(name: "check", usage: "check", summary: "check your answer; failures come with a concrete example") { t, _ in
            t.check()
        },
        .init(name: "solution", usage: "solution", summary: "the reference solution (once you have passed)") { t, _ in
            t.solution()
        },
        .init(name: "next", usage: "next", summary: "open the next lab") { t, _ in t.next() },
        .init(name: "reset", usage: "reset [LAB|all]", summary: "back to the starter; forget attempts and hints",
              completion: .labs(extra: ["all"])) { t, i in t.reset(i.words) },
        .init(name: "progress", usage: "progress", summary: "labs passed, checks and hints, question readiness") { t, _ in
            t.showProgress()
        },
        .init(name: "policy", usage: "policy FILE",
              summary: "load an audit policy to work with (validated as kube-apiserver would)",
              completion: .paths) { t, i in t.loadPolicy(i.words) },
        .init(name: "validate", usage: "validate [FILE]", summary: "check a policy file (default: the loaded one)",
              completion: .paths) { t, i in t.validate(i.words) },
        .init(name: "explain", usage: "explain METHOD URL as USER [GROUP...]",
              summary: "why a policy (your lab answer, the lab's, or the loaded one) logs a request",
              details: "  METHOD is an HTTP method or a Kubernetes verb: explain GET /api/v1/namespaces/prod/secrets/db as jane devs",
              completion: .request) { t, i in t.explain(i.words) },
        .init(name: "jq", usage: "jq [OPTIONS] FILTER [FILE...]", summary: "run a jq 1.8 query (same options as `kcsa jq`)",
              completion: .paths) { t, i in t.jq(i.words) },
        .init(name: "quiz", usage: "quiz [DOMAIN]", summary: "answer a question from the KCSA bank, with the explanation",
              completion: .domains) { t, i in t.quiz(i.words) },
        .init(name: "exam", usage: "exam [--seed N] [--count N] [--minutes M]",
              summary: "a timed practice exam (60 questions, 90 minutes); explanations after you submit",
              details: examDetails, completion: .words(["--seed", "--count", "--minutes"])) { t, i in t.exam(i.words) },
        .init(name: "review", usage: "review [N]", summary: "the missed questions that are due again (spaced review)",
              details: """
                Due cards come from missed quiz and exam questions and failed lab checks (SM-2: 1 day, 6 days,
                then interval x ease). A card missed 4 times is a leech. See docs/EXAM.md.
              """) { t, i in t.reviewCommand(i.words) },
        .init(name: "quit", aliases: ["exit", "q"], usage: "quit", summary: "leave (Ctrl-D also works)") { _, _ in .quit },
    ]

    static let examDetails = ExamScreen.wrap(ExamScreen.controls, indent: "  ") + "\n" + """
      At the exam prompt, Ctrl-C asks whether to abandon the exam (nothing is recorded) and Ctrl-D
      means `submit`. The prompt shows the question number and the time left; warnings come at 30,
      15 and 5 minutes left, and at the deadline the exam is submitted as it stands.
    """

    /// The command a word names (its name or an alias).
    public static func find(_ word: String) -> TrainerCommand? {
        all.first { $0.name == word || $0.aliases.contains(word) }
    }
}
