import Diagnostics
import Foundation
import JQ
import JSONValue
import KubeAudit
import Testing
@testable import Exam

/// Every generated answer is recomputed here from what the question shows (the policy YAML
/// in the stem, the request, the query and the option texts) with matchers written in this
/// file, not with the code that generated it.
@Suite struct GeneratedFamilyTests {
    static let seeds = UInt64(1)...300
    static let curriculum = ExamTests.bank.curriculum

    // MARK: Independent answers

    /// The apiserver's `ruleMatches` (checker.go), written out plainly.
    static func matches(_ r: PolicyRule, _ a: RequestAttributes) -> Bool {
        if !r.users.isEmpty {
            guard let u = a.user, r.users.contains(u.username) else { return false }
        }
        if !r.userGroups.isEmpty {
            guard let u = a.user, u.groups.contains(where: { r.userGroups.contains($0) }) else { return false }
        }
        if !r.verbs.isEmpty && !r.verbs.contains(a.verb) { return false }
        if !r.resources.isEmpty || !r.namespaces.isEmpty {
            guard a.resourceRequest else { return false }
            if !r.namespaces.isEmpty && !r.namespaces.contains(a.namespace) { return false }
            if r.resources.isEmpty { return true }
            return r.resources.contains { gr in
                guard gr.group == a.apiGroup || gr.group == "*" else { return false }
                if gr.resources.isEmpty { return true }
                guard gr.resourceNames.isEmpty || gr.resourceNames.contains(a.name) else { return false }
                let combined = a.subresource.isEmpty ? a.resource : a.resource + "/" + a.subresource
                return gr.resources.contains { res in
                    res == "*" || res == combined || (!a.subresource.isEmpty && res == "*/" + a.subresource)
                        || (res.hasSuffix("/*") && a.resource == String(res.dropLast(2)))
                }
            }
        }
        if !r.nonResourceURLs.isEmpty {
            guard !a.resourceRequest else { return false }
            return r.nonResourceURLs.contains { u in
                u == "*" || u == a.path || (u.hasSuffix("*") && a.path.hasPrefix(String(u.dropLast())))
            }
        }
        return true
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
        return String(text[a.upperBound..<b.lowerBound])
    }

    /// The policy as the stem shows it, loaded, and the first rule that matches.
    static func firstMatch(_ item: GeneratedItem) throws -> (policy: AuditPolicy, rule: Int?, request: SampleRequest) {
        guard case .audit(let s) = item.material else { throw Failure("not an audit item") }
        let yaml = try #require(between(item.question.question, "```yaml\n", "```\n"))
        let policy = try #require(PolicyLoader.load(SourceFile(name: "stem.yaml", text: yaml)).policy)
        #expect(item.question.question.contains(s.request.method + " " + s.request.url))
        let a = try RequestInfo.parse(method: s.request.method, url: s.request.url, user: s.request.user).attributes
        return (policy, policy.rules.firstIndex { matches($0, a) }, s.request)
    }

    struct Failure: Error { var message: String; init(_ m: String) { message = m } }

    static func answerTexts(_ q: Question) -> Set<String> {
        Set(q.options.filter { q.answer.contains($0.id) }.map(\.text))
    }

    @Test(arguments: seeds)
    func levelAnswersAreTheFirstMatchingRulesLevel(seed: UInt64) throws {
        let item = GeneratedFamily.level.item(seed: seed)
        let (policy, rule, _) = try Self.firstMatch(item)
        #expect(Self.answerTexts(item.question) == [rule.map { policy.rules[$0].level } ?? "None"], "\(item.question.id)")
    }

    @Test(arguments: seeds)
    func firstRuleAnswersAreTheFirstMatchingRule(seed: UInt64) throws {
        let item = GeneratedFamily.firstRule.item(seed: seed)
        let (policy, rule, _) = try Self.firstMatch(item)
        let expected = rule.map { "Rule \($0 + 1) (level \(policy.rules[$0].level))" } ?? FirstRuleFamily.noRule
        #expect(Self.answerTexts(item.question) == [expected], "\(item.question.id)")
        #expect(item.question.options.count == policy.rules.count + 1)
    }

    @Test(arguments: seeds)
    func stageAnswersFollowTheSpecTable(seed: UInt64) throws {
        let item = GeneratedFamily.stages.item(seed: seed)
        let (policy, rule, request) = try Self.firstMatch(item)
        let a = request.attributes
        var expected: [String]
        if rule == nil || policy.rules[rule!].level == "None" {
            expected = []
        } else if request.user == nil {
            expected = ["ResponseStarted"]  // a 401: one event, nothing else
        } else {
            let streaming = a.verb == "watch" || ["exec", "attach", "portforward", "log", "proxy"].contains(a.subresource)
            expected = streaming ? ["RequestReceived", "ResponseStarted", "ResponseComplete"] : ["RequestReceived", "ResponseComplete"]
        }
        let omitted = Set(policy.omitStages + (rule.map { policy.rules[$0].omitStages } ?? []))
        expected.removeAll { omitted.contains($0) }
        let want = expected.isEmpty ? [StagesFamily.noEvent] : Set(expected)
        #expect(Self.answerTexts(item.question) == want, "\(item.question.id)")
    }

    @Test(arguments: seeds)
    func jqAnswersAreTheEventsTheQueryPrints(seed: UInt64) throws {
        let q = GeneratedFamily.jqSelect.question(seed: seed)
        let query = try #require(Self.between(q.question, "jq -c '", "' audit.log"))
        let program = try JQProgram.compile(query)
        var printed: Set<String> = []
        for o in q.options {
            let event = try JSONParser.parse(o.text)
            if try !program.outputs(event).isEmpty { printed.insert(o.text) }
        }
        #expect(Self.answerTexts(q) == printed, "\(q.id): \(query)")
        #expect(q.options.count == 5)
    }

    // MARK: Shape

    @Test(arguments: GeneratedFamily.allCases)
    func generatedQuestionsAreWellFormed(family: GeneratedFamily) {
        for seed in Self.seeds {
            let item = family.item(seed: seed)
            let q = item.question
            #expect(q.id == "sf-gen-\(family.rawValue)-\(seed)")
            #expect(QuestionChecks.check(q, curriculum: Self.curriculum).map(\.message) == [])
            #expect(Set(q.options.map(\.text)).count == q.options.count, "\(q.id): options repeat")
            #expect(Set(q.answer).isSubset(of: q.options.map(\.id)))
            #expect((4...5).contains(q.options.count), "\(q.id)")
            #expect(item.recheck() == [])
            if q.kind == .multiple { #expect(q.question.contains("Choose")) }
        }
    }

    @Test(arguments: GeneratedFamily.allCases)
    func theSameSeedGivesTheSameQuestion(family: GeneratedFamily) {
        for seed: UInt64 in [0, 1, 7, 1 << 40, .max] {
            #expect(family.question(seed: seed) == family.question(seed: seed))
            #expect(GeneratedFamily.question(id: family.id(seed: seed)) == family.question(seed: seed))
        }
    }

    @Test(arguments: GeneratedFamily.allCases)
    func differentSeedsGiveDifferentQuestions(family: GeneratedFamily) {
        let stems = Self.seeds.map { family.question(seed: $0).question + family.question(seed: $0).options.map(\.text).joined() }
        #expect(Set(stems).count >= stems.count * 9 / 10, "\(Set(stems).count) of \(stems.count) distinct")
    }

    @Test func answersAreSpreadOverTheOptions() {
        var levels: Set<String> = [], rules: Set<String> = [], stageSets: Set<Set<String>> = [], sizes: Set<Int> = []
        for seed in Self.seeds {
            levels.formUnion(Self.answerTexts(GeneratedFamily.level.question(seed: seed)))
            rules.formUnion(Self.answerTexts(GeneratedFamily.firstRule.question(seed: seed)))
            stageSets.insert(Self.answerTexts(GeneratedFamily.stages.question(seed: seed)))
            sizes.insert(GeneratedFamily.jqSelect.question(seed: seed).answer.count)
        }
        #expect(levels == Set(AuditLevel.names))
        #expect(rules.isSuperset(of: ["Rule 1 (level Metadata)", "Rule 2 (level None)", "Rule 3 (level Request)", FirstRuleFamily.noRule]))
        #expect(stageSets.isSuperset(of: [[StagesFamily.noEvent], ["ResponseStarted"], ["RequestReceived", "ResponseComplete"],
                                          ["RequestReceived", "ResponseStarted", "ResponseComplete"], ["ResponseComplete"]]))
        #expect(sizes == [2, 3, 4])
    }

    @Test func idsParseBackToTheirFamilyAndSeed() {
        #expect(GeneratedFamily.parse(id: "sf-gen-first-rule-42")! == (.firstRule, 42))
        #expect(GeneratedFamily.parse(id: "sf-gen-jq-select-18446744073709551615")! == (.jqSelect, .max))
        for bad in ["sf-gen-level-", "sf-gen-level-01", "sf-gen-level-x", "sf-gen-level-18446744073709551616", "sf-audit-first-match-wins"] {
            #expect(GeneratedFamily.parse(id: bad) == nil, "\(bad)")
        }
    }

    @Test func generationIsFast() {
        let clock = ContinuousClock()
        let start = clock.now
        for seed in UInt64(1)...25 {
            for family in GeneratedFamily.allCases { _ = family.question(seed: seed) }
        }
        // 5 ms per question in a release build; a debug build gets ten times the room.
        #expect(clock.now - start < .milliseconds(100 * 50))
    }

    @Test func aWrongAnswerIsCaughtByTheRecheck() {
        for family in GeneratedFamily.allCases {
            var item = family.item(seed: 3)
            let wrong = item.question.options.map(\.id).first { !item.question.answer.contains($0) }!
            item.question.answer = [wrong]
            #expect(!item.recheck().isEmpty, "\(family)")
        }
    }
}
