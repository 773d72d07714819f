import AtlasModel
import AtlasRender
import Foundation
import Testing

/// `render --all` is all or nothing: a run that fails part-way leaves the folder as it was.
@Suite("render --all")
struct RenderAllTests {
    @Test func aFailedRunLeavesTheFolderAsItWas() throws {
        var atlas = try RenderTestAtlas.load()
        // A figure too wide to draw: refused when its job runs, after others have started.
        var broken = try #require(atlas.figures.first)
        broken.width = 20_000
        atlas.figures = [broken]
        atlas.patterns = Array(atlas.patterns.prefix(1))
        let folder = try RenderTestAtlas.temporaryFolder()
        let patterns = folder.appendingPathComponent("patterns")
        try FileManager.default.createDirectory(at: patterns, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("README.md"))
        try Data("old".utf8).write(to: patterns.appendingPathComponent("old.png"))
        #expect(throws: RenderError.self) {
            try Exporter.renderAtlas(atlas, into: folder.path, width: 400, dpi: 72, style: Style.default)
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(entries == ["README.md", "patterns"], "no staging folder, nothing new: \(entries)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: patterns.path) == ["old.png"])
    }

    @Test func badNumbersAreRefusedBeforeAnythingIsWritten() throws {
        let folder = try RenderTestAtlas.temporaryFolder().appendingPathComponent("out").path
        #expect(throws: RenderError.self) {
            try Exporter.renderAtlas(try RenderTestAtlas.load(), into: folder, width: 400, dpi: .nan, style: Style.default)
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
