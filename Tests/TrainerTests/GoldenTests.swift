import Testing
@testable import Trainer

/// What a learner sees when opening a lab of each kind and checking its starter.
@Suite struct GoldenTests {
    static let labs = ["secrets-at-metadata", "fix-bad-level", "query-secret-access", "precedence-rule-order",
                       // Pod Security kinds
                       "pss-fix-deployment", "pss-labels-enforce-baseline-warn-restricted", "pss-predict-outcomes",
                       // NetworkPolicy kinds
                       "netpol-isolate-database", "netpol-predict-deleted-default-deny",
                       // RBAC kinds
                       "rbac-fix-overbroad-deployer", "rbac-predict-subresources",
                       // RBAC in the simulated cluster: the audit log's reason annotation
                       "rbac-query-audit-reasons"]

    @Test(arguments: labs)
    func openAndCheckTheStarter(id: String) throws {
        var h = TrainerHarness()
        let (opened, openText) = h.command("open \(id)")
        #expect(opened == .ok)
        let (checked, checkText) = h.command("check")
        #expect(checked == .failed, "the starter of \(id) must fail")
        let screen = openText + "kcsa> check\n" + checkText
        let golden = try #require(Golden.check(id, screen), "no golden file for \(id) (KCSA_UPDATE_GOLDEN=1 writes it)")
        #expect(screen == golden)
    }
}
