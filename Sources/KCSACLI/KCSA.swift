import ArgumentParser
import Trainer

/// The `kcsa` command: a REPL on a terminal, subcommands for scripts and graders.
public struct KCSA: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kcsa",
        abstract: "A terminal trainer for the KCSA exam: audit policy labs, jq over audit logs, exam practice.",
        discussion: """
        With no arguments on a terminal, kcsa opens an interactive session (type `help` there); \
        without a terminal it reads the same commands from standard input, one per line. \
        Exit codes: 0 success or pass, 1 the answer or input did not pass, 2 usage error or unreadable file.
        """,
        version: BuildStamp.version,
        subcommands: [
            PolicyCommand.self,
            ContentCommand.self,
            EventsCommand.self,
            QuizCommand.self,
            ExamCommand.self,
            ReviewCommand.self,
            ProgressCommand.self,
            JQCommand.self,
            LabCommand.self,
            NetPolCommand.self,
            PSSCommand.self,
            RBACCommand.self,
            ClassCommand.self,

        ]
    )

    public init() {}
}
