import ContentFormat
import Testing
@testable import RBAC

/// Every vector of `shared/conformance/rbac/vectors.json`, checked in-process.
@Suite(.enabled(if: SharedRBACVectors.available, "needs ../shared/conformance/rbac/vectors.json"))
struct RBACConformanceTests {
    static let kinds = ["rule", "authorize", "appliesTo", "covers", "aggregate", "escalation", "canI"]

    @Test func everyVectorPasses() {
        let all = SharedRBACVectors.all
        var failures: [String] = []
        for v in all {
            if let f = Self.check(v) { failures.append("\(v.name): \(f)") }
        }
        #expect(all.count == 222, "vectors.json holds 222 vectors")
        #expect(failures.isEmpty, "\(failures.count) of \(all.count) failed:\n\(failures.joined(separator: "\n"))")
        print("rbac conformance: \(all.count - failures.count)/\(all.count)")
    }

    @Test(arguments: kinds) func vectorsOfKind(_ kind: String) {
        let vectors = SharedRBACVectors.vectors(ofKind: kind)
        #expect(!vectors.isEmpty)
        for v in vectors {
            let failure = Self.check(v)
            #expect(failure == nil, "\(v.name): \(failure ?? "")")
        }
    }

    /// nil when the vector passes, otherwise what differed.
    static func check(_ v: YAMLNode) -> String? {
        do {
            switch v["kind"]?.string {
            case "rule": return try checkRule(v)
            case "authorize": return try checkAuthorize(v)
            case "appliesTo": return try checkAppliesTo(v)
            case "covers": return try checkCovers(v)
            case "aggregate": return try checkAggregate(v)
            case "escalation": return try checkEscalation(v)
            case "canI": return try checkCanI(v)
            default: return "unknown kind \(v["kind"]?.string ?? "nil")"
            }
        } catch {
            return "could not read the vector: \(error)"
        }
    }

    static func differ<T: Equatable>(_ what: String, _ got: T, _ want: T) -> String? {
        got == want ? nil : "\(what): got \(got), want \(want)"
    }

    static func checkRule(_ v: YAMLNode) throws -> String? {
        let rule = try RBACObjectDecoder.rule(v["rule"]!)
        let request = try RBACObjectDecoder.request(v["request"]!)
        return differ("allowed", RuleMatching.allows(rule, request), v["want"]!["allowed"]!.bool!)
    }

    static func checkAuthorize(_ v: YAMLNode) throws -> String? {
        let authorizer = RBACAuthorizer(objects: try SharedRBACVectors.objects(v))
        let user = try RBACObjectDecoder.user(v["user"]!)
        let decision = authorizer.authorize(try RBACObjectDecoder.request(v["request"]!), as: user)
        let want = v["want"]!
        if let f = differ("allowed", decision.allowed, want["allowed"]!.bool!) { return f }
        if let reason = want["reason"]?.string { return differ("reason", decision.reason, reason) }
        return nil
    }

    static func checkAppliesTo(_ v: YAMLNode) throws -> String? {
        let subjects = try (v["subjects"]?.items ?? []).map { try RBACObjectDecoder.subject($0) }
        let user = try RBACObjectDecoder.user(v["user"]!)
        let index = SubjectMatching.firstMatch(user, subjects, namespace: v["namespace"]?.string ?? "")
        let want = v["want"]!
        if let f = differ("applies", index != nil, want["applies"]!.bool!) { return f }
        return differ("index", index ?? 0, want["index"]!.int!)
    }

    static func checkCovers(_ v: YAMLNode) throws -> String? {
        let (covered, missing) = RuleCoverage.covers(owner: try SharedRBACVectors.rules(v["owner"]),
                                                     servant: try SharedRBACVectors.rules(v["servant"]))
        let want = v["want"]!
        if let f = differ("covered", covered, want["covered"]!.bool!) { return f }
        return differ("missing", missing, try SharedRBACVectors.rules(want["missing"]))
    }

    static func checkAggregate(_ v: YAMLNode) throws -> String? {
        let roles = try SharedRBACVectors.objects(v).compactMap { o -> RoleObject? in
            if case .role(let r) = o { return r } else { return nil }
        }
        let target = v["target"]!.string!
        let sync = ClusterRoleAggregation.sync(roles.first { $0.name == target }!, among: roles)
        let want = v["want"]!
        if want["rules"]!.isNull { return differ("rules", sync.rules, nil) }
        if let f = differ("rules", sync.rules, try SharedRBACVectors.rules(want["rules"])) { return f }
        if let update = want["update"]?.bool { return differ("update", sync.update, update) }
        return nil
    }

    static func checkEscalation(_ v: YAMLNode) throws -> String? {
        let authorizer = RBACAuthorizer(objects: try SharedRBACVectors.objects(v))
        let user = try RBACObjectDecoder.user(v["user"]!)
        let want = v["want"]!
        let allowed: Bool
        let error: String?
        if let attempt = v["attempt"] {
            let outcome = EscalationCheck.check(try SharedRBACVectors.object(attempt), by: user, using: authorizer)
            (allowed, error) = (outcome.allowed, outcome.error)
        } else {
            let result = EscalationCheck.confirmNoEscalation(authorizer, user, namespace: v["namespace"]?.string ?? "",
                                                             rules: try SharedRBACVectors.rules(v["rules"]))
            (allowed, error) = (result == nil, result?.message)
        }
        if let f = differ("allowed", allowed, want["allowed"]!.bool!) { return f }
        if let wantError = want["error"] { return differ("error", error, wantError.string) }
        return nil
    }

    static func checkCanI(_ v: YAMLNode) throws -> String? {
        let want = v["want"]!["stdout"]!.string!
        if let status = v["status"] {
            let s = AccessList.Status(resourceRules: try SharedRBACVectors.rules(status["resourceRules"]),
                                      nonResourceRules: try SharedRBACVectors.rules(status["nonResourceRules"]))
            return differ("stdout", AccessList.render(s, noHeaders: v["noHeaders"]?.bool ?? false), want)
        }
        let authorizer = RBACAuthorizer(objects: try SharedRBACVectors.objects(v))
        let decision = authorizer.authorize(try RBACObjectDecoder.request(v["request"]!),
                                            as: try RBACObjectDecoder.user(v["user"]!))
        let out = decision.allowed ? "yes\n" : decision.reason.isEmpty ? "no\n" : "no - \(decision.reason)\n"
        return differ("stdout", out, want)
    }
}
