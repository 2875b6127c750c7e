/// The paragraph `help COMMAND` prints under a command's usage: what it does, when to
/// use it, and an example. Keyed by the command table's names; a test checks that every
/// command has one.
enum TrainerHelp {
    static let paragraphs: [String: String] = [
        "help": """
            Lists every command with a one-line summary, or, given a command, explains it with an example.
            Example: help check
            """,
        "labs": """
            Lists the labs in course order, grouped by topic, with their number, kind and your progress \
            (passed, tried). Open one by its id or its number.
            Example: labs, then open 3
            """,
        "open": """
            Opens a lab and shows its task and starter. LAB is the lab's id (TAB completes it) or its number \
            in `labs`. A saved answer from an earlier session is loaded; the next session offers to continue \
            the lab you had open.
            Example: open secrets-at-metadata   or   open 3
            """,
        "task": """
            Shows the open lab's task again: the requests or log it is about, and the starter.
            Example: task
            """,
        "hint": """
            Shows the next hint: first a nudge, then a pointer, then a near-solution. `hint N` shows hint N; \
            asking for the near-solution before the earlier hints asks you to confirm. Hints used are \
            recorded in your progress.
            Example: hint      hint 2
            """,
        "write": """
            Type your answer over several lines (a policy, a jq program, predictions). End with a line \
            holding only `.`; Ctrl-C abandons the entry and keeps the previous answer. TAB indents in YAML.
            Example: write, then rules:, - level: Metadata, .
            """,
        "edit": """
            Opens your answer in $VISUAL or $EDITOR (vi if neither is set) on this terminal; when the editor \
            exits, the saved file is your answer. Outside the REPL, `kcsa lab start ID` and `kcsa lab watch` \
            do the same with any editor.
            Example: EDITOR=nano kcsa, then edit
            """,
        "load": """
            Takes your answer from a file. With no lab open it loads an audit policy instead, as `policy FILE`.
            Example: load ~/answers/secrets.yaml
            """,
        "answer": """
            With no text, shows your current answer. With text, sets a one-line answer, handy for a jq filter.
            Example: answer select(.verb == "delete") | .user.username
            """,
        "try": """
            Runs a jq filter on the open query lab's log without changing your answer (with no filter: your \
            answer). At most 20 outputs are shown, each cut to the width of the terminal with a marker.
            Example: try select(.objectRef.resource == "secrets") | .verb
            """,
        "peek": """
            Shows what the lab works on: a query lab's first N events, a policy lab's most frequent requests, \
            a predict lab's requests.
            Example: peek 5
            """,
        "check": """
            Checks your answer against the lab's expectations. Each failing check comes with a concrete \
            example: the request and the rule that decided it, or the event where your output differs from \
            the reference. A pass is recorded in your progress.
            Example: check
            """,
        "solution": """
            Shows the reference solution, once you have passed the lab (compare it with yours).
            Example: solution
            """,
        "next": """
            Opens the lab after the open one in course order (with none open: the first lab not yet passed).
            Example: next
            """,
        "reset": """
            Puts a lab back to its starter and forgets its checks, its pass and its hints. With no argument: \
            the open lab; `reset all` resets every lab and asks first. `reset undo` puts back what the last \
            reset removed (answers included).
            Example: reset secrets-at-metadata   reset all   reset undo
            """,
        "progress": """
            Shows the labs you have passed, with checks and hints used, and your readiness per exam domain \
            from quiz, exam and review answers.
            Example: progress
            """,
        "policy": """
            Loads an audit policy file to work with outside a lab, validated as kube-apiserver would; then \
            `explain` tells how it logs a request.
            Example: policy Labs/policies/baseline.yaml
            """,
        "validate": """
            Checks a policy file as kube-apiserver reads it (strict decoding, then validation) and points at \
            each problem with its line and column.
            Example: validate my-policy.yaml
            """,
        "explain": """
            Explains which rule of a policy (your lab answer, the lab's policy, or the loaded one) decides a \
            request, at which level and stages it is logged. Name the user with `as USER [GROUP...]`, or say \
            `--unauthenticated` for a request whose credentials are rejected (401).
            Example: explain GET /api/v1/namespaces/prod/secrets/db as jane devs
            """,
        "jq": """
            Runs jq 1.8 on files, with the same options as `kcsa jq` (the session's own input holds your \
            commands, so give a file, or -n).
            Example: jq -c 'select(.verb == "create")' audit.log
            """,
        "quiz": """
            Asks one question from the KCSA bank (of one domain, if given), then explains every option. A \
            reply that is not an option is asked again; a missed question comes back in `review`.
            Example: quiz cluster-security
            """,
        "exam": """
            A timed practice exam drawn by the official blueprint; the same seed gives the same paper.
            Example: exam --seed 7 --count 10 --minutes 15
            """,
        "review": """
            Asks the missed questions that are due again (spaced review), at most N, and lists failed labs \
            due for another try.
            Example: review 5
            """,
        "quit": """
            Leaves the session; your answers are saved as drafts and your progress is kept.
            Example: quit
            """,
    ]
}
