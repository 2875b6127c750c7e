import ContentFormat
import Diagnostics
import KubeAudit
import PodSecurity

/// Pod Security admission for simulated requests, as kube-apiserver's PodSecurity plugin
/// runs it (plugin/pkg/admission/security/podsecurity, pod-security-admission v0.36.2
/// admission/admission.go): on creates and updates (PATCH is an update) of pods and of the
/// resources with a pod template, after authentication and authorization, with the labels
/// of the request's namespace. Pods are enforced; controllers are only audited and warned.
public enum PodAdmission {
    /// What the plugin did to one request.
    public struct Outcome: Sendable, Equatable {
        /// The audit annotations it added, with the `pod-security.kubernetes.io/` prefix.
        public var annotations: [String: String]
        /// The warnings returned to the client (`Warning:` headers; never in the audit event).
        public var warnings: [String]
        /// `pods "x" is forbidden: violates PodSecurity "baseline:latest": ...` when the
        /// enforce level refused the pod.
        public var forbidden: String?
    }

    /// The resources the plugin looks at: pods, and the pod controllers of
    /// admission.go's defaultPodSpecResources.
    static let controllerResources: Set<String> = ["podtemplates", "replicationcontrollers", "replicasets", "deployments",
                                                   "statefulsets", "daemonsets", "jobs", "cronjobs"]

    /// The engine, configured as kube-apiserver's default: privileged defaults, no exemptions.
    static let engine = PodSecurityAdmission()

    /// The object each pod-bearing body kind decodes to (decoded once; the name is set per request).
    static let objects: [String: PodSecurityObject] = {
        var out: [String: PodSecurityObject] = [:]
        let context = Bodies.Context(namespace: "ns", name: "name", uid: "", resourceVersion: "", creationTimestamp: "")
        for kind in Bodies.typeOf.keys.sorted() {
            guard let json = Bodies.object(kind, context),
                  let node = try? YAMLReader.read(SourceFile(name: kind, text: json)),
                  case .object(let o)? = ObjectDecoder.decode(node).first, o.podSpec != nil else { continue }
            out[kind] = o
        }
        return out
    }()

    /// Whether a request with this scenario status reaches validating admission: it was
    /// authenticated and authorized, and did not fail before admission (a 404 from
    /// NamespaceLifecycle, a 422 from validation, a 429 from the filters); a 409 comes from
    /// storage, after admission.
    static func reachesAdmission(status: Int) -> Bool {
        (200..<300).contains(status) || status == 409 || status >= 500
    }

    /// The plugin's outcome for a request, or nil when it does not look at the request.
    /// `name` is the object's name (the one generated for a create without one).
    public static func admit(_ r: SimRequest, _ a: RequestAttributes, name: String,
                             labels: [String: String]) -> Outcome? {
        guard r.status != 401, reachesAdmission(status: r.status), a.resourceRequest, a.apiGroupIsWorkload,
              ["create", "update", "patch"].contains(a.verb),
              a.resource == "pods" || controllerResources.contains(a.resource),
              let kind = r.body, var object = objects[kind] else { return nil }
        object.name = name
        object.namespace = a.namespace
        object.podMetadata.name = name
        let create = a.verb == "create"
        // An update replaces the stored object, built from the same body: only a different
        // container set or image would make it significant.
        let request = AdmissionRequest(object: object, namespace: a.namespace, namespaceLabels: labels,
                                       userName: r.impersonate ?? r.user?.username ?? "",
                                       operation: create ? .create : .update, oldObject: create ? nil : object,
                                       subresource: a.subresource)
        let response = engine.validate(request)
        var annotations: [String: String] = [:]
        for (key, value) in response.auditAnnotations { annotations[key] = value }
        return Outcome(annotations: annotations, warnings: response.warnings,
                       forbidden: response.allowed ? nil : response.forbiddenError)
    }

    /// The `details` of the Status for a refused pod (apierrors.NewForbidden: name, kind = resource).
    static func forbiddenDetails(name: String) -> String {
        #"{"name":\#(GoQuote.json(name)),"kind":"pods"}"#
    }
}

extension RequestAttributes {
    /// Pods live in the core group; the controllers in apps, batch and core.
    var apiGroupIsWorkload: Bool { apiGroup.isEmpty || apiGroup == "apps" || apiGroup == "batch" }
}
