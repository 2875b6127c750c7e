import Testing
@testable import Trainer

/// The feedback on a wrong RBAC prediction: upstream's reason, then the rule that decided
/// it, without naming the same binding twice.
@Suite struct RBACFeedbackTests {
    @Test func aGrantingBindingIsNamedOnce() {
        var h = TrainerHarness()
        _ = h.command("open rbac-predict-binding-scope")
        let answer = ["a: yes", "b: no", "c: no", "d: no", "e: yes", "f: no", "g: no", "h: no", "i: no", "j: yes", "."]
        _ = h.command("write", then: answer)
        let (outcome, text) = h.command("check")
        #expect(outcome == .failed)
        #expect(text.contains(#"reason: RBAC: allowed by RoleBinding "builder/ci" of ClusterRole "edit" to ServiceAccount "builder/ci""#))
        #expect(text.contains("through rule 0 of ClusterRole edit: "))
        #expect(!text.contains(#"granted by RoleBinding "builder/ci""#))
    }
}
