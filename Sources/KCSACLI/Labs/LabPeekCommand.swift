import ArgumentParser
import Labs
import Trainer

/// `kcsa lab peek ID [N]`: what the session's `peek` shows for a lab, outside it, for
/// learners working in their own editor (`lab start` / `lab watch`).
struct LabPeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peek",
        abstract: "Show what the session's `peek` shows for a lab: a query lab's first events, the requests, "
            + "the cluster, the pods or the RBAC objects it is checked against.",
        discussion: "N: how many to show (events, requests or pods), as `peek N` in the session.")

    @Argument(help: "The lab id (or its number in `kcsa lab list`).")
    var id: String
    @Argument(help: "How many to show.")
    var count: String?
    @OptionGroup var content: ContentOption
    @OptionGroup var home: HomeOption

    func run() throws {
        let root = try content.root()
        let learner = try LearnerLabs(root: root, home: home)
        let lab = try learner.lab(id)
        var trainer = try TerminalSession.make(.init(content: root, home: home.home, catalog: learner.course))
        if trainer.peek(lab: lab, count: count) != .ok { throw ExitCode(1) }
    }
}
