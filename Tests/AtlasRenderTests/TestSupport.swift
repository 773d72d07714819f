import AtlasModel
@testable import AtlasRender
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

    /// One pattern's handout pages on `paper`, laid out at 100 dpi as the layout tests read them.
    static func handoutPages(_ pattern: Pattern, paper: Paper, atlas: Atlas) throws -> [Scene] {
        var request = HandoutRequest(patterns: [pattern])
        request.paper = paper
        request.dpi = 100
        return try HandoutBuilder.pages(request, atlas: atlas)
    }
}
