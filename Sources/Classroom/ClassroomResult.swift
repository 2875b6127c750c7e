import Foundation
import JSONValue

/// A result the way GitHub Classroom's autograding runners report it, as read by
/// `classroom-resources/autograding-grading-reporter`: `{"version": 1, "status":
/// "pass"|"fail"|"error", "max_score": N, "tests": [{"name", "status", "message",
/// "score", ...}]}`, handed on base64-encoded (the runner's `result` output). The
/// reporter adds the `score`s of the tests and compares them with `max_score`.
public struct ClassroomResult: Sendable, Equatable {
    /// One test of the result.
    public struct Test: Sendable, Equatable {
        public var name: String
        public var status: Status
        public var message: String
        public var score: Int

        public init(name: String, status: Status, message: String = "", score: Int = 0) {
            self.name = name
            self.status = status
            self.message = message
            self.score = score
        }
    }

    public enum Status: String, Sendable {
        case pass, fail, error
    }

    public var status: Status
    public var maxScore: Int
    public var tests: [Test]

    public init(status: Status, maxScore: Int, tests: [Test]) {
        self.status = status
        self.maxScore = maxScore
        self.tests = tests
    }

    /// The result of one lab check: a first test carrying the score (all of `maxScore` when
    /// the lab passed), then one test per check with its finding as the message.
    public static func lab(id: String, passed: Bool, checks: [(name: String, passed: Bool, message: String)],
                           maxScore: Int) -> ClassroomResult {
        var tests = [Test(name: id, status: passed ? .pass : .fail,
                          message: passed ? "" : "\(checks.count { !$0.passed }) of \(checks.count) checks failed",
                          score: passed ? maxScore : 0)]
        tests += checks.map { Test(name: $0.name, status: $0.passed ? .pass : .fail, message: $0.message) }
        return ClassroomResult(status: passed ? .pass : .fail, maxScore: maxScore, tests: tests)
    }

    /// A lab that could not be checked at all.
    public static func error(id: String, message: String, maxScore: Int) -> ClassroomResult {
        ClassroomResult(status: .error, maxScore: maxScore, tests: [Test(name: id, status: .error, message: message)])
    }

    /// One learner's row of the grade table: one test per lab (and the exam).
    public static func learner(_ row: ClassStanding.Row, spec: ClassSpec) -> ClassroomResult {
        var tests = zip(spec.labs, row.cells).map { lab, cell in
            Test(name: lab.id, status: cell.passed ? .pass : .fail,
                 message: cell.passed ? (cell.late ? "passed late" : "") : GradeExports.failureMessage(cell), score: cell.points)
        }
        if spec.exam != nil {
            let message = row.exam.map { "\($0.correct)/\($0.total) (\(GradeExports.percent($0.percent))%)" } ?? "not attempted"
            tests.append(Test(name: "exam", status: row.exam?.passed == true ? .pass : .fail, message: message,
                              score: row.examPoints))
        }
        let all = tests.allSatisfy { $0.status == .pass }
        return ClassroomResult(status: all ? .pass : .fail, maxScore: spec.maxTotal, tests: tests)
    }

    public var json: JSON {
        var o = JSONObject()
        o["version"] = .number(1)
        o["status"] = .string(status.rawValue)
        o["max_score"] = .number(maxScore)
        o["tests"] = .array(tests.map { t in
            .object(["name": .string(t.name), "status": .string(t.status.rawValue), "message": .string(t.message),
                     "test_code": .string(""), "filename": .string(""), "line_no": .number(0), "duration": .number(0),
                     "score": .number(t.score)])
        })
        return .object(o)
    }

    /// Base64 of the compact JSON, as a runner writes its `result` output.
    public var encoded: String { Data(JSONPrinter.compact(json).utf8).base64EncodedString() }

    /// `classroom.json`: every learner's result, plain and encoded.
    public static func classFile(_ s: ClassStanding) -> String {
        let items: [JSON] = s.rows.map { row in
            let r = learner(row, spec: s.spec)
            return .object(["learner": .string(row.learner.id), "result": r.json, "encoded": .string(r.encoded)])
        }
        let file: JSON = .object(["class": .string(s.spec.id), "max_score": .number(s.spec.maxTotal), "results": .array(items)])
        return JSONPrinter(options: .pretty).string(file) + "\n"
    }
}
