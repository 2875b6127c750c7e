import Diagnostics
import Exam
import Foundation
import Labs

/// Re-grades submissions with the instructor's content: every attempt through
/// `LabChecker` on the learner's own variant, the exam on the learner's own paper. A
/// bundle that cannot be used is rejected by name and never stops the others.
public struct ClassGrader: Sendable {
    public var spec: ClassSpec
    public var roster: Roster
    /// The class's labs, by id.
    public var labs: [String: Lab]
    public var checker: LabChecker
    public var bank: QuestionBank?
    public var contentDigest: String

    public init(spec: ClassSpec, roster: Roster, labs: [Lab], checker: LabChecker, bank: QuestionBank?,
                contentDigest: String) {
        self.spec = spec
        self.roster = roster
        self.labs = Dictionary(labs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.checker = checker
        self.bank = bank
        self.contentDigest = contentDigest
    }

    /// One file handed in.
    public struct Submission: Sendable {
        public var name: String
        public var data: Data

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// A submission that was not graded, and why.
    public struct Rejection: Error, Sendable, Equatable {
        public var file: String
        public var reason: String

        public init(file: String, reason: String) {
            self.file = file
            self.reason = reason
        }
    }

    /// The outcome of `grade`: graded submissions in the order given, and the rejected ones.
    public struct Run: Sendable {
        public var graded: [GradedSubmission]
        public var rejected: [Rejection]
    }

    public func grade(_ submissions: [Submission]) -> Run {
        var accepted: [(Submission, SubmissionBundle)] = []
        var rejected: [Rejection] = []
        for s in submissions {
            switch accept(s) {
            case .success(let b): accepted.append((s, b))
            case .failure(let r): rejected.append(r)
            }
        }
        // Every attempt of every learner is one job; both cores take jobs from the one list.
        var jobs: [(bundle: Int, lab: SubmissionBundle.LabWork, attempt: Int)] = []
        for (i, (_, b)) in accepted.enumerated() {
            for work in b.labs where labs[work.id] != nil {
                for n in work.attempts.indices { jobs.append((i, work, n)) }
            }
        }
        let results = ResultSlots<AttemptGrade>(count: jobs.count)
        let keys = accepted.map { VariantKeys(salt: spec.salt, classID: spec.id, learnerID: $0.1.learnerID) }
        // A batch of learners at a time, so only their query logs are held in memory.
        var start = 0
        while start < jobs.count {
            let firstBundle = jobs[start].bundle
            var end = start
            while end < jobs.count, jobs[end].bundle < firstBundle + Self.learnersPerBatch { end += 1 }
            let batch = Array(jobs[start..<end]), offset = start
            DispatchQueue.concurrentPerform(iterations: batch.count) { j in
                let job = batch[j]
                results.set(offset + j, gradeAttempt(job.lab, job.attempt, keys: keys[job.bundle]))
            }
            checker.resources.forget(seeds: learnerSeeds(keys[firstBundle..<min(keys.count, firstBundle + Self.learnersPerBatch)]))
            start = end
        }
        let grades = results.all
        var graded: [GradedSubmission] = accepted.map { s, b in
            GradedSubmission(file: s.name, bundleDigest: SHA256.hex(SHA256.hash([UInt8](s.data))), bundle: b, attempts: [],
                             hints: Dictionary(b.labs.filter { labs[$0.id] != nil }.map { ($0.id, max(0, $0.hintsUsed)) },
                                               uniquingKeysWith: max),
                             exam: gradeExam(b), notes: notes(b))
        }
        for (j, job) in jobs.enumerated() { if let g = grades[j] { graded[job.bundle].attempts.append(g) } }
        return Run(graded: graded, rejected: rejected)
    }

    /// How many learners' attempts are graded side by side before their query logs are dropped.
    public static let learnersPerBatch = 8

    /// The query-lab seeds of these learners (their visible logs).
    func learnerSeeds(_ keys: ArraySlice<VariantKeys>) -> Set<UInt64> {
        var out = Set<UInt64>()
        for k in keys {
            for lab in labs.values {
                if case .query(let q) = lab.resolved(for: k.variant(lab: lab.id)).spec, let s = q.seeds.first {
                    // A learner seed that happens to be a lab's hidden seed stays cached.
                    if !(labs.values.contains { l in
                        if case .query(let base) = l.spec { return base.seeds.dropFirst().contains(s) }
                        return false
                    }) { out.insert(s) }
                }
            }
        }
        return out
    }

    /// Whether a bundle belongs to this class, from a rostered learner, on the same content.
    func accept(_ s: Submission) -> Result<SubmissionBundle, Rejection> {
        let bundle: SubmissionBundle
        do { bundle = try SubmissionBundle.decode(s.data, name: s.name) } catch {
            return .failure(Rejection(file: s.name, reason: error.message))
        }
        if bundle.classID != spec.id {
            return .failure(Rejection(file: s.name, reason: "is for class \"\(bundle.classID)\", not \"\(spec.id)\""))
        }
        if roster.learner(bundle.learnerID) == nil {
            return .failure(Rejection(file: s.name, reason: "is from \"\(bundle.learnerID)\", who is not on the roster"))
        }
        if bundle.contentDigest != contentDigest {
            return .failure(Rejection(file: s.name, reason: "was made with other course content (content digest "
                                      + "\(bundle.contentDigest.prefix(12)), the class's is \(contentDigest.prefix(12))): "
                                      + "the learner's kcsa or labs differ from yours"))
        }
        return .success(bundle)
    }

    func gradeAttempt(_ work: SubmissionBundle.LabWork, _ n: Int, keys: VariantKeys) -> AttemptGrade {
        let attempt = work.attempts[n]
        var grade = AttemptGrade(labID: work.id, number: n + 1, at: attempt.at, passed: false, failedChecks: [])
        guard let lab = labs[work.id] else { return grade }
        do {
            let report = try checker.check(lab, answer: SourceFile(name: "\(work.id) attempt \(n + 1)", text: attempt.answer),
                                           variant: keys.variant(lab: work.id))
            grade.passed = report.passed
            grade.failedChecks = report.diagnostics.hasErrors && report.checks.allSatisfy(\.passed)
                ? ["the answer reads without errors"] : report.checks.filter { !$0.passed }.map { Self.checkName($0.name) }
        } catch {
            grade.error = error.description
        }
        return grade
    }

    /// A check's name with the learner's own seed taken out ("the log you can see
    /// (dev-small, seed 829436625)" -> "the log you can see (dev-small)"), so the board can
    /// count the learners failing the same check across variants.
    static func checkName(_ name: String) -> String {
        guard let r = name.range(of: ", seed "), name.hasSuffix(")"),
              name[r.upperBound..<name.index(before: name.endIndex)].allSatisfy(\.isNumber) else { return name }
        return String(name[..<r.lowerBound]) + ")"
    }

    func gradeExam(_ b: SubmissionBundle) -> ExamGrade? {
        guard let item = spec.exam, let work = b.exam, let bank else { return nil }
        let seed = VariantKeys(salt: spec.salt, classID: spec.id, learnerID: b.learnerID).examSeed
        guard let paper = try? ExamPaper.draw(from: bank, seed: seed, count: item.questions) else { return nil }
        let chosen = work.answers.mapValues { Set($0.map { $0.lowercased() }) }
        let result = ExamResult.grade(paper, answers: chosen, curriculum: bank.curriculum)
        return ExamGrade(seed: seed, correct: result.correct, total: result.items.count, percent: result.percent, passed: result.passed,
                         at: work.at, paperMatched: work.seed == seed)
    }

    func notes(_ b: SubmissionBundle) -> [String] {
        var out: [String] = []
        for work in b.labs where labs[work.id] == nil { out.append("answers lab \(work.id), which is not in the class (ignored)") }
        if let e = b.exam, spec.exam != nil,
           e.seed != VariantKeys(salt: spec.salt, classID: spec.id, learnerID: b.learnerID).examSeed {
            out.append("the exam answers are for paper \(e.seed), not the learner's own paper (graded on their own)")
        }
        return out
    }
}

/// Results written from several threads into their own slots.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var all: [T?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
