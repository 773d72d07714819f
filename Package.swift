// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ReferralAtlas",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "referral-atlas", targets: ["ReferralAtlasCLI"]),
        .executable(name: "atlas-eval", targets: ["AtlasEval"]),
        .library(name: "AtlasModel", targets: ["AtlasModel"]),
        .library(name: "AtlasRender", targets: ["AtlasRender"]),
        .library(name: "AtlasCompare", targets: ["AtlasCompare"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // No default traits: the intake needs neither swift-configuration nor full Foundation.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Thin system-library wrappers: a module map and a shim header each.
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CPango", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]),
        // SHA-256 from Debian's libcrypto (swift-crypto would compile a copy of BoringSSL).
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        // libjpeg needs setjmp/longjmp to recover from errors, which Swift cannot do: a
        // small C shim turns them into status codes (Sources/CJPEG/include/cjpeg.h).
        .target(
            name: "CJPEG",
            linkerSettings: [.linkedLibrary("jpeg")]),

        // The atlas: files -> validated, resolved model. Knows nothing of Cairo.
        .target(
            name: "AtlasModel",
            dependencies: [.product(name: "Yams", package: "Yams")]),

        // Scenes and their drawing over Cairo, PNG via libpng, JPEG via libjpeg, text via Pango.
        .target(
            name: "AtlasRender",
            dependencies: ["AtlasModel", "CCairo", "CPNG", "CJPEG", "CPango", "CZlib"]),

        // Reading a patient's drawing and ranking every pattern against it.
        .target(
            name: "AtlasCompare",
            dependencies: ["AtlasModel", "AtlasRender"]),

        // Patient-like drawings made independently of the scoring masks, scans and phone
        // photos of them, and the held-out evaluation of the comparison (`make eval`).
        .target(
            name: "AtlasEvaluation",
            dependencies: ["AtlasModel", "AtlasRender", "AtlasCompare"]),
        .executableTarget(
            name: "AtlasEval",
            dependencies: ["AtlasCompare", "AtlasEvaluation", "AtlasModel", "AtlasRender"]),

        // The clinic's web intake: patient drawing page, clinician pages and the JSON API.
        .target(
            name: "AtlasServe",
            dependencies: [
                "AtlasModel", "AtlasRender", "AtlasCompare", "CCrypto",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),

        .executableTarget(
            name: "ReferralAtlasCLI",
            dependencies: [
                "AtlasModel", "AtlasRender", "AtlasCompare", "AtlasServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "AtlasModelTests", dependencies: ["AtlasModel"]),
        .testTarget(name: "AtlasCompareTests", dependencies: ["AtlasModel", "AtlasRender", "AtlasCompare", "AtlasEvaluation"]),
        .testTarget(
            name: "AtlasServeTests",
            dependencies: [
                "AtlasModel", "AtlasRender", "AtlasCompare", "AtlasServe",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        .testTarget(
            name: "AtlasRenderTests",
            dependencies: ["AtlasModel", "AtlasRender"],
            exclude: ["References"]),
    ],
    swiftLanguageModes: [.v6]
)
