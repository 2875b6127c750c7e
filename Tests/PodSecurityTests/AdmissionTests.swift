import ContentFormat
import Diagnostics
import Testing
@testable import PodSecurity

/// The admission plugin's decisions (admission/admission.go), as values.
@Suite struct AdmissionTests {
    static func pod(_ yaml: String) throws -> PodSecurityObject {
        let entries = ManifestReader.read(SourceFile(name: "t.yaml", text: yaml))
        guard case .object(let o)? = entries.first?.result else { throw VectorError("not an object: \(entries)") }
        return o
    }

    static let hostNetworkPod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {hostNetwork: true, containers: [{name: a, image: nginx}]}\n"

    let admission = PodSecurityAdmission()

    @Test func aRefusedPodGetsNoWarningButIsAudited() throws {
        let r = admission.validate(AdmissionRequest(object: try Self.pod(Self.hostNetworkPod), namespace: "prod",
                                                    namespaceLabels: [PodSecurityLabels.enforce: "baseline",
                                                                      PodSecurityLabels.audit: "baseline"]))
        #expect(!r.allowed)
        #expect(r.message == "violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)")
        #expect(r.forbiddenError == "pods \"web\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)")
        #expect(r.warnings.isEmpty, "warn is raised to baseline, but a refused request gets no warnings")
        #expect(r.annotation(PodSecurityAnnotations.enforcePolicy) == "baseline:latest")
        #expect(r.annotation(PodSecurityAnnotations.auditViolations) == "would violate PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)")
    }

    @Test func controllersAreNeverEnforced() throws {
        let d = try Self.pod("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {spec: {hostPID: true, containers: [{name: a}]}}}\n")
        let r = admission.validate(AdmissionRequest(object: d, namespace: "prod", namespaceLabels: [PodSecurityLabels.enforce: "restricted"]))
        #expect(r.allowed)
        #expect(r.annotation(PodSecurityAnnotations.enforcePolicy) == nil)
        #expect(r.warnings.count == 1, "warn follows the enforce label")
        #expect(r.warnings[0].hasPrefix("would violate PodSecurity \"restricted:latest\": host namespaces (hostPID=true), allowPrivilegeEscalation"))
        // Warn and audit privileged: nothing is evaluated for a controller.
        let quiet = admission.validate(AdmissionRequest(object: d, namespace: "prod", namespaceLabels: [:]))
        #expect(quiet.warnings.isEmpty && quiet.auditAnnotations.isEmpty)
    }

    @Test func aFullyPrivilegedNamespaceShortCircuits() throws {
        let r = admission.validate(AdmissionRequest(object: try Self.pod(Self.hostNetworkPod), namespace: "dev", namespaceLabels: [:]))
        #expect(r.allowed)
        #expect(r.auditAnnotations.map(\.key) == [PodSecurityAnnotations.enforcePolicy])
        #expect(r.annotation(PodSecurityAnnotations.enforcePolicy) == "privileged:latest")
    }

    @Test func invalidLabelsFailClosedAndSaySo() throws {
        let r = admission.validate(AdmissionRequest(object: try Self.pod(Self.hostNetworkPod), namespace: "prod",
                                                    namespaceLabels: [PodSecurityLabels.enforce: "Baseline",
                                                                      PodSecurityLabels.auditVersion: "v2"]))
        #expect(!r.allowed)
        #expect(r.message?.hasPrefix("violates PodSecurity \"restricted:latest\"") == true)
        #expect(r.annotation(PodSecurityAnnotations.error) == "Failed to parse policy: [metadata.labels[pod-security.kubernetes.io/enforce]: "
                + "Invalid value: \"Baseline\": must be one of privileged, baseline, restricted, "
                + "metadata.labels[pod-security.kubernetes.io/audit-version]: Invalid value: \"v2\": must be \"latest\" or \"v1.x\"]")
        #expect(r.warnings.isEmpty)
    }

    @Test func exemptionsAreAnnotated() throws {
        let config = PodSecurityConfiguration(exemptions: .init(usernames: ["admin"], namespaces: ["kube-system"], runtimeClasses: ["kata"]))
        let a = PodSecurityAdmission(configuration: config)
        let labels = [PodSecurityLabels.enforce: "restricted"]
        let pod = try Self.pod(Self.hostNetworkPod)
        #expect(a.validate(AdmissionRequest(object: pod, namespace: "kube-system", namespaceLabels: labels)).annotation(PodSecurityAnnotations.exempt) == "namespace")
        #expect(a.validate(AdmissionRequest(object: pod, namespace: "prod", namespaceLabels: labels, userName: "admin")).annotation(PodSecurityAnnotations.exempt) == "user")
        var kata = pod
        kata.podSpec?.runtimeClassName = "kata"
        let r = a.validate(AdmissionRequest(object: kata, namespace: "prod", namespaceLabels: labels))
        #expect(r.allowed && r.annotation(PodSecurityAnnotations.exempt) == "runtimeClass")
        #expect(!a.validate(AdmissionRequest(object: pod, namespace: "prod", namespaceLabels: labels)).allowed)
    }

    @Test func updatesThatChangeNoImageAreNotEvaluated() throws {
        let pod = try Self.pod(Self.hostNetworkPod)
        let labels = [PodSecurityLabels.enforce: "baseline"]
        var relabelled = pod
        relabelled.podMetadata.annotations["x"] = "y"
        #expect(admission.validate(AdmissionRequest(object: relabelled, namespace: "p", namespaceLabels: labels,
                                                    operation: .update, oldObject: pod)).allowed)
        var newImage = pod
        newImage.podSpec?.containers[0].image = "nginx:2"
        #expect(!admission.validate(AdmissionRequest(object: newImage, namespace: "p", namespaceLabels: labels,
                                                     operation: .update, oldObject: pod)).allowed)
        #expect(admission.validate(AdmissionRequest(object: pod, namespace: "p", namespaceLabels: labels, subresource: "status")).allowed)
    }

    @Test func namespaceLabelChanges() throws {
        let pods = try (1...3).map { try Self.pod(Self.hostNetworkPod.replacingOccurrences(of: "name: web", with: "name: web-\($0)")) }
            + [try Self.pod("apiVersion: v1\nkind: Pod\nmetadata: {name: a-priv}\nspec: {containers: [{name: a, securityContext: {privileged: true}}]}\n")]
        let r = admission.validateNamespace(name: "prod", labels: [PodSecurityLabels.enforce: "baseline"],
                                            oldLabels: [:], existingPods: pods)
        #expect(r.allowed)
        #expect(r.warnings == [
            "existing pods in namespace \"prod\" violate the new PodSecurity enforce level \"baseline:latest\"",
            "a-priv: privileged",
            "web-1 (and 2 other pods): host namespaces",
        ])
        // Relaxing at the same version, or going privileged, checks nothing.
        #expect(admission.validateNamespace(name: "prod", labels: [PodSecurityLabels.enforce: "baseline"],
                                            oldLabels: [PodSecurityLabels.enforce: "restricted"], existingPods: pods).warnings.isEmpty)
        let invalid = admission.validateNamespace(name: "prod", labels: [PodSecurityLabels.enforce: "strict"], oldLabels: [:])
        #expect(!invalid.allowed)
        #expect(invalid.error == "Namespace \"prod\" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: "
                + "Invalid value: \"strict\": must be one of privileged, baseline, restricted")
        let exempt = PodSecurityAdmission(configuration: .init(exemptions: .init(namespaces: ["prod"])))
        #expect(exempt.validateNamespace(name: "prod", labels: [PodSecurityLabels.enforce: "baseline"], oldLabels: nil).warnings
                == ["namespace \"prod\" is exempt from Pod Security, and the policy (enforce=baseline:latest) will be ignored"],
                "the raised warn level is not named: it has no label")
    }

    @Test func theEmulatedVersionCapsLatest() throws {
        let pod = try Self.pod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, startupProbe: {httpGet: {host: localhost, port: 80}}}]}\n")
        let emulated = CheckRegistry(checks: CheckRegistry.standard.checks, emulatedMinor: 33)
        #expect(emulated.evaluate(LevelVersion(.baseline), pod.podMetadata, pod.podSpec!).allowed)
        let r = CheckRegistry.standard.evaluate(LevelVersion(.baseline), pod.podMetadata, pod.podSpec!)
        #expect(r.enforceMessage == "violates PodSecurity \"baseline:latest\": probe or lifecycle host (container \"a\" uses probe or lifecycle host \"localhost\")")
    }
}
