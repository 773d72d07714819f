import AtlasModel
import AtlasRender
import Foundation
import Testing

/// `render --all --jobs N`: checked once, in the library, before anything is written.
@Suite("render --all --jobs")
struct JobsOptionTests {
    let cli = CommandLineTests()

    @Test(arguments: ["0", "-1", "257", "100000"])
    func aBadWorkerCountIsRefusedWithExitOne(_ value: String) throws {
        let folder = try cli.scratch().appendingPathComponent("all").path
        let result = try cli.run(["render", "--all", "--jobs=\(value)", "-o", folder])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.error.contains("--jobs must be 1 to 256 workers, not \(value)"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func aWordIsAUsageError() throws {
        let result = try cli.run(["render", "--all", "--jobs", "two", "-o", try cli.scratch().path])
        #expect(result.status == 64, "\(result.error)")
    }

    @Test func jobsWithoutAllIsRefused() throws {
        let result = try cli.run(["render", "piriformis", "--jobs", "2", "-o", try cli.scratch().appendingPathComponent("p.png").path])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.error.contains("--jobs is for --all"), "\(result.error)")
    }

    @Test func theLibraryRefusesZeroWorkersBeforeWriting() throws {
        let atlas = try RenderTestAtlas.load()
        let folder = try RenderTestAtlas.temporaryFolder().appendingPathComponent("out").path
        #expect(throws: RenderError.self) {
            try Exporter.renderAtlas(atlas, into: folder, width: 1200, dpi: 150, style: Style(), workers: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
