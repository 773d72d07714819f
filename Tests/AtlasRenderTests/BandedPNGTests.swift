import AtlasModel
import Foundation
import Testing
@testable import AtlasRender

@Suite("PNG drawn and compressed in bands")
struct BandedPNGTests {
    func scene(width: Int) throws -> Scene {
        let atlas = try RenderTestAtlas.load()
        var request = ChartRequest(kind: .render, views: [.lateralRight])
        request.patterns = [try #require(atlas.pattern("gluteus-minimus-anterior"))]
        request.width = width
        return try ChartBuilder.scene(request, atlas: atlas)
    }

    /// Every band count gives the pixels of one whole surface (textures stay anchored to the
    /// picture, nothing shifts at a band's edge), in a file libpng reads with its metadata.
    @Test func bandsJoinIntoThePictureOfOneSurface() throws {
        let scene = try scene(width: 1200)
        let whole = try SceneRenderer.rasterize(scene)
        for threads in [1, 2, 3, 5] {
            let bytes = try BandedPNGWriter.render(scene, threads: threads)
            let decoded = try PNGCodec.decode(bytes)
            #expect(decoded.width == whole.width && decoded.height == whole.height)
            #expect(decoded.pixels == whole.pixels, "\(threads) bands differ from one surface")
            let types = try #require(PNGChunks.read(bytes)).map(\.type)
            #expect(types.prefix(3) == ["IHDR", "sRGB", "pHYs"])
            #expect(types.last == "IEND")
            #expect(abs((PNGChunks.dpi(bytes) ?? 0) - scene.dpi) < 0.1)
        }
    }

    @Test func aSmallPictureIsOneBandAndStillAValidFile() throws {
        let scene = try scene(width: 100)
        let bytes = try BandedPNGWriter.render(scene, threads: 8)
        #expect(try PNGCodec.decode(bytes).pixels == SceneRenderer.rasterize(scene).pixels)
    }
}
