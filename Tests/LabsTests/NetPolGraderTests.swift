import Diagnostics
import NetworkPolicy
import Testing
@testable import Labs

/// NetworkPolicy labs: the learner's policies added to an inline cluster, graded on
/// must-reach and must-not-reach connections; predictions graded cell by cell.
@Suite struct NetPolGraderTests {
    static let cluster = """
    cluster_text: |
      apiVersion: v1
      kind: Namespace
      metadata: {name: app}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: other}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: app, labels: {role: web}}
      spec:
        containers:
        - name: web
          ports: [{name: http, containerPort: 8080}]
      status: {podIP: 10.0.0.1}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: db, namespace: app, labels: {role: db}}
      spec:
        containers:
        - name: db
          ports: [{name: sql, containerPort: 5432}]
      status: {podIP: 10.0.0.2}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: intruder, namespace: other, labels: {role: web}}
      status: {podIP: 10.0.1.1}

    """

    static let yaml = LabFixtures.common + cluster + """
    id: netpol-fixture
    kind: netpol
    must_reach:
      - {from: app/web, to: app/db, port: 5432, name: the app}
    must_not_reach:
      - {from: other/intruder, to: app/db, port: 5432}
      - {from: app/db, to: 203.0.113.9, port: 443}
    starter: ""
    reference: |
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db, namespace: app}
      spec:
        podSelector: {matchLabels: {role: db}}
        policyTypes: [Ingress, Egress]
        ingress:
        - from: [{podSelector: {matchLabels: {role: web}}}]
          ports: [{port: sql}]
    """

    @Test func theReferencePassesAndAnEmptyAnswerFails() throws {
        let lab = try LabFixtures.lab(Self.yaml)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
        let empty = try LabFixtures.check(lab, "")
        #expect(!empty.passed)
        let wrong = empty.findings.filter { $0.code == .connectionWrong }
        #expect(wrong.map(\.subject) == [.connection("other/intruder -> app/db 5432/TCP"),
                                         .connection("app/db -> 203.0.113.9 443/TCP")])
        #expect(wrong.first?.expected == "blocked" && wrong.first?.actual == "allowed")
        #expect(wrong.first?.traffic?.ingress?.policies == [])
    }

    @Test func aBlockedConnectionNamesTheNearestRuleAndItsLineInTheAnswer() throws {
        let lab = try LabFixtures.lab(Self.yaml)
        // The namespace-wide peer: the intruder (role=web in another namespace) is not let in,
        // but neither is the app on the wrong port.
        let answer = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: app}
        spec:
          podSelector: {matchLabels: {role: db}}
          policyTypes: [Ingress, Egress]
          ingress:
          - from: [{podSelector: {matchLabels: {role: web}}}]
            ports: [{port: 3306}]
        """
        let report = try LabFixtures.check(lab, answer)
        let finding = try #require(report.findings.first { $0.subject == .connection("app/web -> app/db 5432/TCP") })
        #expect(finding.code == .connectionWrong)
        #expect(finding.expected == "allowed" && finding.actual == "blocked")
        let ingress = try #require(finding.traffic?.ingress)
        #expect(ingress.policies == ["app/db"])
        #expect(ingress.rule?.path == "spec.ingress[0]")
        #expect(ingress.rule?.line == 8 && ingress.rule?.inAnswer == true)
        #expect(ingress.lacks == ["port 5432/TCP is not among its ports: 3306/TCP"])
    }

    @Test func anInvalidPolicyIsRejectedWithThePositionedApiserverMessage() throws {
        let lab = try LabFixtures.lab(Self.yaml)
        let answer = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: app}
        spec:
          podSelector: {}
          ingress:
          - ports: [{port: 80, endPort: 70}]
        """
        let report = try LabFixtures.check(lab, answer)
        #expect(!report.passed)
        #expect(report.checks.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.code == .networkPolicyRejected)
        #expect(finding.message?.contains("spec.ingress[0].ports[0].endPort") == true)
        let span = try #require(report.diagnostics.first?.span)
        #expect(report.answer.location(ofByte: span.start).line == 7)
    }

    @Test func objectsOtherThanNetworkPoliciesAreRefused() throws {
        let lab = try LabFixtures.lab(Self.yaml)
        let report = try LabFixtures.check(lab, "apiVersion: v1\nkind: Namespace\nmetadata: {name: extra}\n")
        #expect(report.findings.map(\.code) == [.notANetworkPolicy])
    }

    @Test func aMissingNamespaceIsTheApiserversNotFound() throws {
        let lab = try LabFixtures.lab(Self.yaml)
        let answer = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec: {podSelector: {}}\n"
        let report = try LabFixtures.check(lab, answer)
        #expect(report.findings.first?.message == "namespaces \"default\" not found")
    }

    static let predict = LabFixtures.common + cluster + """
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: deny-all, namespace: app}
      spec: {podSelector: {}, policyTypes: [Ingress]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db, namespace: app}
      spec:
        podSelector: {matchLabels: {role: db}}
        ingress:
        - from: [{podSelector: {matchLabels: {role: web}}}]
    id: netpol-predict-fixture
    kind: netpol-predict
    """

    @Test func aTruthTableIsGradedCellByCell() throws {
        let lab = try LabFixtures.lab(Self.predict + """

        table: {port: 5432, protocol: TCP}
        starter: ""
        reference: |
          app/web: ". . ."
          app/db: X..
          other/intruder: XX.
        """)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
        let report = try LabFixtures.check(lab, "app/web: XX.\napp/db: X..\n")
        #expect(!report.passed)
        let cells = report.findings.filter { $0.code == .verdictWrong }
        #expect(cells.map(\.subject) == [.connection("app/web -> app/web 5432/TCP"), .connection("app/web -> app/db 5432/TCP")])
        #expect(cells[0].traffic?.loopback == true)
        #expect(cells[1].expected == "blocked" && cells[1].actual == "allowed")
        #expect(cells[1].traffic?.ingress?.rule?.policy == "app/db")
        #expect(report.findings.contains { $0.code == .notAnswered && $0.subject == .item("row other/intruder") })
    }

    @Test func aRowOfTheWrongWidthIsAPositionedError() throws {
        let lab = try LabFixtures.lab(Self.predict + """

        table: {port: 5432}
        starter: ""
        reference: "app/web: ...\\napp/db: X..\\nother/intruder: XX.\\n"
        """)
        let report = try LabFixtures.check(lab, "app/web: .X\n")
        let d = try #require(report.diagnostics.first)
        #expect(d.message.hasPrefix("row app/web has 2 cells; the table has 3 columns"))
        #expect(report.answer.location(ofByte: d.span!.start).line == 1)
    }

    @Test func aDeletionIsGradedAsOpenedClosedOrUnchanged() throws {
        let lab = try LabFixtures.lab(Self.predict + """

        deleted: [app/deny-all]
        connections:
          - {id: a, from: other/intruder, to: app/web, port: 8080}
          - {id: b, from: other/intruder, to: app/db, port: 5432}
          - {id: c, from: app/web, to: app/db, port: 5432}
        starter: ""
        reference: "a: opened\\nb: unchanged\\nc: unchanged\\n"
        """)
        #expect(try LabFixtures.check(lab, lab.reference).passed)
        let report = try LabFixtures.check(lab, "a: unchanged\nb: opened\nc: closed\n")
        #expect(report.failedCount == 3)
        let a = try #require(report.findings.first { $0.subject == .connection("other/intruder -> app/web 8080/TCP") })
        #expect(a.expected == "unchanged" && a.actual == "opened")
        #expect(a.traffic?.allowed == true && a.traffic?.before.first?.allowed == false)
        #expect(a.traffic?.before.first?.ingress?.policies == ["app/deny-all"])
        let bad = try LabFixtures.check(lab, "a: allowed\n")
        #expect(bad.diagnostics.first?.message == "a: the verdict is one of opened, closed, unchanged")
    }

    @Test func missingFieldsFailAtLoadWithAPosition() {
        let (lab, diagnostics) = LabDecoder.decode(SourceFile(name: "x", text: LabFixtures.common + """
        id: x
        kind: netpol
        must_reach:
          - {from: app/web, port: 80}
        reference: ""
        """))
        #expect(lab == nil)
        #expect(diagnostics.map(\.message).contains("a NetworkPolicy lab needs its cluster: `cluster:` (files under Labs/netpol/) or `cluster_text:`"))
        #expect(diagnostics.map(\.message).contains("a connection needs `to:` (namespace/pod or an IP address)"))
        #expect(diagnostics.allSatisfy { $0.span != nil })
    }
}
