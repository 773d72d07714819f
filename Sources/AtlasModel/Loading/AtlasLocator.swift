import Foundation

/// Finds the bundled atlas wherever the tool runs from.
public enum AtlasLocator {
    /// The environment variable that overrides the bundled atlas.
    public static let environmentKey = "REFERRAL_ATLAS_DIR"

    /// In order: `$REFERRAL_ATLAS_DIR`; `../share/referral-atlas/Atlas` beside an installed
    /// binary; `Atlas/` in the source tree this binary was built from.
    public static func bundledAtlas(executable: String = CommandLine.arguments.first ?? "") -> URL? {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment[environmentKey], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(binary.appendingPathComponent("../share/referral-atlas/Atlas").standardized)
        let sourceTree = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceTree.appendingPathComponent("Atlas"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("atlas.yaml").path) }
    }
}
