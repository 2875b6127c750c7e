import Foundation
import Progress
import Synchronization
import Testing

/// The progress store under faults, through the built binary: kill -9 in the middle of
/// writes, two processes writing at once, damaged files, a state path that cannot exist
/// and a full file system.
@Suite(.serialized) struct ProgressFaultCommandTests {
    typealias K = PolicyCommandTests

    static func home() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-faulthome-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let answerFile: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-answer-\(UUID().uuidString).yaml").path
        try? "apiVersion: v1\nkind: Pod\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    /// The answers file for exam seed 3: option a for every question.
    static func examAnswers() throws -> String {
        let paper = try K.kcsa(["exam", "--seed", "3", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(paper.stdout.utf8)) as? [String: Any]
        let questions = json?["questions"] as? [[String: Any]] ?? []
        let text = questions.compactMap { $0["id"] as? String }.map { "\($0): a" }.joined(separator: "\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-exam-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Starts the binary with its output thrown away (a killed child must not block on a pipe).
    static func start(_ args: [String], home: String, stdin: String = "", now: String? = nil) throws -> Process {
        let p = Process()
        p.executableURL = K.binary
        p.arguments = args
        p.currentDirectoryURL = K.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["KCSA_HOME"] = home
        if let now { env["KCSA_NOW"] = now }
        p.environment = env
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        return p
    }

    struct Counts: Equatable {
        var answers = 0, examAnswers = 0, exams = 0, attempts = 0, cards = 0
    }

    static func counts(_ home: String) throws -> Counts {
        let store = try ProgressStore(path: home + "/progress.sqlite")
        #expect(store.recovery == nil, "the database was moved aside: \(store.recovery?.reason ?? "")")
        let answers = try store.answers()
        return Counts(answers: answers.count, examAnswers: answers.filter { $0.mode == "exam" }.count,
                      exams: try store.exams().count,
                      attempts: try store.labProgress().values.map(\.attempts).reduce(0, +),
                      cards: try store.reviewCards().count)
    }

    static func movedAside(_ home: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: home)) ?? []).filter { $0.contains("damaged") }
    }

    @Test func killNineDuringWritesFiftyTimesLosesNothingCommitted() throws {
        let home = try Self.home()
        let exam = try Self.examAnswers()
        let quiz = String(repeating: "a\n", count: 20)
        func launch(_ kind: Int, _ round: Int) throws -> Process {
            switch kind {
            case 0: return try Self.start(["lab", "check", "pss-restricted-web-pod", Self.answerFile], home: home)
            case 1: return try Self.start(["quiz", "--count", "20", "--seed", "\(round)"], home: home, stdin: quiz)
            case 2: return try Self.start(["exam", "--seed", "3", "--answers", exam], home: home)
            default: return try Self.start(["review", "--count", "20"], home: home, stdin: quiz, now: "2030-01-01T00:00:00Z")
            }
        }
        // How long each kind takes unkilled on this machine now; the kills land across that.
        var duration: [Double] = []
        for kind in 0..<4 {
            let started = Date()
            let p = try launch(kind, 100 + kind)
            p.waitUntilExit()
            duration.append(Date().timeIntervalSince(started))
        }
        var before = try Self.counts(home)
        var killed = 0, killedAfterWriting = 0
        for round in 0..<50 {
            let kind = round % 4
            let p = try launch(kind, round)
            Thread.sleep(forTimeInterval: duration[kind] * Double((round * 37) % 100) / 100)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let after = try Self.counts(home)
            #expect(after.answers >= before.answers && after.exams >= before.exams && after.attempts >= before.attempts,
                    "round \(round): \(before) became \(after)")
            // An exam and its answers are one transaction: a kill leaves all or none.
            #expect(after.examAnswers == after.exams * 60, "round \(round): \(after)")
            if p.terminationReason == .uncaughtSignal {
                killed += 1
                if after != before { killedAfterWriting += 1 }
            }
            before = after
        }
        #expect(Self.movedAside(home) == [])
        // The kills landed in the middle of the work. How many landed after writes had begun
        // depends on the machine's load (a busy CI machine may land none there): it is reported,
        // not required, so the test never fails on timing alone.
        #expect(killed >= 20, "\(killed) killed, \(killedAfterWriting) after writing")
        print("kill -9: \(killed) of 50 runs killed mid-work, \(killedAfterWriting) after writes had begun")
    }

    @Test func twoProcessesWritingAtOnceRecordEverything() throws {
        let home = try Self.home()
        let runs = Mutex<[K.Run]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { worker in
            do {
                if worker == 2 {
                    let r = try K.kcsa(["quiz", "--count", "20", "--seed", "7"], stdin: String(repeating: "b\n", count: 20),
                                       home: home)
                    runs.withLock { $0.append(r) }
                    return
                }
                for _ in 0..<20 {
                    let r = try K.kcsa(["lab", "check", "pss-restricted-web-pod", Self.answerFile], home: home)
                    runs.withLock { $0.append(r) }
                }
            } catch {
                Issue.record("\(error)")
            }
        }
        let all = runs.withLock { $0 }
        #expect(all.count == 41)
        #expect(all.filter { !$0.stderr.isEmpty }.map(\.stderr) == [])
        let c = try Self.counts(home)
        #expect(c.attempts == 40)
        #expect(c.answers == 20)
        #expect(Self.movedAside(home) == [])
    }

    @Test(arguments: ["garbage", "truncated"])
    func aDamagedDatabaseIsMovedAsideAndSaidSo(_ damage: String) throws {
        let home = try Self.home()
        let path = home + "/progress.sqlite"
        for _ in 0..<30 { _ = try K.kcsa(["lab", "check", "pss-restricted-web-pod", Self.answerFile], home: home) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let damaged = damage == "garbage" ? Data("notes, not a database\n".utf8) : data.prefix(data.count / 3)
        try damaged.write(to: URL(fileURLWithPath: path))
        let r = try K.kcsa(["lab", "check", "pss-restricted-web-pod", Self.answerFile], home: home)
        #expect(r.status == 1)
        let aside = try #require(Self.movedAside(home).first { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") })
        #expect(r.stderr.hasPrefix("kcsa: the progress database \(path) is damaged ("))
        #expect(r.stderr.hasSuffix("); it was moved to \(home)/\(aside) and a new one started\n"))
        #expect(try Self.counts(home).attempts == 1)
    }

    @Test func aStatePathUnderAFileGoesOnWithoutRecordingSayingSoOnce() throws {
        let file = try Self.home() + "/a-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let quiz = try K.kcsa(["quiz", "--count", "5", "--seed", "1"], stdin: String(repeating: "a\n", count: 5),
                              home: file + "/home")
        #expect(quiz.status == 0)
        #expect(quiz.stdout.contains("Score: "))
        #expect(quiz.stderr == "kcsa: cannot save progress to \(file)/home/progress.sqlite (cannot create the folder \(file)/home: \(file) is not a folder); this session goes on without recording it\n")
        let check = try K.kcsa(["lab", "check", "pss-restricted-web-pod", Self.answerFile], home: file + "/home")
        #expect(check.status == 1)
        #expect(check.stdout.contains("NOT PASSED"))
    }

    @Test func aReadOnlyFolderIsAClearNoticeOrRecorded() throws {
        let home = try Self.home()
        chmod(home, 0o500)
        defer { chmod(home, 0o700) }
        let r = try K.kcsa(["lab", "check", "pss-restricted-web-pod", Self.answerFile], home: home)
        #expect(r.status == 1)
        if getuid() == 0 {
            // root writes through the mode bits: the attempt is recorded.
            #expect(r.stderr == "")
            #expect(try Self.counts(home).attempts == 1)
        } else {
            #expect(r.stderr.contains("this session goes on without recording it"))
        }
    }

    @Test func aFullFileSystemGoesOnWithoutRecordingSayingSoOnce() throws {
        let home = try Self.home()
        guard StoreFaultMount.mount(home, size: "256k") else {
            print("skipped: cannot mount a tmpfs at \(home)")
            return
        }
        defer { StoreFaultMount.unmount(home) }
        _ = try K.kcsa(["lab", "check", "pss-restricted-web-pod", Self.answerFile], home: home)
        // Fill what is left.
        let filler = FileHandle(forWritingAtPath: home + "/filler") ?? {
            FileManager.default.createFile(atPath: home + "/filler", contents: nil)
            return FileHandle(forWritingAtPath: home + "/filler")!
        }()
        let block = Data(repeating: 0x55, count: 4096)
        while (try? filler.write(contentsOf: block)) != nil {}
        try? filler.close()
        let r = try K.kcsa(["quiz", "--count", "20", "--seed", "2"], stdin: String(repeating: "a\n", count: 20), home: home)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Score: "))
        let notices = r.stderr.components(separatedBy: "this session goes on without recording it").count - 1
        #expect(notices == 1, "stderr: \(r.stderr)")
    }
}

/// Mounting a small tmpfs (root only; tests skip without it).
enum StoreFaultMount {
    static func mount(_ dir: String, size: String) -> Bool { run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir]) }
    static func unmount(_ dir: String) { _ = run("/bin/umount", [dir]) }

    static func run(_ tool: String, _ args: [String]) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
