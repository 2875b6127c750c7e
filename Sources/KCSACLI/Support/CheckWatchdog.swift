import Diagnostics
import Foundation
import Labs
import Terminal
import Trainer
import JSONValue

/// The last guard of a one-shot `kcsa lab check`: the checker stops a query at
/// `LabLimits.timeLimit`, and if native work does not notice in time, this reports the
/// limit as the check's result (a failed check, exit 1) once `LabLimits.watchdogSlack`
/// more has passed, so the command never hangs.
enum CheckWatchdog {
    /// Starts the guard for checking `answer` against `lab`.
    static func start(lab: Lab, answer: SourceFile, json: Bool, limits: LabLimits = .standard) {
        let wait = limits.time + LabLimits.watchdogSlack
        let thread = Thread {
            Thread.sleep(forTimeInterval: Double(wait.components.seconds))
            let finding = Finding(.programFailed, message: LabLimits.Exceeded.time(limits.time).finding)
            let report = LabReport(labID: lab.id, checks: [.init(name: "the check finishes within its limits", passed: false,
                                                                  findings: [finding])],
                                   diagnostics: [], answer: answer)
            if json {
                Console.out(JSONPrinter(options: .pretty).string(LabReportRenderer.json(report, lab: lab)) + "\n")
            } else {
                Console.out(LabReportRenderer(style: stdoutStyle).text(report, lab: lab))
            }
            exit(1)
        }
        thread.start()
    }
}
