import AtlasModel
@testable import AtlasRender
import Testing

/// Pieces of one zone that overlap draw as one area: where they overlap, nothing darkens.
@Suite("Zone overlaps")
struct ZoneOverlapTests {
    static let atlas = try! RenderTestAtlas.load()

    /// Each pattern drawn once as it is and once with every zone doubled: the two pictures must
    /// be the same. Solid and stipple (translucent), and one tone. (Hatched zones keep a dashed
    /// or thin edge per piece, which a doubled piece would draw twice.)
    @Test(arguments: ["gluteus-medius", "gluteus-minimus-posterior"])
    func aDoubledZoneDrawsLikeOne(id: String) throws {
        let pattern = try #require(Self.atlas.pattern(id))
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.patterns = [pattern]
        request.width = 500
        request.bare = true
        request.anatomy = false
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        var doubled = scene
        for i in doubled.panels.indices {
            for j in doubled.panels[i].patterns.indices {
                let zones = doubled.panels[i].patterns[j].zones
                #expect(!zones.isEmpty)
                doubled.panels[i].patterns[j].zones += zones
            }
        }
        let a = try SceneRenderer.rasterize(scene), b = try SceneRenderer.rasterize(doubled)
        var differing = 0
        for p in stride(from: 0, to: a.pixels.count, by: 4) where (0..<3).contains(where: { abs(Int(a.pixels[p + $0]) - Int(b.pixels[p + $0])) > 3 }) {
            differing += 1
        }
        #expect(differing == 0, "\(id): \(differing) pixels darker where a zone overlaps itself")
    }

    /// Joined pieces all turn the same way, whichever way each was traced, so that the
    /// nonzero rule fills their overlap rather than cutting a hole in it.
    @Test func joinedPiecesTurnTheSameWay() {
        let square = BezierPath([.move(Point(0, 0)), .line(Point(10, 0)), .line(Point(10, 10)), .line(Point(0, 10)), .close])
        let backwards = BezierPath(ZoneUnion.subpaths(square).flatMap(ZoneUnion.reversed))
        #expect(ZoneUnion.signedArea(ZoneUnion.subpaths(backwards)[0]) == -ZoneUnion.signedArea(ZoneUnion.subpaths(square)[0]))
        let a = Zone(view: .posterior, kind: .essential, path: square)
        var b = a
        b.path = backwards.map { Point($0.x + 5, $0.y) }
        let merged = ZoneUnion.merged([a, b])
        #expect(merged.count == 1)
        let areas = ZoneUnion.subpaths(merged[0].path).map(ZoneUnion.signedArea)
        #expect(areas.count == 2 && areas.allSatisfy { $0 > 0 })
    }
}
