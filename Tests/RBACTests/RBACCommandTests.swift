import ContentFormat
import Foundation
import TestSupport
import Testing

/// `kcsa rbac ...` run as a user runs it: the built binary, its output and exit code.
@Suite struct RBACCommandTests {
    typealias Run = KCSARun

    /// The `kcsa` executable built beside the test bundle.
    static var binary: URL { KCSABinary.url }

    static func kcsa(_ args: [String], stdin: String = "") throws -> Run {
        try KCSABinary.run(args, stdin: stdin, in: SharedRBACVectors.packageRoot, environment: ["KCSA_HOME": KCSABinary.freshHome()])
    }

    static func temp(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-rbac-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A vector's objects as one JSON List file.
    static func objectsFile(_ v: YAMLNode) throws -> String {
        let items = (v["objects"]?.items ?? []).map(\.json).joined(separator: ",")
        return try temp("objects.json", #"{"apiVersion":"v1","kind":"List","items":[\#(items)]}"#)
    }

    static let available = SharedRBACVectors.available && FileManager.default.fileExists(atPath: binary.path)

    @Test(.enabled(if: available, "needs the shared vectors and the built kcsa"))
    func authorizeVectorsThroughTheRequestsBatch() throws {
        let vectors = SharedRBACVectors.vectors(ofKind: "authorize")
        #expect(vectors.count == 50)
        var passed = 0
        for v in vectors {
            let line = #"{"user":\#(v["user"]!.json),"request":\#(v["request"]!.json)}"# + "\n"
            let r = try Self.kcsa(["rbac", "can-i", "--requests", "-", "--no-defaults", "--objects", try Self.objectsFile(v)],
                                  stdin: line)
            let want = v["want"]!
            let allowed = want["allowed"]!.bool! ? "true" : "false"
            let expectedPrefix = #"{"allowed":\#(allowed),"reason":"#
            var ok = r.status == 0 && r.stdout.hasPrefix(expectedPrefix) && r.stdout.hasSuffix("}\n")
            if let reason = want["reason"]?.string {
                ok = ok && r.stdout == expectedPrefix + jsonQuote(reason) + "}\n"
            }
            #expect(ok, "\(v.name): status \(r.status), stdout \(r.stdout), stderr \(r.stderr)")
            if ok { passed += 1 }
        }
        print("rbac authorize vectors through kcsa --requests: \(passed)/\(vectors.count)")
    }

    @Test(.enabled(if: available, "needs the shared vectors and the built kcsa"))
    func canIVectorsThroughTheBinary() throws {
        let vectors = SharedRBACVectors.vectors(ofKind: "canI")
        #expect(vectors.count == 6)
        for v in vectors {
            let want = v["want"]!["stdout"]!.string!
            let r: Run
            if let status = v["status"] {
                // The rules review status, given back to kcsa as one ClusterRole bound to the user.
                let rules = ((status["resourceRules"]?.items ?? []) + (status["nonResourceRules"]?.items ?? []))
                    .map(\.json).joined(separator: ",")
                let file = try Self.temp("list.json", #"""
                {"apiVersion":"v1","kind":"List","items":[
                {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"listed"},"rules":[\#(rules)]},
                {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"listed"},
                 "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"listed"},
                 "subjects":[{"kind":"User","name":"lister"}]}]}
                """#)
                var args = ["rbac", "can-i", "--list", "--as", "lister", "--no-defaults", "--objects", file]
                if v["noHeaders"]?.bool == true { args.append("--no-headers") }
                r = try Self.kcsa(args)
                #expect(r.status == 0)
            } else {
                let q = v["request"]!
                r = try Self.kcsa(["rbac", "can-i", q["verb"]!.string!, q["resource"]!.string!, "-n", q["namespace"]!.string!,
                                   "--as", v["user"]!["name"]!.string!, "--no-defaults", "--objects", try Self.objectsFile(v)])
                #expect(r.status == (want == "yes\n" ? 0 : 1))
            }
            #expect(r.stdout == want, "\(v.name): stderr \(r.stderr)")
        }
    }

    static let team = """
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: pod-reader, namespace: dev}
    rules:
    - {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list, watch]}
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata: {name: alice-reads, namespace: dev}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
    subjects: [{kind: User, name: alice}, {kind: ServiceAccount, name: ci}]
    """

    @Test(.enabled(if: available)) func aCheckAnswersYesOrNoWithTheExitCode() throws {
        let file = try Self.temp("team.yaml", Self.team)
        let yes = try Self.kcsa(["rbac", "can-i", "get", "pods/log", "-n", "dev", "--as", "system:serviceaccount:dev:ci",
                                 "--objects", file, "--explain"])
        #expect(yes.status == 0)
        #expect(yes.stdout.hasPrefix("yes\n"))
        #expect(yes.stdout.contains(#"reason: RBAC: allowed by RoleBinding "alice-reads/dev" of Role "pod-reader" to ServiceAccount "ci/dev""#))
        #expect(yes.stdout.contains("team.yaml:1:1"))
        let no = try Self.kcsa(["rbac", "can-i", "delete", "po", "-n", "dev", "--as", "alice", "--objects", file, "--explain"])
        #expect(no.status == 1)
        #expect(no.stdout.hasPrefix("no\n"))
        #expect(no.stdout.contains(#"lacks: verb "delete" is not in verbs ["get" "list" "watch"]"#))
        let defaults = try Self.kcsa(["rbac", "can-i", "get", "/healthz", "--as", "system:anonymous", "--objects", file])
        #expect(defaults.stdout == "yes\n")
        let none = try Self.kcsa(["rbac", "can-i", "get", "/healthz", "--as", "system:anonymous", "--objects", file, "--no-defaults"])
        #expect(none.stdout == "no\n")
        #expect(none.status == 1)
    }

    @Test(.enabled(if: available)) func badObjectsAreReportedWithPositionsAndExitTwo() throws {
        let file = try Self.temp("bad.yaml", Self.team + """

        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: no-ref, namespace: dev}
        subjects: [{kind: User, name: bob}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: typed}
        rules: [{verbs: get}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Rolebinding
        metadata: {name: x}
        """)
        let r = try Self.kcsa(["rbac", "can-i", "get", "pods", "-n", "dev", "--as", "alice", "--objects", file])
        #expect(r.status == 2)
        #expect(r.stdout == "yes\n", "the other objects still load and answer")
        #expect(r.stderr.contains("error: roleRef: Required value"))
        #expect(r.stderr.contains("bad.yaml:13:1"))
        #expect(r.stderr.contains(#"error: rules[0].verbs: expected array of strings, got string "get""#))
        #expect(r.stderr.contains("bad.yaml:21:17"))
        #expect(r.stderr.contains(#"no matches for kind "Rolebinding""#))
        #expect(r.stderr.contains("did you mean `RoleBinding`?"))
    }

    @Test(.enabled(if: available)) func usageErrorsExitTwo() throws {
        let noObjects = try Self.kcsa(["rbac", "can-i", "get", "pods", "--as", "alice"])
        #expect(noObjects.status == 2)
        #expect(noObjects.stderr.contains("--objects is required"))
        let file = try Self.temp("team.yaml", Self.team)
        let noUser = try Self.kcsa(["rbac", "can-i", "get", "pods", "--objects", file])
        #expect(noUser.status == 2)
        #expect(noUser.stderr.contains("needs --as USER"))
        let missing = try Self.kcsa(["rbac", "can-i", "get", "pods", "--as", "a", "--objects", "no-such-scenario"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or folder, nor a scenario of Labs/scenarios"))
        let listArgs = try Self.kcsa(["rbac", "can-i", "--list", "get", "--as", "a", "--objects", file])
        #expect(listArgs.stderr.contains("list option must be specified with no arguments"))
    }

    @Test(.enabled(if: available)) func checkGrantExitsOneWhenTheAPIServerWouldRefuse() throws {
        let file = try Self.temp("team.yaml", Self.team)
        let attempt = try Self.temp("attempt.yaml", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: more, namespace: dev}
        rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
        """)
        let refused = try Self.kcsa(["rbac", "check-grant", attempt, "--as", "alice", "--objects", file])
        #expect(refused.status == 1)
        #expect(refused.stdout == """
        forbidden: roles.rbac.authorization.k8s.io "more" is forbidden: user "alice" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:
        {APIGroups:[""], Resources:["secrets"], Verbs:["get"]}
        (decided by: covers)

        """)
        let masters = try Self.kcsa(["rbac", "check-grant", attempt, "--as", "root", "--as-group", "system:masters", "--objects", file])
        #expect(masters.status == 0)
        #expect(masters.stdout == "allowed: Role \"more\" in namespace \"dev\" (decided by: system:masters)\n")
        let ghost = try Self.temp("ghost.yaml", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: ghost, namespace: dev}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: missing}
        subjects: [{kind: User, name: carol}]
        """)
        let notFound = try Self.kcsa(["rbac", "check-grant", ghost, "--as", "alice", "--objects", file])
        #expect(notFound.status == 1)
        #expect(notFound.stdout == "forbidden: roles.rbac.authorization.k8s.io \"missing\" not found\n(decided by: roleRef)\n")
    }

    @Test(.enabled(if: available)) func whoCanNamesTheBinding() throws {
        let file = try Self.temp("team.yaml", Self.team)
        let r = try Self.kcsa(["rbac", "who-can", "list", "pods", "-n", "dev", "--no-defaults", "--objects", file])
        #expect(r.status == 0)
        #expect(r.stdout == """
        SUBJECT                 BINDING                       ROLE
        User alice              RoleBinding dev/alice-reads   Role pod-reader
        ServiceAccount dev/ci   RoleBinding dev/alice-reads   Role pod-reader

        """)
        #expect(r.stdout.contains("ServiceAccount dev/ci"))
        let nobody = try Self.kcsa(["rbac", "who-can", "delete", "pods", "-n", "dev", "--no-defaults", "--objects", file])
        #expect(nobody.status == 1)
    }
}
