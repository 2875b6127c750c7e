import Foundation
import NetworkPolicy
import Testing

/// selectors.json: `LabelSelectorAsSelector` + `Matches` (61 vectors) and
/// `ValidateLabelSelector` compared by the multiset of (field, type) (33 vectors).
@Suite(.enabled(if: SharedVectors.exists, "needs ../shared/conformance/netpol"))
struct SelectorConformanceTests {
    @Test func matchVectors() throws {
        let vectors = try SharedVectors.json("selectors.json")["match"] as! [[String: Any]]
        var passed = 0
        for (i, v) in vectors.enumerated() {
            let selector = try SharedVectors.selector(v["selector"]!)
            let labels = v["labels"] as! [String: String]
            let label = "match[\(i)] \(v["source"]!) \(v["note"] ?? "")"
            do {
                let compiled = try selector.compiled()
                if v["error"] as? Bool == true {
                    Issue.record("\(label): expected an error")
                } else if compiled.matches(labels) == (v["match"] as! Bool) {
                    passed += 1
                } else {
                    Issue.record("\(label): expected match=\(v["match"]!)")
                }
            } catch {
                if v["error"] as? Bool == true { passed += 1 } else { Issue.record("\(label): unexpected error \(error)") }
            }
        }
        print("netpol selector matches: \(passed)/\(vectors.count)")
        #expect(vectors.count == 61)
        #expect(passed == vectors.count)
    }

    @Test func validationVectors() throws {
        let vectors = try SharedVectors.json("selectors.json")["validation"] as! [[String: Any]]
        var passed = 0
        for v in vectors {
            let selector = try SharedVectors.selector(v["selector"]!)
            let got = LabelValidation.validate(selector, path: "labelSelector").map { "\($0.field) \($0.type.rawValue)" }.sorted()
            let want = (v["errors"] as! [[String: String]]).map { "\($0["field"]!) \($0["type"]!)" }.sorted()
            if got == want { passed += 1 } else { Issue.record("\(v["name"]!): expected \(want), got \(got)") }
        }
        print("netpol selector validation: \(passed)/\(vectors.count)")
        #expect(vectors.count == 33)
        #expect(passed == vectors.count)
    }

    /// Upstream's messages, byte for byte, for the errors learners meet most.
    @Test(arguments: [
        ("{\"matchExpressions\":[{\"key\":\"k\",\"operator\":\"Gt\",\"values\":[\"1\"]}]}",
         "\"Gt\" is not a valid label selector operator"),
        ("{\"matchExpressions\":[{\"key\":\"k\",\"operator\":\"In\",\"values\":[]}]}",
         "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
        ("{\"matchExpressions\":[{\"key\":\"baz\",\"operator\":\"Exists\",\"values\":[\"qux\",\"norf\"]}]}",
         "values: Invalid value: [\"qux\",\"norf\"]: values set must be empty for exists and does not exist"),
    ])
    func selectorErrorsUseUpstreamWording(selector: String, message: String) throws {
        let s = try SharedVectors.selector(try JSONSerialization.jsonObject(with: Data(selector.utf8)))
        #expect(throws: SelectorError(message: message)) { try s.compiled() }
    }

    @Test func validationMessagesUseUpstreamWording() throws {
        let s = LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "app", operator: "Equals", values: ["web"]),
                                                 LabelSelectorRequirement(key: "-key", operator: "In")])
        let messages = LabelValidation.validate(s, path: "spec.podSelector").map(\.description)
        #expect(messages == [
            "spec.podSelector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator",
            "spec.podSelector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
            "spec.podSelector.matchExpressions[1].key: Invalid value: \"-key\": name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or "
                + "'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        ])
    }
}
