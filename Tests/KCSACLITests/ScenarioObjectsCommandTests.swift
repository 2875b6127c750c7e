import Testing

/// `--objects SCENARIO-ID` for `kcsa netpol reach` and `kcsa rbac`: the scenario's cluster,
/// at its start or before/after an incident, and what an incident changed.
@Suite struct ScenarioObjectsCommandTests {
    func kcsa(_ args: [String]) throws -> PolicyCommandTests.Run { try PolicyCommandTests.kcsa(args) }

    @Test func deletingDefaultDenyOpenedTheLedgersEgressAndTheSettlementJobsIngress() throws {
        let r = try kcsa(["netpol", "reach", "--objects", "incident-tampering", "--changes", "networkpolicy-deleted",
                          "--port", "5432", "--port", "53", "--protocol", "TCP", "--protocol", "UDP"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("  payments/ledger-db-0 -> kube-system/coredns-8xk2p: opened on 5432/TCP, 5432/UDP, 53/TCP, 53/UDP\n"))
        #expect(r.stdout.contains("  dev/debug-tools-q4k7n -> payments/settlement-28901: opened on"))
        // The API stays isolated both ways by its own policies.
        #expect(!r.stdout.contains("payments/api-7f6d9"))
        #expect(r.stdout.contains("9 pod pairs changed: 36 connections opened, 0 closed"))
    }

    @Test func anIncidentThatWritesNoPolicyChangesNothing() throws {
        let r = try kcsa(["netpol", "reach", "--objects", "incident-tampering", "--changes", "impersonated-reads", "--port", "5432"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("nothing: every connection probed is as it was before"))
    }

    @Test func beforeAndAfterTheDeletion() throws {
        let args = ["netpol", "reach", "--objects", "incident-tampering", "--from", "payments/ledger-db-0",
                    "--to", "203.0.113.7", "--port", "443"]
        #expect(try kcsa(args + ["--before", "networkpolicy-deleted"]).status == 1)
        #expect(try kcsa(args + ["--after", "networkpolicy-deleted"]).status == 0)
        let unknown = try kcsa(args + ["--after", "no-such-incident"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("the scenario has no incident no-such-incident"))
    }

    @Test func theEscalationIsVisibleToCanI() throws {
        let base = ["rbac", "can-i", "list", "secrets", "-n", "kube-system", "--as", "system:serviceaccount:ci:deployer",
                    "--objects", "incident-escalation"]
        #expect(try kcsa(base).stdout == "no\n")
        #expect(try kcsa(base + ["--before", "escalation"]).status == 1)
        let after = try kcsa(base + ["--after", "escalation"])
        #expect(after.status == 0 && after.stdout == "yes\n")
        // What made it possible: bind on every ClusterRole.
        let bind = try kcsa(["rbac", "can-i", "bind", "clusterroles", "cluster-admin", "--as", "system:serviceaccount:ci:deployer",
                             "--objects", "incident-escalation", "--explain"])
        #expect(bind.status == 0)
        #expect(bind.stdout.contains("ClusterRoleBinding \"ci-namespace-provisioner\" of ClusterRole \"ci-namespace-provisioner\""))
        #expect(try kcsa(["rbac", "can-i", "get", "pods", "--as", "x", "--objects", "./Labs/labs", "--before", "escalation"]).status == 2)
    }
}
