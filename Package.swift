// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Verdict",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "verdict", targets: ["verdict"]),
        .library(name: "VerdictCore", targets: ["VerdictCore"]),
        .library(name: "VerdictTemplates", targets: ["VerdictTemplates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
    ],
    targets: [
        // The only place that sees libcmark's C API.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "VerdictMarkdown",
            dependencies: ["CMark"]
        ),
        // Verdict's own Mustache engine: Foundation only, so it stays reusable outside Verdict.
        .target(
            name: "VerdictTemplates"
        ),
        .target(
            name: "VerdictCore",
            dependencies: [
                "VerdictMarkdown",
                "VerdictTemplates",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "VerdictServer",
            dependencies: [
                "VerdictCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "verdict",
            dependencies: [
                "VerdictCore",
                "VerdictServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "VerdictCoreTests",
            dependencies: ["VerdictCore", "VerdictMarkdown", "VerdictTemplates"]
        ),
        .testTarget(
            name: "VerdictTemplatesTests",
            dependencies: ["VerdictTemplates"]
        ),
        // Tests talk to a real server over a socket with a small raw HTTP client (no HummingbirdTesting:
        // it would add AsyncHTTPClient and NIOSSL to every test build, and could not send malformed requests).
        .testTarget(
            name: "VerdictServerTests",
            dependencies: ["VerdictServer", "VerdictCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
