import Testing
@testable import Labs

/// The Pod Security lab kinds: findings per failing check, per lost requirement, per
/// wrong prediction and per probe, from the engine's own answers.
@Suite struct PSSGraderTests {
    static let manifestLab = LabFixtures.common + """
    id: pss-manifest-fixture
    kind: pss-manifest
    level: restricted:v1.35
    namespace: shop
    requires:
      - name: the image stays
        path: spec.containers[name=web].image
        equals: nginx:1.27
      - name: port 8080 stays
        path: spec.containers[name=web].ports[*].containerPort
        equals: "8080"
      - name: not privileged
        path: spec.containers[*].securityContext.privileged
        absent: true
    starter: ""
    reference: |
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
        containers:
          - name: web
            image: nginx:1.27
            ports: [{containerPort: 8080}]
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
    """

    static let plainPod = """
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 8080}]
    """

    @Test func theReferencePassesEveryCheck() throws {
        let lab = try LabFixtures.lab(Self.manifestLab)
        let report = try LabFixtures.check(lab, lab.reference)
        #expect(report.passed)
        #expect(report.checks.count == 4)
    }

    @Test func eachFailingCheckIsAFindingWithUpstreamsReasonAndTheFieldToChange() throws {
        let lab = try LabFixtures.lab(Self.manifestLab)
        let report = try LabFixtures.check(lab, Self.plainPod)
        #expect(!report.passed)
        let findings = report.checks[0].findings
        #expect(findings.first?.code == .pssRefused)
        #expect(findings.first?.message?.hasPrefix(#"pods "web" is forbidden: violates PodSecurity "restricted:v1.35": "#) == true)
        let failing = findings.filter { $0.code == .pssCheckFails }
        #expect(failing.map(\.subject) == ["allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot",
                                           "seccompProfile_restricted"].map { .item($0) })
        let nonRoot = try #require(failing.first { $0.subject == .item("runAsNonRoot") })
        #expect(nonRoot.message == "runAsNonRoot != true")
        #expect(nonRoot.actual == #"pod or container "web" must set securityContext.runAsNonRoot=true"#)
        #expect(nonRoot.mismatches.map(\.field).contains("spec.securityContext.runAsNonRoot"))
        let rest = report.checks.dropFirst().map(\.passed)
        #expect(rest == [true, true, true])
    }

    @Test func deletingWhatTheWorkloadNeedsFailsItsRequirements() throws {
        let lab = try LabFixtures.lab(Self.manifestLab)
        let stripped = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: web
              image: busybox
              securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, privileged: false}
        """
        let report = try LabFixtures.check(lab, stripped)
        #expect(report.checks[0].passed)
        let unmet = report.findings.filter { $0.code == .pssRequirementUnmet }
        #expect(unmet.map(\.subject) == [.item("the image stays"), .item("port 8080 stays"), .item("not privileged")])
        #expect(unmet[0].actual == "busybox")
        #expect(unmet[1].actual == nil)
        #expect(unmet[2].actual == "false")
    }

    @Test func aControllerIsGradedOnThePodsItCreates() throws {
        let lab = try LabFixtures.lab(Self.manifestLab)
        let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            spec:
              hostNetwork: true
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{containerPort: 8080}]
        """
        let report = try LabFixtures.check(lab, deployment)
        let refused = try #require(report.findings.first { $0.code == .pssRefused })
        #expect(refused.actual == "controller")
        #expect(refused.message?.hasPrefix(#"would violate PodSecurity "restricted:v1.35": host namespaces"#) == true)
        // The pods are defaulted as pods: hostNetwork turns containerPort into a hostPort.
        let hostPorts = try #require(report.findings.first { $0.code == .pssCheckFails && $0.subject == .item("hostPorts") })
        // The fields to change are named where they are in the Deployment.
        #expect(hostPorts.mismatches.first?.field.hasPrefix("spec.template.spec.containers[*].ports[*].hostPort") == true)
    }

    @Test func anAnswerWithoutAWorkloadSaysSo() throws {
        let lab = try LabFixtures.lab(Self.manifestLab)
        let report = try LabFixtures.check(lab, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n")
        #expect(report.findings.map(\.code) == [.pssNoWorkload])
        #expect(report.findings[0].actual == "Service/web")
        let broken = try LabFixtures.check(lab, "kind: Pod\nspec: [\n")
        #expect(broken.diagnostics.hasErrors)
    }

    static let predictLab = LabFixtures.common + """
    id: pss-predict-fixture
    kind: pss-predict
    ask: [outcome, checks, audit]
    namespaces:
      - name: shop
        labels:
          pod-security.kubernetes.io/enforce: baseline
          pod-security.kubernetes.io/audit: restricted
    manifests: |
      apiVersion: v1
      kind: Pod
      metadata: {name: agent, namespace: shop}
      spec:
        hostPID: true
        containers: [{name: a, image: busybox}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          spec:
            hostPID: true
            containers: [{name: a, image: busybox}]
    starter: ""
    reference: |
      agent: {outcome: forbidden, checks: [hostNamespaces], audit: [hostNamespaces, allowPrivilegeEscalation, capabilities_restricted, runAsNonRoot, seccompProfile_restricted]}
      api: {outcome: warning, checks: [hostNamespaces], audit: [hostNamespaces, allowPrivilegeEscalation, capabilities_restricted, runAsNonRoot, seccompProfile_restricted]}
    """

    @Test func predictionsAreComparedWithAdmission() throws {
        let lab = try LabFixtures.lab(Self.predictLab)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
        let report = try LabFixtures.check(lab, """
        agent: {outcome: warning, checks: [hostNamespaces], audit: [hostNamespaces, allowPrivilegeEscalation, capabilities_restricted, runAsNonRoot, seccompProfile_restricted]}
        api: {outcome: forbidden, checks: [hostNamespaces], audit: []}
        """)
        let wrong = report.findings.filter { $0.code == .pssOutcomeDiffers }
        #expect(wrong.map(\.subject) == [.item("agent"), .item("api")])
        #expect(wrong[0].mismatches.map(\.field) == ["outcome"])
        #expect(wrong[0].mismatches[0].actual == "forbidden")
        #expect(wrong[0].message?.hasPrefix(#"pods "agent" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostPID=true)"#) == true)
        #expect(wrong[1].mismatches.map(\.field) == ["outcome", "audit"])
        #expect(wrong[1].message?.hasPrefix("pod-security.kubernetes.io/audit-violations: would violate PodSecurity \"restricted:latest\"") == true)
    }

    @Test func anUnknownCheckIDOrObjectIsAPositionedError() throws {
        let lab = try LabFixtures.lab(Self.predictLab)
        let report = try LabFixtures.check(lab, "agent: {outcome: forbidden, checks: [hostPID]}\nweb: allowed\n")
        #expect(report.diagnostics.map(\.message).contains { $0.contains("\"hostPID\" is not a check id") })
        #expect(report.diagnostics.map(\.message).contains { $0.contains("there is no object \"web\"") })
        #expect(report.findings.contains { $0.code == .notAnswered && $0.subject == .item("api") })
    }

    static let labelsLab = LabFixtures.common + """
    id: pss-labels-fixture
    kind: pss-labels
    namespace: shop
    pinned: [enforce]
    probes:
      - id: plain
        allowed: true
        warned: true
        audited: false
        manifest: |
          apiVersion: v1
          kind: Pod
          metadata: {name: plain}
          spec:
            containers: [{name: a, image: busybox}]
    starter: ""
    reference: |
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels:
          pod-security.kubernetes.io/enforce: baseline
          pod-security.kubernetes.io/enforce-version: v1.35
          pod-security.kubernetes.io/warn: restricted
    """

    @Test func probesAndLabelFactsAreChecked() throws {
        let lab = try LabFixtures.lab(Self.labelsLab)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
        let report = try LabFixtures.check(lab, """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: Baseline
            pod-security.kubernetes.io/enforce-version: latest
        """)
        let label = report.findings.filter { $0.code == .pssLabelProblem }
        #expect(label.map(\.subject) == [.item("pod-security.kubernetes.io/enforce"),
                                         .item("pod-security.kubernetes.io/enforce-version")])
        #expect(label[0].message == "must be one of privileged, baseline, restricted")
        #expect(report.findings.contains { $0.code == .pssRefused && $0.message?.hasPrefix(#"Namespace "shop" is invalid"#) == true })
        // An invalid enforce level fails closed (restricted:latest): the probe is refused.
        let probe = try #require(report.findings.first { $0.code == .pssOutcomeDiffers })
        #expect(probe.mismatches.map(\.field) == ["allowed", "warned"])
    }

    @Test func aLabWithoutRequirementsOrWithABadPathDoesNotLoad() {
        let noRequires = LabFixtures.common + "id: x\nkind: pss-manifest\nlevel: restricted\nreference: a\n"
        #expect(throws: LabFixtures.FixtureError.self) { try LabFixtures.lab(noRequires) }
        let badPath = noRequires + "requires:\n  - {name: n, path: \"spec..x[\"}\n"
        #expect(throws: LabFixtures.FixtureError.self) { try LabFixtures.lab(badPath) }
        let badLevel = LabFixtures.common + "id: x\nkind: pss-manifest\nlevel: strict:v1.35\nreference: a\nrequires:\n  - {name: n, path: kind}\n"
        #expect(throws: LabFixtures.FixtureError.self) { try LabFixtures.lab(badLevel) }
    }
}
