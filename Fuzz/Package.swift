// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer driver for kcsa's fuzz targets, kept out of the main package so that
// `swift build` and `swift test` there never see -sanitize=fuzzer. Build and run with
// `Fuzz/run.sh` (it builds with `swift build -c release --sanitize=fuzzer`).
let package = Package(
    name: "kcsa-fuzz",
    dependencies: [.package(name: "kcsa", path: "..")],
    targets: [
        .executableTarget(name: "kcsa-fuzz", dependencies: [.product(name: "FuzzTargets", package: "kcsa")]),
    ]
)
