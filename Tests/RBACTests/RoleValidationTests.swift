import Diagnostics
import Testing
@testable import RBAC

/// kube-apiserver's validation of Roles (pkg/apis/rbac/validation): a namespaced rule
/// cannot grant non-resource URLs, so the Role is refused; the other objects still load.
@Suite struct RoleValidationTests {
    static let yaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: view-api-server-metrics, namespace: monitoring}
        rules:
        - apiGroups: [""]
          resources: [pods]
          verbs: [get]
        - nonResourceURLs: ["/metrics", "/healthz"]
          verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: metrics-reader}
        rules:
        - nonResourceURLs: ["/metrics"]
          verbs: [get]
        """

    @Test func aRoleWithNonResourceURLsIsRefusedWithUpstreamsMessage() throws {
        let source = SourceFile(name: "metrics.yaml", text: Self.yaml)
        let result = RBACObjectDecoder.decode(source)
        #expect(result.objects.map(\.name) == ["metrics-reader"])
        let d = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1 && d.severity == .error)
        #expect(d.message == #"Role.rbac.authorization.k8s.io "view-api-server-metrics" is invalid: rules[1].nonResourceURLs: Invalid value: []string{"/metrics", "/healthz"}: namespaced rules cannot apply to non-resource URLs"#)
        // Positioned at the rule's nonResourceURLs.
        #expect(source.location(ofByte: try #require(d.span).start).line == 8)
    }
}
