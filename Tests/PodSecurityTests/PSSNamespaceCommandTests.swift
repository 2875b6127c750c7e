import Foundation
import Testing

/// `kcsa pss check --namespace` and `kcsa pss explain`, through the binary.
@Suite struct PSSNamespaceCommandTests {
    typealias T = PSSCommandTests

    static let namespace = """
    apiVersion: v1
    kind: Namespace
    metadata:
      name: prod
      labels:
        pod-security.kubernetes.io/enforce: baseline
        pod-security.kubernetes.io/warn: restricted
        pod-security.kubernetes.io/audit: restricted
        pod-security.kubernetes.io/audit-version: v1.99
    """

    static let workloads = """
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      hostNetwork: true
      containers: [{name: nginx, ports: [{containerPort: 80}]}]
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: backup}
    spec:
      schedule: "@daily"
      jobTemplate:
        spec:
          template:
            spec:
              hostPID: true
              containers: [{name: b}]
    """

    @Test func podsAreEnforcedControllersWarnedBothAudited() throws {
        let ns = try T.temp("ns.yaml", Self.namespace)
        let files = try T.temp("w.yaml", Self.workloads)
        let r = try T.kcsa(["pss", "check", "--namespace", ns, files])
        #expect(r.status == 1)
        let baseline = "host namespaces (hostNetwork=true), hostPort (container \"nginx\" uses hostPort 80)"
        let restrictedWeb = baseline + ", allowPrivilegeEscalation != false (container \"nginx\" must set "
            + "securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container \"nginx\" must set "
            + "securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true (pod or container \"nginx\" must set "
            + "securityContext.runAsNonRoot=true), seccompProfile (pod or container \"nginx\" must set "
            + "securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"
        let restrictedBackup = "host namespaces (hostPID=true), allowPrivilegeEscalation != false (container \"b\" must set "
            + "securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container \"b\" must set "
            + "securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true (pod or container \"b\" must set "
            + "securityContext.runAsNonRoot=true), seccompProfile (pod or container \"b\" must set "
            + "securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"
        #expect(r.lines == [
            "\(files): Pod/web: Error from server (Forbidden): error when creating \"\(files)\": pods \"web\" is forbidden: "
                + "violates PodSecurity \"baseline:latest\": \(baseline)",
            "\(files): Pod/web:   audit annotation pod-security.kubernetes.io/audit-violations: would violate PodSecurity "
                + "\"restricted:v1.99\": \(restrictedWeb)",
            "\(files): Pod/web:   audit annotation pod-security.kubernetes.io/enforce-policy: baseline:latest",
            "\(files): CronJob/backup: Warning: would violate PodSecurity \"restricted:latest\": \(restrictedBackup)",
            "\(files): CronJob/backup: allowed",
            "\(files): CronJob/backup:   audit annotation pod-security.kubernetes.io/audit-violations: would violate "
                + "PodSecurity \"restricted:v1.99\": \(restrictedBackup)",
        ])
        let json = try T.kcsa(["pss", "check", "--namespace", ns, "--json", files])
        let objects = try json.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count == 2)
        #expect(objects[0]["enforce"] as? String == "baseline:latest")
        #expect(objects[0]["allowed"] as? Bool == false)
        #expect((objects[0]["warnings"] as? [String]) == [])
        #expect(objects[1]["enforce"] is NSNull)
        #expect(objects[1]["allowed"] as? Bool == true)
        #expect((objects[1]["warnings"] as? [String])?.count == 1)
        #expect((objects[1]["auditAnnotations"] as? [String: String])?.keys.sorted() == ["pod-security.kubernetes.io/audit-violations"])
    }

    @Test func exemptionsComeFromThePodSecurityConfiguration() throws {
        let ns = try T.temp("ns.yaml", Self.namespace + """

        ---
        apiVersion: pod-security.admission.config.k8s.io/v1
        kind: PodSecurityConfiguration
        exemptions:
          usernames: [ci-bot]
          runtimeClasses: [kata]
        """)
        let pod = try T.temp("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostIPC: true, runtimeClassName: kata, containers: [{name: a}]}\n")
        let r = try T.kcsa(["pss", "check", "--namespace", ns, pod])
        #expect(r.status == 0)
        #expect(r.lines == ["\(pod): Pod/p: allowed", "\(pod): Pod/p:   audit annotation pod-security.kubernetes.io/exempt: runtimeClass"])
        let other = try T.temp("q.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec: {hostIPC: true, containers: [{name: a}]}\n")
        let user = try T.kcsa(["pss", "check", "--namespace", ns, "--user", "ci-bot", other])
        #expect(user.lines == ["\(other): Pod/q: allowed", "\(other): Pod/q:   audit annotation pod-security.kubernetes.io/exempt: user"])
        #expect(try T.kcsa(["pss", "check", "--namespace", ns, other]).status == 1)
    }

    @Test func aLabelChangeReportsTheExistingPods() throws {
        let ns = try T.temp("ns.yaml", """
        apiVersion: v1
        kind: Namespace
        metadata: {name: prod, labels: {pod-security.kubernetes.io/enforce: privileged}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: prod, labels: {pod-security.kubernetes.io/enforce: baseline}}
        """)
        let pods = try T.temp("pods.yaml", (1...3).map { "apiVersion: v1\nkind: Pod\nmetadata: {name: web-\($0)}\nspec: {hostNetwork: true, containers: [{name: a}]}\n" }
            .joined(separator: "---\n") + "---\n" + T.goodPod)
        let r = try T.kcsa(["pss", "check", "--namespace", ns, pods])
        #expect(r.status == 0)
        #expect(r.lines == [
            "Warning: existing pods in namespace \"prod\" violate the new PodSecurity enforce level \"baseline:latest\"",
            "Warning: web-1 (and 2 other pods): host namespaces",
            "namespace/prod labeled",
        ])
    }

    @Test func explainGoesCheckByCheck() throws {
        let pod = try T.temp("p.yaml", T.barePod)
        let r = try T.kcsa(["pss", "explain", "--version", "v1.22", pod])
        #expect(r.status == 1)
        #expect(r.lines.first == "\(pod): Pod/bare at restricted:v1.22")
        func padded(_ id: String) -> String { id.padding(toLength: 28, withPad: " ", startingAt: 0) }
        #expect(r.stdout.contains("  PASS  \(padded("privileged"))privileged containers are not allowed\n"))
        #expect(r.stdout.contains("  FAIL  \(padded("runAsNonRoot"))runAsNonRoot != true: pod or container \"a\" must set "
                                  + "securityContext.runAsNonRoot=true\n"))
        #expect(r.stdout.contains("change spec.securityContext.runAsNonRoot, spec.containers[*].securityContext.runAsNonRoot"))
        #expect(r.stdout.contains("  ----  \(padded("hostPathVolumes"))replaced at restricted by restrictedVolumes\n"))
        #expect(r.stdout.contains("  ----  \(padded("runAsUser"))not in v1.22 (from v1.23)\n"))
        #expect(r.stdout.contains("  ----  \(padded("hostProbesAndHostLifecycle"))not in v1.22 (from v1.34)\n"))
        var result: String = "Result: violates PodSecurity \"restricted:v1.22\": allowPrivilegeEscalation != false "
        result += "(container \"a\" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities "
        result += "(container \"a\" must set securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true "
        result += "(pod or container \"a\" must set securityContext.runAsNonRoot=true), seccompProfile "
        result += "(pod or container \"a\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"
        #expect(r.lines.last == result)
    }
}
