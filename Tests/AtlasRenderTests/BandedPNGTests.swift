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
    /// picture, nothing shifts at a band's edge) up to rounding, in a file libpng reads with
    /// its metadata.
    @Test func bandsJoinIntoThePictureOfOneSurface() throws {
        let scene = try scene(width: 1200)
        let whole = try SceneRenderer.rasterize(scene)
        for threads in [1, 2, 3, 5] {
            let bytes = try BandedPNGWriter.render(scene, threads: threads)
            let decoded = try PNGCodec.decode(bytes)
            #expect(decoded.width == whole.width && decoded.height == whole.height)
            let difference = Self.difference(decoded, whole)
            // Cairo may round the antialiasing of a clipped edge that crosses a band's border a
            // level or two differently (seen: 1 pixel by 2 levels with 3 bands); a seam or a
            // shifted texture would change thousands of pixels by far more.
            #expect(difference.largest <= 4 && difference.pixels <= whole.width * whole.height / 10_000,
                    "\(threads) bands: \(difference.pixels) pixels differ from one surface, by up to \(difference.largest), first in row \(difference.firstRow)")
            let types = try #require(PNGChunks.read(bytes)).map(\.type)
            #expect(types.prefix(3) == ["IHDR", "sRGB", "pHYs"])
            #expect(types.last == "IEND")
            #expect(abs((PNGChunks.dpi(bytes) ?? 0) - scene.dpi) < 0.1)
        }
    }

    /// How many pixels differ, by how much at most (one channel), and the first row that does.
    static func difference(_ a: RGBAImage, _ b: RGBAImage) -> (pixels: Int, largest: Int, firstRow: Int) {
        guard a.pixels.count == b.pixels.count else { return (Int.max, 255, 0) }
        var pixels = 0, largest = 0, firstRow = -1
        for i in stride(from: 0, to: a.pixels.count, by: 4) {
            var d = 0
            for c in 0..<4 { d = max(d, abs(Int(a.pixels[i + c]) - Int(b.pixels[i + c]))) }
            if d > 0 {
                pixels += 1
                largest = max(largest, d)
                if firstRow < 0 { firstRow = i / 4 / a.width }
            }
        }
        return (pixels, largest, firstRow)
    }

    @Test func aSmallPictureIsOneBandAndStillAValidFile() throws {
        let scene = try scene(width: 100)
        let bytes = try BandedPNGWriter.render(scene, threads: 8)
        #expect(Self.difference(try PNGCodec.decode(bytes), try SceneRenderer.rasterize(scene)).pixels == 0)
    }
}
