@testable import JQ
import JSONValue
import Testing
@testable import Labs

/// The one set of limits on a learner's answer: what each limit says, and the output budget.
@Suite struct LabLimitsTests {
    @Test func everyCheckerUsesTheStandardLimits() {
        #expect(LabChecker(resources: LabResources(root: "/nonexistent")).limits == LabLimits.standard)
        let jq = LabLimits.standard.jq(from: .now)
        #expect(jq.maxSteps == LabLimits.maxStepsPerRun)
        #expect(jq.maxOutputs == LabLimits.maxOutputs)
        #expect(jq.deadline != nil)
    }

    @Test(arguments: [
        (LabLimits.Exceeded.time(.seconds(20)), "not passed: your query exceeded the time limit of 20 s"),
        (.steps(50_000_000), "not passed: your query exceeded the limit of 50,000,000 evaluation steps on one event"),
        (.outputs(1_000_000), "not passed: your query exceeded the limit of 1,000,000 outputs"),
        (.outputBytes(64 << 20), "not passed: your query exceeded the limit of 64 MB of output"),
    ])
    func eachLimitSaysWhatWasExceeded(_ e: LabLimits.Exceeded, _ text: String) {
        #expect(e.finding == text)
    }

    @Test func theOutputBudgetStopsAtTheCountAndAtTheBytes() throws {
        var limits = LabLimits()
        limits.outputs = 3
        var count = OutputBudget(limits)
        for _ in 0..<3 { try count.count(.null) }
        #expect(throws: LabLimits.Exceeded.outputs(3)) { try count.count(.null) }
        limits = LabLimits()
        limits.outputBytes = 1000
        var bytes = OutputBudget(limits)
        try bytes.count(.string(String(repeating: "x", count: 900)))
        #expect(throws: LabLimits.Exceeded.outputBytes(1000)) { try bytes.count(.array([.string(String(repeating: "y", count: 200))])) }
    }

    @Test func aLimitFromTheInterpreterIsNamed() {
        let limits = LabLimits.standard
        let now = ContinuousClock.now
        #expect(limits.classify(JQLimitExceeded(message: "evaluation step limit (50000000) exceeded"), started: now) == .steps(50_000_000))
        #expect(limits.classify(JQLimitExceeded(message: "time limit exceeded"), started: now - .seconds(21)) == .time(.seconds(20)))
    }
}
