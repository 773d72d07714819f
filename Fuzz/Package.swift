// swift-tools-version: 6.1
// libFuzzer targets for every reader (separate package: they build with -sanitize=fuzzer).
// Run: make fuzz FUZZ_SECONDS=600   (see Fuzz/README.md)
import Foundation
import PackageDescription

// A path dependency is named after its folder, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

func fuzzer(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: root) },
        path: "Sources/\(name)",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "ReferralAtlasFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
        fuzzer("FuzzPattern", ["AtlasModel"]),
        fuzzer("FuzzFigure", ["AtlasModel"]),
        fuzzer("FuzzStyleAndBody", ["AtlasModel"]),
        fuzzer("FuzzAnatomy", ["AtlasModel"]),
        fuzzer("FuzzPNG", ["AtlasRender", "AtlasCompare"]),
        fuzzer("FuzzJPEG", ["AtlasRender"]),
    ],
    swiftLanguageModes: [.v6]
)
