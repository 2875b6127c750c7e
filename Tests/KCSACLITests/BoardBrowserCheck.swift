import Foundation
import Testing

/// board.html in a real headless browser: Chromium (Debian's package, which `.ci/run`
/// installs) dumps the DOM it built, and every learner and lab must be in it. Outside CI
/// a machine without Chromium skips with a comment; in CI (`CI=true`) that is a failure.
enum BoardBrowserCheck {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    static var browser: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }

    static func check(_ html: String, learners: [String], labs: [String]) throws {
        guard let browser else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("CI=true but Chromium is not installed: .ci/run installs it (apt-get install chromium)")
            } else {
                print("skipped: no Chromium at \(candidates.joined(separator: ", ")) to open \(html)")
            }
            return
        }
        let dom = try run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + html])
        #expect(dom.contains("<table id=\"matrix\">"), "\(dom.prefix(500))")
        for learner in learners { #expect(dom.contains("data-learner=\"\(learner)\""), "\(learner) is not on the board") }
        for lab in labs {
            #expect(dom.contains("<th class=\"lab\" data-lab=\"\(lab)\">\(lab)</th>"), "\(lab) is not on the board")
        }
        #expect(!dom.contains("<script"))
    }

    static func run(_ path: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-chromium-\(UUID().uuidString)").path
        p.environment = env
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
