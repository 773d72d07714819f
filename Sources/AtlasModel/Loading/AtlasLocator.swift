import Foundation

/// Finds the bundled atlas wherever the tool runs from.
public enum AtlasLocator {
    /// The environment variable that overrides the bundled atlas.
    public static let environmentKey = "REFERRAL_ATLAS_DIR"

    /// Why `$REFERRAL_ATLAS_DIR` cannot be used (a missing folder, or one without an
    /// `atlas.yaml`), or nil when it is unset or names an atlas. A set variable is never
    /// passed over in silence: the user meant that atlas.
    public static func environmentProblem(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let value = environment[environmentKey], !value.isEmpty else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: value, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "\(environmentKey) is set to \(value), which is not a folder; unset it or point it at an atlas folder"
        }
        guard FileManager.default.fileExists(atPath: (value as NSString).appendingPathComponent("atlas.yaml")) else {
            return "\(environmentKey) is set to \(value), which holds no atlas (no atlas.yaml there); unset it or point it at an atlas folder"
        }
        return nil
    }

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
