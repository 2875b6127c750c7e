import Diagnostics
import NetworkPolicy
import Testing

/// Bad objects are refused with a clear error naming the field, in kube-apiserver's words,
/// pointing at the line and column of the field.
struct BadInputTests {
    static let namespaces = """
    apiVersion: v1
    kind: Namespace
    metadata: {name: prod}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: web, namespace: prod, labels: {app: web}}
    status: {podIP: 10.0.0.5}
    ---

    """

    /// The problems of building a model from `text`, rendered `file:line:col: message`.
    static func problems(_ text: String) -> [String] {
        let source = SourceFile(name: "objects.yaml", text: text)
        let (objects, decodeProblems) = ObjectDecoder.decode(source)
        var all = decodeProblems
        if decodeProblems.isEmpty {
            do { _ = try ClusterModel(objects: objects) } catch { all += error.problems }
        }
        return all.map { p in
            let loc = p.diagnostic.span.map { source.location(ofByte: $0.start).description } ?? "-"
            return "\(loc): \(p.diagnostic.message)"
        }
    }

    static func policy(_ spec: String, namespace: String = "prod") -> String {
        namespaces + """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: \(namespace)}
        spec:
        \(spec)
        """
    }

    /// Port numbers as kubectl reads YAML (go-yaml v2, then JSON): hex, octal (`0o` or a
    /// leading 0), underscores, a sign and whole floats are numbers; a quoted one is a name.
    @Test func portNumbersAsKubectlReadsThem() throws {
        let text = Self.policy("""
          podSelector: {}
          ingress:
          - ports: [{port: 0x50}, {port: 0o17}, {port: 017}, {port: 1_000}, {port: +80}, {port: 8e1}, {port: 08}, {port: "http"}]
        """)
        let (objects, problems) = ObjectDecoder.decode(SourceFile(name: "t.yaml", text: text))
        #expect(problems.isEmpty)
        let ports = try #require(objects.policies.first?.ingress.first?.ports.map { $0.port })
        #expect(ports == [.number(80), .number(15), .number(15), .number(1000), .number(80), .number(80), .number(8), .name("http")])
        let half = Self.problems(Self.policy("""
          podSelector: {}
          ingress:
          - ports: [{port: 80.5}]
        """))
        #expect(half == ["16:20: spec.ingress[0].ports[0].port: must be an integer (int32), not 80.5 (out of range or not whole)"])
    }

    @Test func anInvalidSelectorOperator() {
        let p = Self.problems(Self.policy("""
          podSelector:
            matchExpressions:
            - {key: app, operator: Equals, values: [web]}
        """))
        #expect(p == ["16:28: spec.podSelector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator"])
    }

    @Test func endPortWithoutPort() {
        let p = Self.problems(Self.policy("""
          podSelector: {}
          ingress:
          - ports:
            - {protocol: TCP, endPort: 8080}
        """))
        #expect(p == ["17:32: spec.ingress[0].ports[0].endPort: Invalid value: 8080: may not be specified when `port` is not specified"])
    }

    @Test func endPortBelowPortAndANamedPortRange() {
        let p = Self.problems(Self.policy("""
          ingress:
          - ports:
            - {port: 9000, endPort: 8080}
            - {port: http, endPort: 8080}
        """))
        #expect(p == [
            "16:29: spec.ingress[0].ports[0].endPort: Invalid value: 8080: must be greater than or equal to `port`",
            "17:29: spec.ingress[0].ports[1].endPort: Invalid value: 8080: may not be specified when `port` is non-numeric",
        ])
    }

    @Test func anExceptOutsideItsCIDR() {
        let p = Self.problems(Self.policy("""
          egress:
          - to:
            - ipBlock:
                cidr: 10.0.0.0/16
                except: [10.1.0.0/24, 10.0.0.0/8, 10.0.5.0/24]
        """))
        #expect(p == [
            "18:18: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.1.0.0/24\": must be a strict subset of `cidr`",
            "18:31: spec.egress[0].to[0].ipBlock.except[1]: Invalid value: \"10.0.0.0/8\": must be a strict subset of `cidr`",
        ])
    }

    @Test func aBadCIDRAndAPeerWithIPBlockAndSelector() {
        let p = Self.problems(Self.policy("""
          ingress:
          - from:
            - ipBlock: {cidr: 10.0.0.0/33}
              podSelector: {}
            - {}
        """))
        #expect(p == [
            "16:23: spec.ingress[0].from[0].ipBlock.cidr: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
            "16:7: spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer",
            "18:7: spec.ingress[0].from[1]: Required value: must specify a peer",
        ])
    }

    @Test func aPodWithoutAnIP() {
        let p = Self.problems(Self.namespaces + """
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: prod}
        spec: {containers: [{name: db, image: postgres}]}
        """)
        #expect(p == ["10:1: status.podIP: Required value: pod prod/db has no IP address"])
    }

    @Test func aPolicyInANamespaceThatDoesNotExist() {
        let p = Self.problems(Self.policy("  podSelector: {}", namespace: "staging"))
        #expect(p == ["12:32: namespaces \"staging\" not found"])
    }

    @Test func unknownFieldsAndWrongTypes() {
        let p = Self.problems(Self.policy("""
          podSelector: {}
          ingres: []
          egress:
          - to:
            - namespaceSelector: {matchLabels: {env: 1}}
            ports: [{port: true}]
        """))
        #expect(p == [
            "15:3: strict decoding error: unknown field \"spec.ingres\"",
            "18:46: spec.egress[0].to[0].namespaceSelector.matchLabels.env: must be a string, not a number",
            "19:20: spec.egress[0].ports[0].port: must be a string, not a bool",
        ])
    }

    @Test func protocolsAndPolicyTypesAreChecked() {
        let p = Self.problems(Self.policy("""
          policyTypes: [Ingress, egress]
          ingress:
          - ports: [{protocol: ICMP, port: 0}]
        """))
        #expect(p == [
            "16:24: spec.ingress[0].ports[0].protocol: Unsupported value: \"ICMP\": supported values: \"TCP\", \"UDP\", \"SCTP\"",
            "16:36: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
            "14:26: spec.policyTypes[1]: Unsupported value: \"egress\": supported values: \"Ingress\", \"Egress\"",
        ])
    }

    @Test func aYAMLSyntaxErrorHasAPosition() {
        let p = Self.problems("kind: Namespace\nmetadata: {name: [x\n")
        #expect(p.count == 1)
        #expect(p[0].contains("YAML syntax error"))
    }
}
