import Testing
import TestSupport
@testable import KubeAudit

/// Every case transcribed from kube-apiserver's checker tests must evaluate identically.
@Suite(.enabled(if: SharedFolder.exists, Comment(rawValue: SharedFolder.missingComment))) struct PolicyConformanceTests {
    nonisolated(unsafe) static let cases = SharedVectors.cases("policy-vectors.json")

    @Test func vectorsArePresent() {
        #expect(Self.cases.count >= 100)
    }

    @Test(arguments: 0..<cases.count)
    func evaluatesLikeTheApiserver(index: Int) throws {
        let c = Self.cases[index]
        let name = c["name"] as? String ?? "#\(index)"
        let loaded = loadPolicy(SharedVectors.policyText(c["policy"]!))
        let evaluator = try #require(loaded.evaluator(), "\(name): \(loaded.apiserverError ?? "")")
        let attrs = SharedVectors.attributes(c["request"] as! [String: Any])
        let want = c["want"] as! [String: Any]
        let got = evaluator.evaluate(attrs)
        #expect(got.level.rawValue == want["level"] as? String, "\(name)")
        #expect(Set(got.omitStages.names) == Set(want["omitStages"] as? [String] ?? []), "\(name)")
        #expect(got.omitManagedFields == want["omitManagedFields"] as? Bool, "\(name)")

        // The explanation walks the same rules and must name the same winner.
        let explanation = evaluator.explain(attrs)
        let matched = explanation.checks.filter { $0.verdict == .matched }.map(\.index)
        #expect(matched == (got.rule.map { [$0] } ?? []), "\(name)")
    }
}

@Suite(.enabled(if: SharedFolder.exists, Comment(rawValue: SharedFolder.missingComment))) struct ValidationConformanceTests {
    nonisolated(unsafe) static let cases = SharedVectors.cases("validation-vectors.json")
    nonisolated(unsafe) static let loadCases = SharedVectors.cases("validation-vectors.json", key: "loadCases")

    @Test(arguments: 0..<cases.count)
    func validatesLikeTheApiserver(index: Int) {
        let c = Self.cases[index]
        let name = c["name"] as? String ?? "#\(index)"
        let result = loadPolicy(SharedVectors.policyText(c["policy"]!))
        #expect(result.isValid == (c["valid"] as? Bool), "\(name)")
        let aggregate = c["aggregateError"] as? String ?? ""
        #expect((result.apiserverError ?? "") == aggregate, "\(name)")
        let errors = c["errors"] as? [String] ?? []
        if !result.fieldErrors.isEmpty || errors.count > 1 {
            #expect(result.fieldErrors.map(\.description) == errors, "\(name)")
        }
        for part in c["errorContains"] as? [String] ?? [] {
            #expect((result.apiserverError ?? "").contains(part), "\(name)")
        }
    }

    @Test(arguments: 0..<loadCases.count)
    func loadsLikeTheApiserver(index: Int) {
        let c = Self.loadCases[index]
        let name = c["name"] as? String ?? "#\(index)"
        let result = loadPolicy(c["yaml"] as! String)
        #expect(result.isValid == (c["valid"] as? Bool), "\(name): \(result.apiserverError ?? "")")
        for part in c["errorContains"] as? [String] ?? [] {
            #expect((result.apiserverError ?? "").contains(part), "\(name)")
        }
        if let n = c["expectRuleCount"] as? Int {
            #expect(result.policy?.rules.count == n, "\(name)")
        }
    }
}

@Suite(.enabled(if: SharedFolder.exists, Comment(rawValue: SharedFolder.missingComment))) struct RequestInfoConformanceTests {
    nonisolated(unsafe) static let cases = SharedVectors.cases("requestinfo-vectors.json")

    @Test(arguments: 0..<cases.count)
    func parsesLikeTheApiserver(index: Int) throws {
        let c = Self.cases[index]
        let name = c["name"] as? String ?? "#\(index)"
        let info = try RequestInfo.parse(method: c["method"] as! String, url: c["url"] as! String, user: nil)
        let a = info.attributes
        let got: [String: Any] = [
            "resourceRequest": a.resourceRequest, "verb": a.verb, "apiGroup": a.apiGroup, "apiVersion": a.apiVersion,
            "namespace": a.namespace, "resource": a.resource, "subresource": a.subresource, "name": a.name,
        ]
        for (key, value) in c["want"] as! [String: Any] {
            if let b = value as? Bool {
                #expect(got[key] as? Bool == b, "\(name): \(key)")
            } else {
                #expect(got[key] as? String == value as? String, "\(name): \(key)")
            }
        }
    }
}
