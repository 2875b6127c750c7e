/// What the learner types at the exam prompt, parsed into commands.
extension ExamSession {
    /// One thing the learner can do during an exam.
    public enum Command: Sendable, Equatable {
        /// Choose these option letters for the current question (`a`, `a,c`, `a c`).
        case answer([String])
        /// Remove the answer to the current question (`-`, `clear`).
        case clear
        /// Flag or unflag the current question (`f`, `flag`).
        case toggleFlag
        case next
        case previous
        /// Go to a question by its number, 1-based (`g 12`, `12`).
        case goTo(Int)
        /// Show the current question again (an empty line, `s`).
        case show
        /// The review screen (`r`, `review`).
        case review
        case submit
        /// The answer to "submit anyway?".
        case confirm(Bool)
        case help
    }

    /// Why a line is not a command.
    public struct InputError: Error, Sendable, Equatable {
        public var message: String
    }

    /// Parses a line typed in the current phase: while a submit waits for confirmation,
    /// `y`/`yes` confirms and anything else declines.
    public func parse(_ line: String) -> Result<Command, InputError> {
        let text = line.trimmingCharacters(in: .whitespaces).lowercased()
        if phase == .confirmingSubmit {
            return .success(.confirm(text == "y" || text == "yes"))
        }
        return Self.parseCommand(text)
    }

    static func parseCommand(_ text: String) -> Result<Command, InputError> {
        switch text {
        case "", "s", "show": return .success(.show)
        case "f", "flag", "unflag": return .success(.toggleFlag)
        case "n", "next": return .success(.next)
        case "p", "prev", "previous", "back": return .success(.previous)
        case "r", "review": return .success(.review)
        case "submit", "done", "finish": return .success(.submit)
        case "-", "clear": return .success(.clear)
        case "?", "h", "help": return .success(.help)
        default: break
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let first = words.first, first == "g" || first == "go" || first == "goto" {
            guard words.count == 2, let n = Int(words[1]) else {
                return .failure(InputError(message: "usage: g N (go to question N)"))
            }
            return .success(.goTo(n))
        }
        if words.count == 1, let n = Int(words[0]) { return .success(.goTo(n)) }
        // Letters: "a", "a,c", "a c", "ac".
        let letters = words.flatMap { $0.map(String.init) }
        if !letters.isEmpty && letters.allSatisfy({ $0.count == 1 && ("a"..."z").contains($0) }) && words.allSatisfy({ $0.count <= 5 }) {
            var seen: [String] = []
            for l in letters where !seen.contains(l) { seen.append(l) }
            return .success(.answer(seen))
        }
        return .failure(InputError(message: "`\(text)` is not an answer or a command (type ? for help)"))
    }
}
