import AtlasModel
import Foundation

enum RenderTestAtlas {
    static func load() throws -> Atlas {
        try AtlasLoader.load(directory: AtlasLocator.bundledAtlas()!)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("render-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
