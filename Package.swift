// swift-tools-version: 6.0
import PackageDescription

/// The JSON reader, jq and its command line are the hot path of `kcsa jq` on large logs.
/// Release builds of them skip Swift's run-time exclusivity checks (debug builds, which the
/// tests use, keep them, so an overlapping access is still caught there).
let fastPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "kcsa",
    // Linux only: the terminal and file layers use Glibc and libedit (see README).
    products: [
        .executable(name: "kcsa", targets: ["kcsa"]),
        // The fuzz entry points, for the libFuzzer executables of the separate Fuzz/ package.
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Foundations: positions and rendering, then JSON values.
        .target(name: "Diagnostics"),
        .target(name: "JSONValue", dependencies: [
            "Diagnostics", .product(name: "OrderedCollections", package: "swift-collections"),
        ], swiftSettings: fastPath),

        // Engines: jq and the kube-apiserver audit semantics.
        // Closure specialisation runs for tens of minutes on the interpreter in -O builds;
        // turning that one optimizer pass off keeps release builds to about a minute.
        .target(name: "JQ", dependencies: ["JSONValue", "Diagnostics"],
                swiftSettings: [.unsafeFlags(["-Xllvm", "-sil-disable-pass=closure-specialize"])] + fastPath),
        // The seeded generator shared by the simulator, exams and class variants.
        .target(name: "Seeded"),

        // One positioned YAML reader for every content file and Kubernetes object.
        .target(name: "ContentFormat", dependencies: [
            "Diagnostics", .product(name: "Yams", package: "Yams"),
        ]),

        // jq's command line: options, input readers, --stream/--seq, output, exit codes.
        .target(name: "JQCLI", dependencies: ["JQ", "JSONValue", "Diagnostics"], swiftSettings: fastPath),

        // Pod Security Admission (pod-security-admission v0.36.2): checks, messages, namespace labels.
        .target(name: "PodSecurity", dependencies: ["Diagnostics", "ContentFormat"]),

        .target(name: "KubeAudit", dependencies: [
            "Diagnostics", "ContentFormat", "JSONValue",
            .product(name: "Yams", package: "Yams"),
        ]),

        // NetworkPolicy reachability: label selectors, validation, truth tables, explanations.
        .target(name: "NetworkPolicy", dependencies: ["Diagnostics", "ContentFormat"]),

        // The RBAC authorizer: rule matching, resolution, aggregation, escalation checks, can-i.
        .target(name: "RBAC", dependencies: ["Diagnostics", "ContentFormat"]),

        // A simulated cluster: scenarios -> request streams -> audit events.
        .target(name: "ClusterSim", dependencies: [
            "KubeAudit", "Seeded", "ContentFormat", "Diagnostics", "PodSecurity", "RBAC", "NetworkPolicy",
        ]),

        // Course content: the question bank and exam practice.
        .target(name: "Exam", dependencies: [
            "ClusterSim", "Seeded", "KubeAudit", "JQ", "JSONValue", "Diagnostics", "ContentFormat",
        ]),

        // Scenario labs: the catalog, and the graders for policy, fix, query and predict labs.
        .target(name: "Labs", dependencies: [
            "KubeAudit", "ClusterSim", "JQ", "JSONValue", "Diagnostics", "ContentFormat", "PodSecurity", "NetworkPolicy",
            "RBAC",
            .product(name: "Yams", package: "Yams"),
        ]),

        // The learner's progress in SQLite.
        // Review cards are scheduled by Exam's ReviewScheduler.
        .target(name: "Progress", dependencies: ["Exam", .product(name: "GRDB", package: "GRDB.swift")]),

        // Instructor-led classes: class files, rosters, variants, submissions, re-grading,
        // the gradebook (GRDB) and the exports (docs/CLASSES.md).
        .target(name: "Classroom", dependencies: [
            "Labs", "Exam", "Seeded", "ContentFormat", "Diagnostics", "JSONValue",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // The terminal: libedit line editing (plain reading without a TTY).
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "Terminal", dependencies: ["CLibEdit"]),

        // The learner's workflow: the session as a value over injected I/O, one command table,
        // its two drivers (terminal and piped), renderers, state locations, the content check.
        .target(name: "Trainer", dependencies: [
            "KubeAudit", "ClusterSim", "JQ", "JQCLI", "JSONValue", "Exam", "Labs", "Progress", "Terminal", "Diagnostics",
            "ContentFormat", "PodSecurity", "NetworkPolicy", "Classroom",
        ]),

        // Command line.
        .target(name: "KCSACLI", dependencies: [
            "KubeAudit", "ClusterSim", "JQ", "JQCLI", "JSONValue", "Exam", "Labs", "Progress", "Terminal", "Trainer",
            "Diagnostics", "Seeded", "NetworkPolicy", "PodSecurity", "RBAC", "ContentFormat", "Classroom",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "kcsa", dependencies: ["KCSACLI"]),

        // Fuzz entry points (bytes in, nothing out, never a crash); Fuzz/ links them with libFuzzer.
        .target(name: "FuzzTargets", dependencies: [
            "JSONValue", "JQ", "KubeAudit", "Labs", "Exam", "ClusterSim", "PodSecurity", "RBAC", "NetworkPolicy",
            "ContentFormat", "Diagnostics",
        ]),

        // Benchmarks print figures; run them with `swift run -c release kcsa-bench`.
        .executableTarget(name: "kcsa-bench", dependencies: ["KubeAudit", "ClusterSim", "JQ", "JSONValue", "Diagnostics", "Labs",
                                                           "Seeded", "NetworkPolicy", "PodSecurity", "RBAC", "ContentFormat", "Progress",
                                                           "Classroom", "Exam", .product(name: "GRDB", package: "GRDB.swift")],
                          path: "Benchmarks/kcsa-bench"),

        // Tests mirror Sources/; TestSupport holds the scripted terminal and the shared-folder locator.
        .target(name: "TestSupport", dependencies: ["Terminal"], path: "Tests/TestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "JSONValueTests", dependencies: ["JSONValue"]),
        .testTarget(name: "ContentFormatTests", dependencies: ["ContentFormat", "Diagnostics"]),
        .testTarget(name: "JQTests", dependencies: ["JQ", "JSONValue", "TestSupport"]),
        .testTarget(name: "JQCLITests", dependencies: ["JQCLI", "JQ", "JSONValue"]),
        .testTarget(name: "KubeAuditTests", dependencies: ["KubeAudit", "ClusterSim", "Diagnostics", "Seeded", "TestSupport"]),
        .testTarget(name: "ClusterSimTests", dependencies: ["ClusterSim", "KubeAudit", "JSONValue", "ContentFormat", "Diagnostics",
                                                         "PodSecurity", "RBAC", "NetworkPolicy"]),
        .testTarget(name: "ExamTests", dependencies: ["Exam", "KubeAudit", "JQ", "JSONValue", "Diagnostics", "ContentFormat"]),
        .testTarget(name: "LabsTests", dependencies: ["Labs", "KubeAudit", "ClusterSim", "JQ", "Diagnostics", "NetworkPolicy",
                                                   "RBAC"]),
        .testTarget(name: "ProgressTests", dependencies: ["Progress", "Exam", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TrainerTests", dependencies: ["Trainer", "Labs", "Terminal", "Progress", "TestSupport", "Exam",
                                                       "ContentFormat", "Diagnostics", "JSONValue"],
                    exclude: ["Golden"]),
        .testTarget(name: "NetworkPolicyTests", dependencies: ["NetworkPolicy", "ContentFormat", "Diagnostics", "TestSupport"]),
        .testTarget(name: "PodSecurityTests", dependencies: ["PodSecurity", "ContentFormat", "Diagnostics", "TestSupport"]),
        .testTarget(name: "RBACTests", dependencies: ["RBAC", "ContentFormat", "Diagnostics", "TestSupport"]),
        // Replays Tests/FuzzRegressions/<target>/* (every input a fuzzer crashed on) through FuzzTargets.
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets", "TestSupport"]),
        .testTarget(name: "ClassroomTests", dependencies: ["Classroom", "Labs", "Exam", "Diagnostics", "ContentFormat",
                                                         "TestSupport", "Trainer", "Terminal", "Progress"]),
        .testTarget(name: "KCSACLITests", dependencies: ["KCSACLI", "JQCLI", "KubeAudit", "Classroom", "Labs", "Progress", "Trainer", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
