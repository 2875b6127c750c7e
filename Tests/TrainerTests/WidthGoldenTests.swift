import Foundation
import Terminal
import Testing
@testable import Trainer

/// What a learner sees on an 80-column terminal, pinned: `help`, `labs`, a lab's task, and
/// one failing check of each of the eleven lab kinds, wrapped at words with hanging
/// indents, JSON and code left whole.
@Suite struct WidthGoldenTests {
    static let screens: [(name: String, open: String?, answer: [String], command: String)] = [
        ("80col-help", nil, [], "help"),
        ("80col-labs", nil, [], "labs"),
        ("80col-check-policy", "secrets-at-metadata", LabFlowTests.wrongPolicy, "check"),
        ("80col-check-fix", "fix-bad-level", [], "check"),
        ("80col-check-query", "query-secret-access", ["select(.stage == \"ResponseComplete\" and .objectRef.resource == \"secrets\" and (.verb | IN(\"get\", \"list\", \"watch\")))",
          "| {auditID, user: .user.uid, verb, namespace: .objectRef.namespace, name: .objectRef.name, code: .responseStatus.code}", "."], "check"),
        ("80col-check-predict", "precedence-rule-order",
         ["a: {level: Metadata}", "b: {level: Request}", "c: {level: None}", "d: {level: Metadata}", "e: {level: Metadata}",
          "f: {level: None}", "g: {level: Request}", "h: {level: Metadata}", "i: {level: None}", "j: {level: Metadata}", "."],
         "check"),
        // The other kinds, each with its starter (which fails).
        ("80col-check-pss-manifest", "pss-fix-deployment", [], "check"),
        ("80col-check-pss-labels", "pss-labels-enforce-baseline-warn-restricted", [], "check"),
        ("80col-check-pss-predict", "pss-predict-outcomes", [], "check"),
        ("80col-check-netpol", "netpol-isolate-database", [], "check"),
        ("80col-check-netpol-predict", "netpol-predict-deleted-default-deny", [], "check"),
        ("80col-check-rbac", "rbac-fix-overbroad-deployer", [], "check"),
        ("80col-check-rbac-predict", "rbac-predict-subresources", [], "check"),
        // A lab's task wraps too (never its starter).
        ("80col-open-query", nil, [], "open query-secret-access"),
    ]

    @Test(arguments: screens.map(\.name))
    func eightyColumns(name: String) throws {
        let s = try #require(Self.screens.first { $0.name == name })
        var h = TrainerHarness()
        h.trainer.io.width = { 80 }
        if let id = s.open {
            _ = h.command("open \(id)")
            if !s.answer.isEmpty { _ = h.command("write", then: s.answer) }
        }
        let (_, screen) = h.command(s.command)
        // Diagnostics quote the answer's lines under a caret: those are never re-wrapped.
        let lines = screen.split(separator: "\n")
        let findings = lines.drop { s.command == "check" && !$0.hasPrefix("  PASS") && !$0.hasPrefix("  FAIL") }
        // A single word longer than the width (a field path) is never broken.
        for line in findings where !line.contains("{\"") && line.trimmingCharacters(in: .whitespaces).contains(" ") {
            #expect(line.count <= 80, "\(name): \(line)")
        }
        let golden = try #require(Golden.check(name, screen), "no golden file \(name) (KCSA_UPDATE_GOLDEN=1 writes it)")
        #expect(screen == golden)
    }

    /// `labs` at any width: a wrapped title continues under its own first letter (or, when
    /// the columns leave it too little room, every title has a line of its own), and the
    /// longest kind keeps a gap before the title.
    @Test(arguments: [60, 80, 100, 110, 120, 140, 200])
    func labsKeepTheirColumns(width: Int) throws {
        let labs = try #require(TrainerHarness().trainer.content.catalog?.labs)
        let text = LabText.list(labs, progress: [:], style: Style(enabled: false), width: width)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var titleColumn: Int?
        for line in lines {
            let number = line.count > 4 ? Int(line.prefix(3).trimmingCharacters(in: .whitespaces)) : nil
            if let number, number >= 1, number <= labs.count {
                let lab = labs[number - 1]
                let afterID = try #require(line.range(of: " " + lab.id)?.upperBound)
                let firstWord = String(lab.title.split(separator: " ")[0])
                titleColumn = line[afterID...].range(of: "  " + firstWord).map { line.distance(from: line.startIndex, to: $0.lowerBound) + 2 }
                #expect(!line.contains(lab.kind.rawValue + firstWord), "\(width): \(line)")
            } else if line.hasPrefix(" "), !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let indent = line.prefix { $0 == " " }.count
                #expect(indent == (titleColumn ?? 6), "\(width): \(line)")
            }
            #expect(line.count <= width, "\(width): \(line)")
        }
    }
}
