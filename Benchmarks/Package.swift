// swift-tools-version:6.0
import PackageDescription

/// Benchmarks live in their own package so that `swift build` / `swift test` of SocialScan never
/// build them. Run them with `make bench` (release build; baselines run in the same invocation).
let package = Package(
    name: "SocialScanBenchmarks",
    dependencies: [.package(name: "SocialScan", path: "..")],
    targets: [
        .executableTarget(
            name: "socialscan-bench",
            dependencies: [
                .product(name: "SocialScanKit", package: "SocialScan"),
                .product(name: "SocialScanTestSupport", package: "SocialScan"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
