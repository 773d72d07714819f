// swift-tools-version: 6.1
// Benchmarks live in their own package so that `make test` does not build package-benchmark.
// Run: make bench   (or: cd Benchmarks && swift package benchmark)
import Foundation
import PackageDescription

// A path dependency is named after its folder, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "ReferralAtlasBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ReferralAtlasBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "AtlasModel", package: root),
                .product(name: "AtlasRender", package: root),
                .product(name: "AtlasCompare", package: root),
            ],
            path: "Benchmarks/ReferralAtlasBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
    ],
    swiftLanguageModes: [.v6]
)
