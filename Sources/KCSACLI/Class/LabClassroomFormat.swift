import ArgumentParser
import Classroom
import Labs
import Terminal
import Trainer

/// `kcsa lab check --format`: text (the default), json (as `--json`), or classroom (the
/// base64 result line GitHub Classroom's autograding reporter reads).
enum LabCheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, classroom
}

/// The classroom form of a lab check, and the joined class's variant of a lab.
enum LabClassroom {
    /// The base64 result (one line) for a checked answer.
    static func encoded(_ report: LabReport, lab: Lab, maxScore: Int) -> String {
        let checks = report.checks.map { c in
            (name: c.name, passed: c.passed, message: c.passed ? "" : FindingText.lines(c.findings).joined(separator: "; "))
        }
        var result = ClassroomResult.lab(id: lab.id, passed: report.passed, checks: checks, maxScore: maxScore)
        if report.diagnostics.hasErrors {
            result.tests.insert(.init(name: "the answer reads", status: .fail,
                                      message: report.diagnostics.map(\.message).joined(separator: "; ")), at: 1)
        }
        return result.encoded
    }

    /// A lab that could not be checked: with --format classroom, an `error` result on
    /// stdout and exit 1 (the reporter shows it); otherwise the usual error.
    static func failure(_ error: any Error, labID: String, format: LabCheckFormat?, maxScore: Int) -> any Error {
        let message = (error as? LabCheckError)?.description ?? "\(error)"
        guard format == .classroom else { return CLIError(message) }
        Console.out(ClassroomResult.error(id: labID, message: message, maxScore: maxScore).encoded + "\n")
        return ExitCode(1)
    }

    /// The lab as the joined class's learner sees it (unchanged outside a class); an
    /// unreadable class file is an error.
    static func variant(_ lab: Lab, home: HomeOption) throws(CLIError) -> Lab {
        guard let joined = try joined(home: home) else { return lab }
        return joined.lab(lab)
    }

    /// The joined class, nil outside one; an unreadable class file is an error naming it.
    static func joined(home: HomeOption) throws(CLIError) -> JoinedClass? {
        do { return try home.locations.joinedClass() } catch { throw CLIError(error.description) }
    }
}
