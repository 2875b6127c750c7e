import Foundation
import Testing

/// `kcsa lab start/watch/hint/solution` as a learner with their own editor uses them: the
/// watcher is a real process seeing real saves (inotify), and it is never restarted.
@Suite struct LabWorkspaceCommandTests {
    static let course = PolicyCommandTests.packageRoot.appendingPathComponent("Tests/KCSACLITests/Fixtures/course").path
    static let right = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: Metadata
          resources:
          - group: ""
            resources: ["secrets"]
        - level: Request

        """

    /// Collects a process's standard output as it comes.
    final class Screen: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ data: Data) { lock.withLock { text += String(decoding: data, as: UTF8.self) } }
        var value: String { lock.withLock { text } }

        /// Waits until `needle` appears after `from` characters (at most `seconds`).
        func wait(for needle: String, after from: Int = 0, seconds: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let now = value
                if now.count > from, now.dropFirst(from).contains(needle) { return true }
                usleep(50_000)
            }
            return false
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func startWatchSaveWrongSaveRightAndMoveOn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-ws-\(UUID().uuidString)").path
        let home = dir + "/home"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let common = ["--content", Self.course, "--dir", dir + "/labs"]
        let started = try PolicyCommandTests.kcsa(["lab", "start", "fixture-secrets"] + common, home: home)
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains("kcsa lab watch fixture-secrets --dir \(dir)/labs"))
        let file = dir + "/labs/fixture-secrets.yaml"
        let starter = try String(contentsOfFile: file, encoding: .utf8)
        #expect(starter.hasPrefix("# Secrets at Metadata (test course)  [fixture-secrets, policy lab]"))

        let solutionFirst = try PolicyCommandTests.kcsa(["lab", "solution", "fixture-secrets", "--content", Self.course], home: home)
        #expect(solutionFirst.status == 1)
        #expect(solutionFirst.stderr.contains("opens once you pass it"))

        let p = Process()
        p.executableURL = PolicyCommandTests.binary
        p.arguments = ["lab", "watch"] + common
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["KCSA_HOME"] = home
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        let screen = Screen()
        out.fileHandleForReading.readabilityHandler = { h in screen.append(h.availableData) }
        try p.run()
        // Never leave the watcher behind, whatever failed.
        defer { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        // Without an id: the first lab not passed, whose file is there already.
        #expect(screen.wait(for: "Waiting for you to save \(file)"), "\(screen.value)")

        // A wrong save: the findings.
        try (starter + "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: RequestResponse\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(screen.wait(for: "fixture-secrets: 2 of 3 checks fail"), "\(screen.value)")
        #expect(screen.wait(for: "expected level Metadata, got RequestResponse"))
        let before = screen.value.count

        // The right one: the pass, and the next lab started, in the same process.
        try (starter + Self.right).write(toFile: file, atomically: true, encoding: .utf8)
        #expect(screen.wait(for: "PASSED fixture-secrets: all 3 checks pass.", after: before), "\(screen.value)")
        #expect(screen.wait(for: "[fixture-query, query lab]", after: before), "\(screen.value)")
        #expect(screen.wait(for: "Wrote the starter to \(dir)/labs/fixture-query.jq", after: before))
        #expect(p.isRunning)
        p.interrupt()
        // Ctrl-C leaves; a watcher that did not leave within a few seconds is killed (and fails the test).
        let deadline = Date().addingTimeInterval(10)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        #expect(!p.isRunning, "Ctrl-C did not end the watch")
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()

        // Progress is the REPL's, and the solution opens.
        let session = try PolicyCommandTests.kcsa([], stdin: "labs\n", home: home, environment: ["KCSA_CONTENT": Self.course])
        #expect(session.stdout.contains("passed  fixture-secrets"), "\(session.stdout)")
        let solution = try PolicyCommandTests.kcsa(["lab", "solution", "fixture-secrets", "--content", Self.course], home: home)
        #expect(solution.status == 0)
        #expect(solution.stdout.contains("- level: Metadata"))
    }

    /// `kcsa lab peek` shows what the session's `peek` shows, for learners in their own editor.
    @Test func peekOutsideTheSession() throws {
        let args = ["lab", "peek", "fixture-query", "--content", Self.course]
        let two = try PolicyCommandTests.kcsa(args + ["2"])
        #expect(two.status == 0, "\(two.stderr)")
        let lines = two.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.prefix(2).allSatisfy { $0.hasPrefix("{\"kind\":\"Event\"") })
        #expect(lines.last?.hasPrefix("2 of ") == true)
        let bad = try PolicyCommandTests.kcsa(args + ["0"])
        #expect(bad.status == 1)
        #expect(bad.stdout.hasPrefix("usage: peek [N]"))
        let policy = try PolicyCommandTests.kcsa(["lab", "peek", "fixture-secrets", "--content", Self.course])
        #expect(policy.status == 0, "\(policy.stderr)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-ws-\(UUID().uuidString)").path
        _ = try PolicyCommandTests.kcsa(["lab", "start", "fixture-query", "--content", Self.course, "--dir", dir])
        #expect(try String(contentsOfFile: dir + "/fixture-query.jq", encoding: .utf8).contains("# `kcsa lab peek fixture-query`"))
    }

    @Test func hintsInOrderTheNearSolutionNeedsYes() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-ws-\(UUID().uuidString)").path
        let args = ["lab", "hint", "fixture-secrets", "--content", Self.course]
        let last = try PolicyCommandTests.kcsa(args + ["2"], home: home)
        #expect(last.status == 1)
        #expect(last.stderr.contains("hint 2 is the near-solution and you have seen no hints yet"))
        let first = try PolicyCommandTests.kcsa(args, home: home)
        #expect(first.stdout == "Hint 1 of 2 (nudge):\nA rule for secrets first.\n")
        let second = try PolicyCommandTests.kcsa(args, home: home)
        #expect(second.stdout.contains("Hint 2 of 2 (near-solution)"))
        let forced = try PolicyCommandTests.kcsa(args + ["2", "--yes"])
        #expect(forced.status == 0)
    }

    @Test func aMisspelledSubcommandIsNamedWithASuggestion() throws {
        let r = try PolicyCommandTests.kcsa(["polcy", "validate", "x"])
        #expect(r.status == 2)
        #expect(r.stderr == "kcsa: `polcy` is not a command of `kcsa`; did you mean `policy`? "
                + "(commands: policy, content, events, quiz, exam, review, progress, jq, lab, netpol, pss, rbac, class)\n")
        let nested = try PolicyCommandTests.kcsa(["lab", "wacth"])
        #expect(nested.stderr.contains("`wacth` is not a command of `kcsa lab`; did you mean `watch`?"))
    }

    @Test func anExamAnswerThatIsNotAnOptionIsAnError() throws {
        let paper = try PolicyCommandTests.kcsa(["exam", "--seed", "3", "--count", "5", "--json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(paper.stdout.utf8)) as? [String: Any])
        let first = try #require((obj["questions"] as? [[String: Any]])?.first?["id"] as? String)
        let path = try PolicyCommandTests.temp("answers.yaml", "\(first): q\n")
        let r = try PolicyCommandTests.kcsa(["exam", "--seed", "3", "--count", "5", "--answers", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("`q` is not an option of \(first)"), "\(r.stderr)")
    }

    @Test func explainOnTheCommandLineNeedsAUserOrUnauthenticated() throws {
        let base = ["policy", "explain", "Labs/policies/seed-comprehensive.yaml", "--url", "GET /api/v1/pods"]
        let none = try PolicyCommandTests.kcsa(base)
        #expect(none.status == 2)
        #expect(none.stderr.contains("the request has no user: give --user NAME"))
        let anonymous = try PolicyCommandTests.kcsa(base + ["--unauthenticated"])
        #expect(anonymous.status == 0)
        #expect(anonymous.stdout.contains("stages: ResponseStarted\n") || anonymous.stdout.contains("no events are written"))
        #expect(!anonymous.stdout.contains("recorded in the ResponseComplete event"))
    }
}
