import Diagnostics
import PodSecurity
import RBAC

/// Kubernetes objects as the pss, rbac and netpol commands read them.
enum ObjectFuzz {
    /// Pod manifests (checked at every level) and the same bytes as a namespace file.
    @Sendable static func pss(_ data: UnsafeRawBufferPointer) {
        let source = FuzzTarget.source(data, name: "pod.yaml")
        for entry in ManifestReader.read(source) {
            switch entry.result {
            case .object(let object):
                for level in [PodSecurityLevel.baseline, .restricted] {
                    _ = CheckRegistry.standard.evaluate(LevelVersion(level), object.podMetadata, object.podSpec ?? PodSpec())
                }
                FuzzTarget.render(object.warnings, source)
            case .invalid(let diagnostics):
                FuzzTarget.render(diagnostics, source)
            case .skipped:
                break
            }
        }
        let file = NamespaceFile.read(source)
        FuzzTarget.render(file.diagnostics, source)
        let admission = PodSecurityAdmission(configuration: file.configuration ?? PodSecurityConfiguration())
        for ns in file.namespaces {
            _ = admission.validateNamespace(name: ns.name, labels: ns.labels, oldLabels: nil)
        }
    }

    /// RBAC objects, then the authorizer over them answering a few requests.
    @Sendable static func rbac(_ data: UnsafeRawBufferPointer) {
        let source = FuzzTarget.source(data, name: "rbac.yaml")
        let result = RBACObjectDecoder.decode(source)
        FuzzTarget.render(result.diagnostics, source)
        let authorizer = RBACAuthorizer(objects: result.objects)
        let users = [UserInfo(name: "alice", groups: ["system:authenticated"]),
                     UserInfo(name: "system:serviceaccount:default:app", groups: ["system:serviceaccounts"])]
        let requests = [AuthorizationRequest(verb: "get", resource: "pods", namespace: "default"),
                        AuthorizationRequest(verb: "create", apiGroup: "apps", resource: "deployments", namespace: "prod"),
                        AuthorizationRequest(verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles"),
                        .nonResource(verb: "get", path: "/healthz")]
        for user in users {
            for request in requests { _ = authorizer.authorize(request, as: user) }
        }
    }
}
