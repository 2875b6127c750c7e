import Foundation
import Testing

/// Bad input: a clear, positioned error and exit 2, and every other document still evaluated.
@Suite struct PSSBadInputTests {
    typealias T = PSSCommandTests

    @Test func aPodWithWrongTypes() throws {
        let path = try T.temp("types.yaml", T.goodPod + "\n---\n" + """
        apiVersion: v1
        kind: Pod
        metadata: {name: typed}
        spec:
          hostPID: "true"
          containers:
          - name: a
            securityContext: {runAsUser: root, privileged: 1}
            ports: [{containerPort: 80, hostPort: 3000000000}]
        """ + "\n---\n" + T.barePod)
        let r = try T.kcsa(["pss", "check", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal string "
                                  + "into Go struct field PodSpec.spec.hostPID of type bool"))
        #expect(r.stderr.contains("--> \(path):15:12"))
        #expect(r.stderr.contains("15 |   hostPID: \"true\"\n   |            ^^^^^^ expected true or false"))
        #expect(r.stderr.contains("cannot unmarshal string into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64"))
        #expect(r.stderr.contains("cannot unmarshal number into Go struct field SecurityContext.spec.containers.securityContext.privileged of type bool"))
        #expect(r.stderr.contains("cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.containers.ports.hostPort of type int32"))
        #expect(r.lines.count == 2)
        #expect(r.lines[0] == "\(path): Pod/good: allowed")
        #expect(r.lines[1].hasPrefix("\(path): Pod/bare: violates PodSecurity"))
    }

    @Test func anUnknownKindAndThingsThatAreNotObjects() throws {
        let path = try T.temp("kinds.yaml", """
        apiVersion: apps/v1
        kind: Deploymnet
        metadata: {name: d}
        ---
        - just
        - a list
        ---
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata: {name: old}
        ---
        kind: Pod
        metadata: {name: noversion}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc}
        ---
        """ + "\n" + T.goodPod)
        let r = try T.kcsa(["pss", "check", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: no matches for kind \"Deploymnet\" in version \"apps/v1\"\n --> \(path):2:7"))
        #expect(r.stderr.contains("help: did you mean Deployment?"))
        #expect(r.stderr.contains("error: not a Kubernetes object: the document is an array, not a mapping\n --> \(path):5:1"))
        #expect(r.stderr.contains("error: no matches for kind \"Deployment\" in version \"extensions/v1beta1\""))
        #expect(r.stderr.contains("help: kube-apiserver 1.36 serves Deployment as `apiVersion: apps/v1`"))
        #expect(r.stderr.contains("error: not a Kubernetes object: apiVersion not set"))
        #expect(r.stderr.contains("note: Service/svc has no pod template; not checked"))
        #expect(r.lines == ["\(path): Pod/good: allowed"])
    }

    @Test func aTenMegabyteManifestListIsEvaluated() throws {
        var items: [String] = []
        var size = 0
        var n = 0
        while size < 10 << 20 {
            n += 1
            let item = """
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: web-\(n), namespace: prod, labels: {app: web-\(n), tier: frontend}}
              spec:
                replicas: 3
                selector: {matchLabels: {app: web-\(n)}}
                template:
                  metadata: {labels: {app: web-\(n)}}
                  spec:
                    securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                    initContainers:
                    - {name: init, image: busybox, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}
                    containers:
                    - name: web
                      image: registry.example.com/web:\(n)
                      ports: [{containerPort: 8080}]
                      env: [{name: MODE, value: production}, {name: REGION, value: eu-west-1}]
                      securityContext: {allowPrivilegeEscalation: \(n % 5 == 0 ? "true" : "false"), capabilities: {drop: [ALL]}}
                    volumes: [{name: data, emptyDir: {}}, {name: cfg, configMap: {name: web-\(n)}}]

            """
            size += item.utf8.count
            items.append(item)
        }
        let path = try T.temp("list.yaml", "apiVersion: v1\nkind: List\nitems:\n" + items.joined())
        let r = try T.kcsa(["pss", "check", path])
        #expect(r.status == 1)
        #expect(r.stderr.isEmpty)
        #expect(r.lines.count == n)
        #expect(r.lines.filter { $0.hasSuffix(": allowed") }.count == n - n / 5)
        #expect(r.lines[4] == "\(path): Deployment/web-5: violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false "
                + "(container \"web\" must set securityContext.allowPrivilegeEscalation=false)")
    }

    @Test func aYAMLAliasBombIsRefusedAndTheOtherDocumentsEvaluated() throws {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        var previous = "a"
        for c in "bcdefghi" {
            lines.append("\(c): &\(c) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
            previous = String(c)
        }
        let path = try T.temp("bomb.yaml", T.goodPod + "\n---\n" + lines.joined(separator: "\n") + "\n---\n" + T.barePod)
        let r = try T.kcsa(["pss", "check", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: the document expands to more than 2000000 nodes (aliases?)"))
        #expect(r.stderr.contains("--> \(path):11:"))
        #expect(r.lines.count == 2)
        #expect(r.lines[0] == "\(path): Pod/good: allowed")
        #expect(r.lines[1].hasPrefix("\(path): Pod/bare: violates"))
    }

    @Test func anEmptyFileAndAnUnreadableOne() throws {
        let empty = try T.temp("empty.yaml", "")
        let good = try T.temp("good.yaml", T.goodPod)
        let r = try T.kcsa(["pss", "check", empty, "/nonexistent/pod.yaml", good])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: no Kubernetes objects in \(empty): the file is empty"))
        #expect(r.stderr.contains("kcsa: cannot read /nonexistent/pod.yaml: no such file"))
        #expect(r.lines == ["\(good): Pod/good: allowed"])
        let comments = try T.temp("c.yaml", "# nothing here\n---\n")
        #expect(try T.kcsa(["pss", "check", comments]).status == 2)
    }

    @Test func aYAMLSyntaxErrorHasACaretAndTheNextDocumentsStillRun() throws {
        let path = try T.temp("syntax.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n---\n" + T.goodPod)
        let r = try T.kcsa(["pss", "check", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: YAML syntax error"))
        #expect(r.stderr.contains("--> \(path):"))
        #expect(r.stderr.contains("^"))
        #expect(r.lines == ["\(path): Pod/good: allowed"])
    }

    @Test(arguments: [
        (["--level", "strict"], "unknown level \"strict\": must be one of privileged, baseline, restricted"),
        (["--version", "1.35"], "invalid version \"1.35\": must be \"latest\" or \"v1.x\""),
        (["--version", "v1.01"], "invalid version \"v1.01\""),
    ])
    func badOptionsAreUsageErrors(_ args: [String], _ message: String) throws {
        let good = try T.temp("good.yaml", T.goodPod)
        let r = try T.kcsa(["pss", "check"] + args + [good])
        #expect(r.status == 2)
        #expect(r.stderr.contains(message))
        #expect(r.stdout.isEmpty)
    }
}
