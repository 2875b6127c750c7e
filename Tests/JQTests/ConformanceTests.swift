import Foundation
import JQ
import JSONValue
import Testing
import TestSupport

/// Runs jq's own test files (shared/conformance/jq/tests/*.test) in process, judging each
/// case as run_jq_tests.py does: outputs compared structurally and in order; a runtime error
/// ends the outputs; `%%FAIL` cases must fail to compile (or fail at all, as the CLI's exit code would).
struct ConformanceTests {
    struct Case {
        var file: String
        var line: Int
        var fail: Bool
        var program: String
        var input: String
        var expected: [String]
    }

    /// Raise this as conformance improves; it only ever goes up.
    static let threshold = 878

    static let testsDir: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/jq/tests")

    static func parse(_ url: URL) -> [Case] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        func skip(_ l: String) -> Bool {
            let s = l.drop(while: { $0 == " " || $0 == "\t" })
            return s.isEmpty || s.hasPrefix("#") || s == "\r"
        }
        var cases: [Case] = []
        var i = 0
        var mustFail = false
        while i < lines.count {
            let line = lines[i]
            i += 1
            if skip(line) { continue }
            if line == "%%FAIL" || line == "%%FAIL IGNORE MSG" { mustFail = true; continue }
            let progLine = i
            if mustFail {
                var msg: [String] = []
                while i < lines.count { let l = lines[i]; i += 1; if skip(l) { break }; msg.append(l) }
                cases.append(Case(file: url.lastPathComponent, line: progLine, fail: true, program: line, input: "", expected: msg))
                mustFail = false
                continue
            }
            if i >= lines.count { break }
            let input = lines[i]
            i += 1
            var exp: [String] = []
            while i < lines.count { let l = lines[i]; i += 1; if skip(l) { break }; exp.append(l) }
            cases.append(Case(file: url.lastPathComponent, line: progLine, fail: false, program: line, input: input, expected: exp))
        }
        return cases
    }

    static func normalize(_ v: JSON) -> JSON {
        switch v {
        case .number(let n):
            if n.double.isInfinite { return .number(n.double > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude) }
            return .number(n.double)
        case .string(let s):
            return .string(String(s.unicodeScalars.map { (0xD800..<0xE000).contains($0.value) ? "\u{FFFD}" : Character($0) }))
        case .array(let a): return .array(a.map(normalize))
        case .object(let o):
            var r = JSONObject()
            for (k, x) in o { r[k] = normalize(x) }
            return .object(r)
        default: return v
        }
    }

    /// Runs one case; nil when it passes, else the reason.
    static func run(_ c: Case) -> String? {
        let options = JQCompileOptions(libraryPaths: [testsDir.appendingPathComponent("modules").path])
        let program: JQProgram
        do {
            program = try JQProgram.compile(c.program, options: options)
        } catch {
            return c.fail ? nil : "compile error: \(error.diagnostics.map(\.message).joined(separator: "; "))"
        }
        let env = JQEnvironment(environment: ["PAGER": "less", "TZ": "UTC"], limits: JQLimits(maxCallDepth: 20_000, maxSteps: 20_000_000,
                                                 deadline: .now + .seconds(5)))
        if c.fail {
            do {
                try program.run(.null, environment: env) { _ in }
                return "expected a compile error"
            } catch {
                return nil
            }
        }
        let input: JSON
        do { input = try JSONParser.parse(c.input) } catch { return "bad input: \(error)" }
        var outputs: [JSON] = []
        var failure: String?
        do {
            try program.run(input, environment: env) { outputs.append($0) }
        } catch let e as JQRuntimeError {
            failure = "error: \(e.message)"
        } catch {
            failure = "error: \(error)"
        }
        var expected: [JSON] = []
        for line in c.expected {
            guard let v = try? JSONParser.parse(line) else { return "bad expected line \(line)" }
            expected.append(v)
        }
        if outputs.count != expected.count {
            return "expected \(expected.count) outputs, got \(outputs.count): \(outputs.map { JSONPrinter.compact($0) }.joined(separator: " ")) \(failure ?? "")"
        }
        for (a, b) in zip(outputs, expected) where normalize(a) != normalize(b) {
            return "got \(JSONPrinter.compact(a)), expected \(JSONPrinter.compact(b))"
        }
        return nil
    }

    @Test(.enabled(if: SharedFolder.exists, Comment(rawValue: SharedFolder.missingComment)))
    func jqTestFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.testsDir.path)
            .filter { $0.hasSuffix(".test") }.sorted()
        var passed = 0, failed = 0
        var report = ""
        for f in files {
            for c in Self.parse(Self.testsDir.appendingPathComponent(f)) {
                let result = try JQProgram.withLargeStack { Self.run(c) }
                if let why = result {
                    failed += 1
                    report += "\(c.file):\(c.line)\t\(c.program)\n\t\(why.prefix(300))\n"
                } else {
                    passed += 1
                }
            }
        }
        report += "\(passed) passed, \(failed) failed\n"
        try? report.write(toFile: NSTemporaryDirectory() + "jq-conformance-report.txt", atomically: true, encoding: .utf8)
        print("jq conformance: \(passed) passed, \(failed) failed (report: \(NSTemporaryDirectory())jq-conformance-report.txt)")
        // 879 cases; the one known failure (`try input catch .` expecting "break") is an artefact
        // of jq's in-process test harness that the jq 1.8.2 CLI fails too.
        #expect(passed >= Self.threshold, "jq conformance fell to \(passed) of \(passed + failed)")
    }
}
