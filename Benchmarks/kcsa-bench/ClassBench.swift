import Classroom
import Foundation
import Labs

/// Grading a class: generated submissions of N learners (default 300) × 10 labs of six
/// kinds, each lab answered twice (a wrong first attempt, then the learner's own variant's
/// reference), re-graded by `ClassGrader` on both cores, then recorded in a gradebook and
/// turned into the grade table. Query labs cost most: every learner's visible log has its
/// own seed, so it is generated once per learner.
enum ClassBench {
    static let labs = ["levels-what-each-records", "precedence-rule-order", "query-secret-access",
                       "query-failed-authentication", "fix-bad-level", "fix-yaml-syntax", "policy-minimal",
                       "pss-restricted-web-pod", "netpol-default-deny-shop", "rbac-predict-binding-scope"]

    static func main(_ args: [String]) {
        var learners = 300
        var i = 0
        while i < args.count {
            if args[i] == "--learners", i + 1 < args.count, let n = Int(args[i + 1]) { learners = n; i += 1 }
            i += 1
        }
        let root = FileManager.default.currentDirectoryPath
        let catalog = LabCatalog.load(root: root)
        let classLabs = labs.compactMap { catalog.lab($0) }
        guard classLabs.count == labs.count else {
            print("the benchmark's labs were not all found (run from the package root)")
            exit(2)
        }
        let spec = ClassSpec(id: "bench", title: "Benchmark class", labs: labs.map { .init(id: $0) },
                             salt: String(repeating: "be", count: 32))
        let roster = Roster(learners: (1...learners).map { .init(id: String(format: "learner-%03d", $0)) })
        let digest = ContentDigest.compute(root: root, spec: spec)
        var t = Date()
        let submissions = roster.learners.map { l -> ClassGrader.Submission in
            let keys = VariantKeys(salt: spec.salt, classID: spec.id, learnerID: l.id)
            let work = classLabs.map { lab in
                SubmissionBundle.LabWork(id: lab.id, hintsUsed: 1, attempts: [
                    .init(answer: lab.starter, at: Date(timeIntervalSince1970: 1_800_000_000)),
                    .init(answer: lab.resolved(for: keys.variant(lab: lab.id)).reference,
                          at: Date(timeIntervalSince1970: 1_800_000_600)),
                ])
            }
            let b = SubmissionBundle(classID: spec.id, learnerID: l.id, kcsaVersion: "bench", contentDigest: digest,
                                     createdAt: Date(timeIntervalSince1970: 1_800_001_000), labs: work, exam: nil)
            return .init(name: "\(l.id).json", data: b.encoded())
        }
        let bytes = submissions.reduce(0) { $0 + $1.data.count }
        print("class grading benchmark: \(learners) learners × \(labs.count) labs, 2 attempts each "
              + "(\(learners * labs.count * 2) checks), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(String(format: "bundles generated: %.1f MB in %.2f s", Double(bytes) / 1e6, Date().timeIntervalSince(t)))
        let grader = ClassGrader(spec: spec, roster: roster, labs: classLabs, checker: LabChecker(resources: LabResources(root: root)),
                                 bank: nil, contentDigest: digest)
        t = Date()
        let run = grader.grade(submissions)
        let seconds = Date().timeIntervalSince(t)
        let attempts = run.graded.reduce(0) { $0 + $1.attempts.count }
        let passed = run.graded.reduce(0) { $0 + $1.attempts.count(where: \.passed) }
        print(String(format: "graded: %d submissions, %d attempts (%d passed) in %.2f s: %.0f attempts/s, %.1f learners/s",
                     run.graded.count, attempts, passed, seconds, Double(attempts) / seconds, Double(run.graded.count) / seconds))
        t = Date()
        do {
            let book = try Gradebook()
            _ = try book.record(run, at: Date())
            let standing = ClassStanding.compute(spec: spec, roster: roster, work: try book.currentWork())
            _ = GradeExports.csv(standing) + BoardHTML.render(standing)
            let full = standing.rows.count { $0.total == spec.maxTotal }
            print(String(format: "gradebook + grade table + exports: %.2f s; %d of %d learners at full marks",
                         Date().timeIntervalSince(t), full, learners))
        } catch {
            print("gradebook failed: \(error)")
            exit(1)
        }
        if run.graded.count != learners || passed != learners * labs.count {
            print("unexpected: every learner's second attempt should pass")
            exit(1)
        }
    }
}
