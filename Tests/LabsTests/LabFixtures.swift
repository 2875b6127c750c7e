import Diagnostics
import Foundation
@testable import Labs

/// Labs written inline for grader tests, run against the shipped scenarios and policies.
enum LabFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// One resources object for the whole test run: generated logs are cached in it.
    static let resources = LabResources(root: root)
    static let lock = NSLock()

    static func lab(_ yaml: String, file: String = "fixture") throws -> Lab {
        let (lab, diagnostics) = LabDecoder.decode(SourceFile(name: file, text: yaml))
        guard let lab else {
            throw FixtureError(message: diagnostics.map(\.message).joined(separator: "; "))
        }
        return lab
    }

    static func check(_ lab: Lab, _ answer: String) throws -> LabReport {
        lock.lock()
        defer { lock.unlock() }
        return try LabChecker(resources: resources).check(lab, answer: SourceFile(name: "answer.yaml", text: answer))
    }

    static let common = """
    format_version: 1
    title: Fixture
    topic: test
    task: Do the thing.
    lesson: The thing.
    hints: [one, two]
    sources: [https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/]

    """

    struct FixtureError: Error { var message: String }
}
