import Diagnostics
import NetworkPolicy
import Testing

/// Semantics the e2e cases do not pin down: defaulting, empty versus missing fields, named
/// ports, endPort ranges, ipBlock for external peers, and explanations.
struct ReachabilityTests {
    static let base = """
    apiVersion: v1
    kind: Namespace
    metadata: {name: prod, labels: {env: prod}}
    ---
    apiVersion: v1
    kind: Namespace
    metadata: {name: dev}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: web, namespace: prod, labels: {app: web}}
    spec:
      containers:
      - name: web
        ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]
    status: {podIP: 10.0.0.10}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: db, namespace: prod, labels: {app: db}}
    spec: {containers: [{name: db, ports: [{name: pg, containerPort: 5432}]}]}
    status: {podIP: 10.0.0.20}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: tool, namespace: dev}
    spec:
      template:
        metadata: {labels: {app: tool}}
        spec: {containers: [{name: t, ports: [{name: http, containerPort: 9090}]}]}
    ---

    """

    static func model(_ policies: String) throws -> ClusterModel {
        let (objects, problems) = ObjectDecoder.decode(SourceFile(name: "t.yaml", text: base + policies))
        #expect(problems.isEmpty, "\(problems)")
        return try ClusterModel(objects: objects)
    }

    static func allowed(_ m: ClusterModel, _ from: String, _ to: String, _ port: Int, _ proto: PortProtocol = .tcp) -> Bool {
        m.allows(from: m.endpoint(from)!, to: m.endpoint(to)!, port: port, protocol: proto)
    }

    @Test func templatePodsGetTheFirstFreeIPs() throws {
        let m = try Self.model("")
        #expect(m.order == ["prod/web", "prod/db", "dev/tool"])
        #expect(m.assignedIPs.map { "\($0.id) \($0.ip) \($0.template ?? "")" } == ["dev/tool 10.244.0.1 Deployment dev/tool"])
        #expect(m.declaredPorts.map { "\($0.port)/\($0.protocol.rawValue)" } == ["53/UDP", "5432/TCP", "8080/TCP", "9090/TCP"])
    }

    @Test func policyTypesDefaultToIngressPlusEgressWhenThereAreEgressRules() throws {
        // No policyTypes and only egress rules: Ingress is implied too, so db is isolated both ways.
        let m = try Self.model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-out, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          egress: [{to: [{podSelector: {matchLabels: {app: web}}}]}]
        """)
        #expect(Self.allowed(m, "prod/db", "prod/web", 8080))
        #expect(!Self.allowed(m, "prod/db", "dev/tool", 9090))
        #expect(!Self.allowed(m, "prod/web", "prod/db", 5432), "ingress is implied")
        #expect(Self.allowed(m, "prod/web", "dev/tool", 9090))
    }

    @Test func anEmptyFromAllowsEveryoneButAMissingNamespaceSelectorMeansThePolicyNamespace() throws {
        let m = try Self.model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-in, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress: [{from: [{podSelector: {}}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-in, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{}]
        """)
        #expect(Self.allowed(m, "prod/db", "prod/web", 8080))
        #expect(!Self.allowed(m, "dev/tool", "prod/web", 8080))
        #expect(!Self.allowed(m, "203.0.113.9", "prod/web", 8080))
        #expect(Self.allowed(m, "dev/tool", "prod/db", 5432))
        #expect(Self.allowed(m, "203.0.113.9", "prod/db", 5432), "an empty rule allows peers outside the cluster too")
    }

    @Test func namedPortsResolveOnTheDestinationWithTheirProtocol() throws {
        let m = try Self.model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: out, namespace: dev}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress: [{ports: [{port: http}, {port: dns, protocol: UDP}]}]
        """)
        #expect(Self.allowed(m, "dev/tool", "prod/web", 8080))
        #expect(!Self.allowed(m, "dev/tool", "prod/web", 9090), "http is 8080 on web")
        #expect(!Self.allowed(m, "dev/tool", "prod/web", 8080, .udp))
        #expect(Self.allowed(m, "dev/tool", "prod/web", 53, .udp))
        #expect(!Self.allowed(m, "dev/tool", "prod/db", 5432))
        #expect(!Self.allowed(m, "dev/tool", "198.51.100.1", 8080), "a name cannot resolve outside the cluster")
    }

    @Test func endPortRangesAndIPBlocksForExternalPeers() throws {
        let m = try Self.model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-in, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
          - from: [{ipBlock: {cidr: 192.168.0.0/16, except: [192.168.1.0/24]}}, {namespaceSelector: {matchLabels: {env: prod}}}]
            ports: [{port: 5000, endPort: 5432}]
        """)
        #expect(Self.allowed(m, "192.168.7.7", "prod/db", 5432))
        #expect(Self.allowed(m, "192.168.7.7", "prod/db", 5000))
        #expect(!Self.allowed(m, "192.168.7.7", "prod/db", 5433))
        #expect(!Self.allowed(m, "192.168.1.7", "prod/db", 5432))
        #expect(Self.allowed(m, "prod/web", "prod/db", 5432))
        #expect(!Self.allowed(m, "dev/tool", "prod/db", 5432))
        #expect(Self.allowed(m, "prod/db", "prod/db", 1), "loopback")
        let table = m.truthTable(port: 5432, protocol: .tcp)
        #expect(table.expect == ["...", "...", ".X."])
    }

    @Test func anExplanationNamesTheRuleAndWhatTheNearestRuleLacks() throws {
        let m = try Self.model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-in, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: web}}}]
            ports: [{port: 5432}]
        """)
        let ok = m.connection(from: m.endpoint("prod/web")!, to: m.endpoint("prod/db")!, port: 5432, protocol: .tcp)
        #expect(ok.allowed)
        #expect(ok.egress?.isolated == false)
        #expect(ok.ingress?.selectingPolicies == ["prod/db-in"])
        #expect(ok.ingress?.allowedBy == RuleRef(policy: "prod/db-in", direction: .ingress, rule: 0, peer: 0, port: 0))

        let blocked = m.connection(from: m.endpoint("dev/tool")!, to: m.endpoint("prod/db")!, port: 5432, protocol: .tcp)
        #expect(!blocked.allowed)
        #expect(blocked.ingress?.nearest?.rule.path == "spec.ingress[0]")
        #expect(blocked.ingress?.nearest?.lacks == [
            "its only peer (spec.ingress[0].from[0]): without a namespaceSelector the peer selects pods in the policy's "
                + "namespace prod only; dev/tool is in dev",
            "its only peer (spec.ingress[0].from[0]): pod dev/tool does not match podSelector app=web (needs app=web)",
        ])
        let wrongPort = m.connection(from: m.endpoint("prod/web")!, to: m.endpoint("prod/db")!, port: 80, protocol: .tcp)
        #expect(wrongPort.ingress?.nearest?.lacks == ["port 80/TCP is not among its ports: 5432/TCP"])
    }

    @Test func ipAddressesAndCIDRsParseLikeGo() {
        #expect(IPAddress("010.001.002.003")?.description == "10.1.2.3")
        #expect(IPAddress("::ffff:1.2.3.4")?.isIPv4 == true)
        #expect(IPAddress("2001:db8::1")?.description == "2001:db8::1")
        #expect(IPAddress("2001:db8:0:0:1:0:0:1")?.description == "2001:db8::1:0:0:1")
        #expect(IPAddress("1.2.3") == nil)
        #expect(IPAddress("1:2:3:4:5:6:7:8:9") == nil)
        #expect(CIDR("10.0.1.10/4")?.description == "0.0.0.0/4")
        #expect(CIDR("2001:db8::/32")?.contains(IPAddress("2001:db8:ffff::1")!) == true)
        #expect(CIDR("10.0.0.0/8")?.contains(IPAddress("2001:db8::1")!) == false)
        #expect(CIDR("10.0.0.0") == nil)
    }
}

/// What labs use: one model, other policies swapped in, tables compared cell by cell.
struct LabAPITests {
    @Test func swappingPoliciesAndDiffingTables() throws {
        let open = try ClusterModel.load([SourceFile(name: "c.yaml", text: ReachabilityTests.base)])
        let answer = try #require(ObjectDecoder.decode(SourceFile(name: "answer.yaml", text: """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: prod}
        spec: {podSelector: {matchLabels: {app: db}}}
        """)).objects.policies.first)
        let locked = try open.with(policies: [answer])
        let before = open.truthTable(port: 5432, protocol: .tcp), after = locked.truthTable(port: 5432, protocol: .tcp)
        #expect(after.differences(from: before) == [
            .init(from: "prod/web", to: "prod/db", allowed: false, otherAllowed: true),
            .init(from: "dev/tool", to: "prod/db", allowed: false, otherAllowed: true),
        ])
        #expect(before.differences(from: before).isEmpty)
    }

    @Test func loadReportsEveryProblemOfEveryFile() {
        #expect(throws: ClusterError.self) {
            try ClusterModel.load([SourceFile(name: "a.yaml", text: "kind: Pod\nmetadata: {name: p}\n"),
                                   SourceFile(name: "b.yaml", text: "kind: NetworkPolicy\nmetadata: {name: q}\nspec: {podSelector: 1}\n")])
        }
        do {
            _ = try ClusterModel.load([SourceFile(name: "b.yaml", text: "kind: NetworkPolicy\nmetadata: {name: q}\nspec: {podSelector: 1}\n")])
        } catch {
            #expect(error.problems.map(\.diagnostic.message) == ["spec.podSelector: must be an object, not a number"])
            #expect(error.problems.first?.file == "b.yaml")
        }
    }
}
