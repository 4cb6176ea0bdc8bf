// swift-tools-version:6.0
import PackageDescription

/// SocialScan: fetch -> parse -> detect -> report. One target per stage; see docs/architecture.md.
let package = Package(
    name: "SocialScan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "socialscan", targets: ["socialscan"]),
        // The stages as a library, for the benchmark package (Benchmarks/) and other tools.
        .library(name: "SocialScanKit", targets: ["ScanCore", "ScanFetch", "ScanParse", "ScanDetect", "ScanReport"]),
        .library(name: "SocialScanTestSupport", targets: ["ScanTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CPCRE2", path: "Sources/CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]),
        .target(name: "ScanCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "ScanFetch", dependencies: ["ScanCore", "CCurl"]),
        .target(name: "ScanParse", dependencies: ["ScanCore", "CLibXML2"]),
        .target(name: "ScanDetect", dependencies: ["ScanCore", "CPCRE2", "Yams", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "ScanReport", dependencies: ["ScanCore"]),
        .target(
            name: "SocialScanCLI",
            dependencies: [
                "ScanCore", "ScanFetch", "ScanParse", "ScanDetect", "ScanReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(name: "socialscan", dependencies: ["SocialScanCLI"]),
        .target(name: "ScanTestSupport", dependencies: []),
        .testTarget(
            name: "SocialScanTests",
            dependencies: [
                "ScanCore", "ScanFetch", "ScanParse", "ScanDetect", "ScanReport", "SocialScanCLI",
                "ScanTestSupport",
            ],
            exclude: ["Fixtures", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
