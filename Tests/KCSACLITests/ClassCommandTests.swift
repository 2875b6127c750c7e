import Classroom
import Foundation
import Labs
import Testing
import Trainer

/// `kcsa class` end to end, as an instructor and five learners run it: init with a roster,
/// handout, join, checks, submit, grade, export, board; and the bad inputs.
@Suite(.serialized) struct ClassCommandTests {
    typealias CLI = PolicyCommandTests
    static let labs = ["levels-what-each-records", "query-secret-access", "fix-bad-level", "pss-restricted-web-pod"]
    static let due = "2026-12-20T18:00:00Z"
    static let salt = String(repeating: "c0ffee44", count: 8)
    static let catalog = LabCatalog.load(root: CLI.packageRoot.path)

    /// A fresh folder for one test.
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-class-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ path: String, _ text: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }
    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The instructor's class: a roster with a BOM and CRLF, four labs of four kinds, and a
    /// fixed salt (so the variants the test relies on are known).
    static func makeClass(_ t: String) throws -> String {
        try write(t + "/roster.csv", "\u{FEFF}identifier,name,email\r\nann,\"Lee, Ann\",ann@example.com\r\n"
                  + "ben,Ben,ben@example.com\r\ncat,Cat,cat@example.com\r\ndan,Dan,dan@example.com\r\neve,Eve,eve@example.com\r\n")
        let r = try CLI.kcsa(["class", "init", t + "/spring", "--title", "Spring cohort", "--labs", labs.joined(separator: ","),
                              "--roster", t + "/roster.csv", "--due", due])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("made class spring in \(t)/spring: 4 labs, 5 learners\n"))
        let classFile = t + "/spring/class.yaml"
        let text = try read(classFile)
        let salt = try #require(text.split(separator: "\n").first { $0.hasPrefix("salt: ") })
        try write(classFile, text.replacingOccurrences(of: String(salt), with: "salt: \(Self.salt)"))
        let h = try CLI.kcsa(["class", "handout", t + "/spring", "-o", t + "/spring.handout.json"])
        #expect(h.status == 0, "\(h.stderr)")
        #expect(!(try read(t + "/spring.handout.json")).contains(Self.salt))
        return t + "/spring"
    }

    /// The learner's own variant of a lab, as the instructor can reproduce it from the roster.
    static func lab(_ id: String, for learner: String) -> Lab {
        catalog.lab(id)!.resolved(for: VariantKeys(salt: salt, classID: "spring", learnerID: learner).variant(lab: id))
    }

    /// One learner: join, check answers (at the given times), submit.
    static func learner(_ id: String, _ t: String, checks: [(lab: String, answer: String, at: String)]) throws -> String {
        let home = t + "/home-\(id)"
        let j = try CLI.kcsa(["class", "join", t + "/spring.handout.json", "--as", id], home: home)
        #expect(j.status == 0, "\(j.stderr)")
        for (n, c) in checks.enumerated() {
            let file = t + "/\(id)-\(n).answer"
            try write(file, c.answer)
            _ = try CLI.kcsa(["lab", "check", c.lab, file, "--now", c.at], home: home)
        }
        let bundle = t + "/\(id).submission.json"
        let s = try CLI.kcsa(["class", "submit", "-o", bundle, "--now", "2026-12-23T09:00:00Z"], home: home)
        #expect(s.status == 0, "\(s.stderr)")
        return bundle
    }

    static func right(_ lab: String, _ learner: String, at: String = "2026-12-10T10:00:00Z") -> (String, String, String) {
        (lab, Self.lab(lab, for: learner).reference, at)
    }

    static func wrong(_ lab: String, at: String = "2026-12-10T10:00:00Z") -> (String, String, String) {
        (lab, catalog.lab(lab)!.starter, at)
    }

    @Test func aClassEndToEnd() throws {
        let t = try Self.folder()
        let dir = try Self.makeClass(t)
        // Two learners' variants of the predict lab have different correct answers.
        let predict = Self.labs[0]
        #expect(Self.lab(predict, for: "ann").reference != Self.lab(predict, for: "ben").reference)
        var bundles: [String] = []
        bundles.append(try Self.learner("ann", t, checks: Self.labs.map { Self.right($0, "ann") }))
        bundles.append(try Self.learner("ben", t, checks: Self.labs.map { Self.wrong($0) }
            + [(predict, Self.lab(predict, for: "ann").reference, "2026-12-11T10:00:00Z")]))  // ann's answer, not his
        bundles.append(try Self.learner("cat", t, checks: [Self.wrong("fix-bad-level"), Self.wrong("fix-bad-level"),
                                                           Self.right("fix-bad-level", "cat", at: "2026-12-12T10:00:00Z")]))
        bundles.append(try Self.learner("dan", t, checks: Self.labs.map { Self.right($0, "dan", at: "2026-12-22T10:00:00Z") }))
        let eve = try Self.learner("eve", t, checks: Self.labs.map { Self.wrong($0) } + [Self.right("query-secret-access", "eve")])
        // Eve edits her bundle to claim every lab passed, in every way a result could be written.
        var forged = try Self.read(eve)
        forged = forged.replacingOccurrences(of: "\"answer\" :", with: "\"passed\" : true, \"score\" : 10, \"answer\" :")
        forged = forged.replacingOccurrences(of: "\"class\" :", with: "\"results\" : {\"total\" : 40}, \"class\" :")
        try Self.write(eve, forged)
        bundles.append(eve)
        // And two bad files among the good ones.
        try Self.write(t + "/corrupt.json", "{\"format\": \"kcsa-class-submission\", \"labs\": [1, 2,, 3]}")
        try Self.write(t + "/truncated.json", String(try Self.read(bundles[0]).prefix(200)))
        let g = try CLI.kcsa(["class", "grade", dir] + bundles + [t + "/corrupt.json", t + "/truncated.json"])
        #expect(g.status == 1, "\(g.stderr)")
        #expect(g.stdout.contains("rejected \(t)/corrupt.json: is not valid JSON: "))
        #expect(g.stdout.contains("rejected \(t)/truncated.json: is not valid JSON: "))
        #expect(g.stdout.contains("(the file is truncated)"))
        #expect(g.stdout.hasSuffix("5 graded, 2 rejected\n"), "\(g.stdout)")

        let e = try CLI.kcsa(["class", "export", dir, "--out", t + "/out"])
        #expect(e.status == 0, "\(e.stderr)")
        let csv = try Self.read(t + "/out/grades.csv")
        #expect(csv == """
            identifier,name,levels-what-each-records,query-secret-access,fix-bad-level,pss-restricted-web-pod,total,late\r
            ann,"Lee, Ann",10,10,10,10,40,\r
            ben,Ben,0,0,0,0,0,\r
            cat,Cat,0,0,10,0,10,\r
            dan,Dan,10,10,10,10,40,levels-what-each-records query-secret-access fix-bad-level pss-restricted-web-pod\r
            eve,Eve,0,10,0,0,10,\r

            """)
        let junit = try Self.read(t + "/out/junit.xml")
        #expect(junit.contains("<testsuites name=\"spring\" tests=\"20\" failures=\"10\">"))
        for (learner, failures) in [("ann", 0), ("ben", 4), ("cat", 3), ("dan", 0), ("eve", 3)] {
            #expect(junit.contains("<testsuite name=\"\(learner)\" tests=\"4\" failures=\"\(failures)\">"))
        }
        #expect(junit.contains("<testcase classname=\"fix-bad-level\" name=\"fix-bad-level\">"))
        let classroom = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: t + "/out/classroom.json")))
            as? [String: Any]
        let results = try #require(classroom?["results"] as? [[String: Any]])
        let scores = results.map { r -> (String, Int) in
            let tests = (r["result"] as? [String: Any])?["tests"] as? [[String: Any]] ?? []
            return (r["learner"] as? String ?? "", tests.reduce(0) { $0 + ($1["score"] as? Int ?? 0) })
        }
        #expect(scores.map(\.0) == ["ann", "ben", "cat", "dan", "eve"])
        #expect(scores.map(\.1) == [40, 0, 10, 40, 10])
        // The encoded form is the plain one, base64'd.
        let encoded = try #require(results.first?["encoded"] as? String)
        let decoded = try JSONSerialization.jsonObject(with: try #require(Data(base64Encoded: encoded))) as? [String: Any]
        #expect(decoded?["max_score"] as? Int == 40)
        #expect(decoded?["status"] as? String == "pass")

        let b = try CLI.kcsa(["class", "board", dir])
        #expect(b.status == 0)
        #expect(b.stdout.contains("cat       ..         ..         ok 3"), "\(b.stdout)")
        let bj = try CLI.kcsa(["class", "board", dir, "--json"])
        let board = try JSONSerialization.jsonObject(with: Data(bj.stdout.utf8)) as? [String: Any]
        #expect((board?["learners"] as? [[String: Any]])?.map { $0["total"] as? Int } == [40, 0, 10, 40, 10])
        try BoardBrowserCheck.check(t + "/out/board.html", learners: ["ann", "ben", "cat", "dan", "eve"], labs: Self.labs)
    }

    /// After `class join`, every `kcsa lab` command sees the class's labs as this learner's
    /// variants: `list` in class order, `start` writes the variant's task, `solution` shows
    /// the variant's reference once it passes. (Before, only `check` and `show` did.)
    @Test func everyLabCommandUsesTheLearnersVariant() throws {
        let t = try Self.folder()
        _ = try Self.makeClass(t)
        let predict = Self.labs[0]
        var starters: [String] = []
        for id in ["ann", "ben"] {
            let home = t + "/home-\(id)"
            let mine = Self.lab(predict, for: id)
            let j = try CLI.kcsa(["class", "join", t + "/spring.handout.json", "--as", id], home: home)
            #expect(j.status == 0, "\(j.stderr)")
            let list = try CLI.kcsa(["lab", "list", "--json"], home: home)
            let ids = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
                .compactMap { $0["id"] as? String }
            #expect(ids == Self.labs)
            let text = try CLI.kcsa(["lab", "list"], home: home)
            #expect(text.stdout.hasPrefix("Class Spring cohort (spring), as \(id): 4 labs in class order"))
            #expect(text.stdout.contains("  1         \(predict)"))
            let ws = t + "/ws-\(id)"
            let s = try CLI.kcsa(["lab", "start", "1", "--dir", ws], home: home)
            #expect(s.status == 0, "\(s.stderr)")
            let written = try Self.read(ws + "/\(predict).yaml")
            #expect(written == LabWorkspace.starterFile(mine))
            starters.append(written)
            let early = try CLI.kcsa(["lab", "solution", predict], home: home)
            #expect(early.status == 1)
            let answer = t + "/\(id).answer"
            try Self.write(answer, mine.reference)
            let c = try CLI.kcsa(["lab", "check", predict, answer], home: home)
            #expect(c.status == 0, "\(c.stdout)")
            let solution = try CLI.kcsa(["lab", "solution", predict], home: home)
            #expect(solution.stdout == mine.reference.trimmingCharacters(in: .newlines) + "\n")
            // A course lab outside the class is still there, as written.
            let other = try CLI.kcsa(["lab", "show", "query-exec-attach"], home: home)
            #expect(other.status == 0, "\(other.stderr)")
        }
        #expect(starters[0] != starters[1])
    }

    /// `kcsa lab watch` in a class grades the learner's own variant and moves on in class
    /// order (the course's next lab after the predict lab is another one).
    @Test(.timeLimit(.minutes(3)))
    func watchGradesTheVariantAndFollowsTheClassOrder() throws {
        let t = try Self.folder()
        _ = try Self.makeClass(t)
        let home = t + "/home-ann", ws = t + "/ws"
        let j = try CLI.kcsa(["class", "join", t + "/spring.handout.json", "--as", "ann"], home: home)
        #expect(j.status == 0, "\(j.stderr)")
        let predict = Self.labs[0]
        #expect(Self.catalog.next(after: predict)?.id != Self.labs[1])
        #expect(try CLI.kcsa(["lab", "start", predict, "--dir", ws], home: home).status == 0)
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["lab", "watch", "--dir", ws]
        p.currentDirectoryURL = CLI.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["KCSA_HOME"] = home
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        let screen = LabWorkspaceCommandTests.Screen()
        out.fileHandleForReading.readabilityHandler = { h in screen.append(h.availableData) }
        try p.run()
        defer { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        let file = ws + "/\(predict).yaml"
        #expect(screen.wait(for: "Waiting for you to save \(file)"), "\(screen.value)")
        let header = try Self.read(file).split(separator: "\n").filter { $0.hasPrefix("#") }.joined(separator: "\n")
        try (header + "\n" + Self.lab(predict, for: "ann").reference).write(toFile: file, atomically: true, encoding: .utf8)
        #expect(screen.wait(for: "PASSED \(predict)"), "\(screen.value)")
        #expect(screen.wait(for: "[\(Self.labs[1]), query lab]"), "\(screen.value)")
        p.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        #expect(!p.isRunning)
    }

    @Test func aNewerSubmissionSupersedesAndTheOlderIsKept() throws {
        let t = try Self.folder()
        let dir = try Self.makeClass(t)
        let first = try Self.learner("ann", t, checks: [Self.wrong("fix-bad-level")])
        let older = t + "/ann-older.json"
        try FileManager.default.copyItem(atPath: first, toPath: older)
        let home = t + "/home-ann"
        try Self.write(t + "/fix.yaml", Self.lab("fix-bad-level", for: "ann").reference)
        _ = try CLI.kcsa(["lab", "check", "fix-bad-level", t + "/fix.yaml", "--now", "2026-12-12T10:00:00Z"], home: home)
        let newer = t + "/ann-newer.json"
        _ = try CLI.kcsa(["class", "submit", "-o", newer, "--now", "2026-12-24T09:00:00Z"], home: home)
        let g = try CLI.kcsa(["class", "grade", dir, newer, older, "--json"])
        #expect(g.status == 0, "\(g.stderr)")
        let run = try JSONSerialization.jsonObject(with: Data(g.stdout.utf8)) as? [String: Any]
        let superseded = run?["superseded"] as? [[String: Any]]
        #expect(superseded?.first?["older"] as? String == older)
        #expect(superseded?.first?["newer"] as? String == newer)
        let e = try CLI.kcsa(["class", "board", dir, "--json"])
        let board = try JSONSerialization.jsonObject(with: Data(e.stdout.utf8)) as? [String: Any]
        #expect((board?["learners"] as? [[String: Any]])?.first?["total"] as? Int == 10)
    }

    @Test func badInput() throws {
        let t = try Self.folder()
        // A duplicate learner in the roster: both lines named, exit 2, no class made.
        try Self.write(t + "/dup.csv", "identifier,name\r\nann,Ann\r\nben,Ben\r\nann,Ann again\r\n")
        let d = try CLI.kcsa(["class", "init", t + "/c1", "--title", "T", "--labs", "fix-bad-level", "--roster", t + "/dup.csv"])
        #expect(d.status == 2)
        #expect(d.stderr.contains("learner \"ann\" is on line 2 and again on line 4"))
        #expect(d.stderr.contains("\(t)/dup.csv:4:1"))
        #expect(!FileManager.default.fileExists(atPath: t + "/c1/class.yaml"))
        // An unknown lab id in class.yaml: file:line:col, a caret, a suggestion.
        let dir = try Self.makeClass(t)
        let text = try Self.read(dir + "/class.yaml").replacingOccurrences(of: "- id: fix-bad-level", with: "- id: fix-bad-levl")
        try Self.write(dir + "/class.yaml", text)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("fix-bad-levl") }! + 1
        let b = try CLI.kcsa(["class", "board", dir])
        #expect(b.status == 2)
        #expect(b.stderr.contains("there is no lab \"fix-bad-levl\" in the course"))
        #expect(b.stderr.contains("\(dir)/class.yaml:\(line):9"), "\(b.stderr)")
        #expect(b.stderr.contains("did you mean fix-bad-level?"))
        // Joining as someone not on the roster.
        let j = try CLI.kcsa(["class", "join", t + "/spring.handout.json", "--as", "anne"])
        #expect(j.status == 2)
        #expect(j.stderr == "kcsa: anne is not on the roster of class spring; did you mean ann?\n")
        // Submitting without a class.
        let s = try CLI.kcsa(["class", "submit"])
        #expect(s.status == 2)
        #expect(s.stderr == "kcsa: you have not joined a class: `kcsa class join FILE --as ID` first\n")
    }

    @Test func labCheckFormatClassroom() throws {
        let file = try CLI.temp("fix.yaml", Self.catalog.lab("fix-bad-level")!.reference)
        let r = try CLI.kcsa(["lab", "check", "fix-bad-level", file, "--format", "classroom", "--max-score", "5", "--no-record"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let json = try JSONSerialization.jsonObject(with: try #require(Data(base64Encoded: String(lines[0])))) as? [String: Any]
        #expect(json?["version"] as? Int == 1)
        #expect(json?["status"] as? String == "pass")
        #expect(json?["max_score"] as? Int == 5)
        let tests = try #require(json?["tests"] as? [[String: Any]])
        #expect(tests.first?["name"] as? String == "fix-bad-level")
        #expect(tests.first?["score"] as? Int == 5)
        #expect(tests.allSatisfy { $0["status"] as? String == "pass" && $0["message"] != nil })
        let bad = try CLI.temp("bad.yaml", "rules: [\n")
        let f = try CLI.kcsa(["lab", "check", "fix-bad-level", bad, "--format", "classroom", "--no-record"])
        #expect(f.status == 1)
        let fj = try JSONSerialization.jsonObject(with: try #require(Data(base64Encoded: f.stdout.trimmingCharacters(in: .newlines))))
            as? [String: Any]
        #expect(fj?["status"] as? String == "fail")
        #expect((fj?["tests"] as? [[String: Any]])?.first?["score"] as? Int == 0)
    }
}
