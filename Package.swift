// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "kcsa",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kcsa", targets: ["kcsa"]),
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
        ]),

        // Engines: jq and the kube-apiserver audit semantics.
        // Closure specialisation runs for tens of minutes on the interpreter in -O builds;
        // turning that one optimizer pass off keeps release builds to about a minute.
        .target(name: "JQ", dependencies: ["JSONValue", "Diagnostics"],
                swiftSettings: [.unsafeFlags(["-Xllvm", "-sil-disable-pass=closure-specialize"])]),
        // One positioned YAML reader for every content file and Kubernetes object.
        .target(name: "ContentFormat", dependencies: [
            "Diagnostics", .product(name: "Yams", package: "Yams"),
        ]),

        .target(name: "KubeAudit", dependencies: [
            "Diagnostics", "ContentFormat",
            .product(name: "Yams", package: "Yams"),
        ]),

        // The RBAC authorizer: rule matching, resolution, aggregation, escalation checks, can-i.
        .target(name: "RBAC", dependencies: ["Diagnostics", "ContentFormat"]),

        // A simulated cluster: scenarios -> request streams -> audit events.
        .target(name: "ClusterSim", dependencies: [
            "KubeAudit",
            .product(name: "Yams", package: "Yams"),
        ]),

        // Course content: the question bank and exam practice.
        .target(name: "Exam", dependencies: [
            "ClusterSim", "KubeAudit", "JQ", "JSONValue", "Diagnostics",
            .product(name: "Yams", package: "Yams"),
        ]),

        // Scenario labs: the catalog, and the graders for policy, fix, query and predict labs.
        .target(name: "Labs", dependencies: [
            "KubeAudit", "ClusterSim", "JQ", "JSONValue", "Diagnostics",
            .product(name: "Yams", package: "Yams"),
        ]),

        // The learner's progress in SQLite.
        // Review cards are scheduled by Exam's ReviewScheduler.
        .target(name: "Progress", dependencies: ["Exam", .product(name: "GRDB", package: "GRDB.swift")]),

        // The terminal: libedit line editing (plain reading without a TTY).
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "Terminal", dependencies: ["CLibEdit"]),

        // Command line.
        .target(name: "KCSACLI", dependencies: [
            "KubeAudit", "ClusterSim", "JQ", "JSONValue", "Exam", "Labs", "Progress", "Terminal", "Diagnostics",
            "RBAC", "ContentFormat",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "kcsa", dependencies: ["KCSACLI"]),

        // Benchmarks print figures; run them with `swift run -c release kcsa-bench`.
        .executableTarget(name: "kcsa-bench", dependencies: ["KubeAudit", "ClusterSim", "JQ", "JSONValue", "Diagnostics", "Labs", "RBAC"],
                          path: "Benchmarks/kcsa-bench"),

        // Tests mirror Sources/.
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "JSONValueTests", dependencies: ["JSONValue"]),
        .testTarget(name: "JQTests", dependencies: ["JQ", "JSONValue"]),
        .testTarget(name: "KubeAuditTests", dependencies: ["KubeAudit", "ClusterSim", "Diagnostics"]),
        .testTarget(name: "ClusterSimTests", dependencies: ["ClusterSim", "KubeAudit", "JSONValue"]),
        .testTarget(name: "ExamTests", dependencies: ["Exam", "KubeAudit", "JQ", "JSONValue", "Diagnostics"]),
        .testTarget(name: "LabsTests", dependencies: ["Labs", "KubeAudit", "ClusterSim", "JQ", "Diagnostics"]),
        .testTarget(name: "ProgressTests", dependencies: ["Progress", "Exam"]),
        .testTarget(name: "RBACTests", dependencies: ["RBAC", "ContentFormat", "Diagnostics"]),
        .testTarget(name: "KCSACLITests", dependencies: ["KCSACLI", "KubeAudit"], exclude: ["Fixtures"]),
    ]
)
