// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets, in their own package so that `swift build` / `swift test` of SocialScan
/// never build them. Run with `make fuzz` (debug build with the fuzzer and address sanitizers).
let package = Package(
    name: "SocialScanFuzz",
    dependencies: [.package(name: "SocialScan", path: "..")],
    targets: [
        .executableTarget(
            name: "parse-fuzzer",
            dependencies: [.product(name: "SocialScanKit", package: "SocialScan")]),
    ],
    swiftLanguageModes: [.v6]
)
