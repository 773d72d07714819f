import AtlasModel
import AtlasRender
import Testing

/// A chart of the soles alone is sized to the soles: they fill the page as a body fills the
/// page of another view, instead of sitting at the foot of a page as tall as a body.
@Suite("Sole framing")
struct SoleFramingTests {
    static let atlas = try! RenderTestAtlas.load()

    @Test(arguments: [[String](), ["radicular-s1"]], [BodyRegion.full, .lowerQuarter])
    func solesAloneFillTheirPage(_ ids: [String], region: BodyRegion) throws {
        var request = ChartRequest(kind: .render, views: [.plantar])
        request.patterns = try ids.map { try #require(Self.atlas.pattern($0)) }
        request.region = region
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        let panel = try #require(scene.panels.first)
        let soles = panel.view.bounds
        let top = panel.toPixels(Point(0, soles.minY)).y, bottom = panel.toPixels(Point(0, soles.maxY)).y
        // The posterior body takes about 60% of its page; the soles were 25%.
        #expect((bottom - top) / Double(scene.height) > 0.5, "the soles take \(Int((bottom - top) / Double(scene.height) * 100))% of the page")
        // Whole, inside their panel, below the header and above the legend.
        #expect(top >= panel.frame.minY && bottom <= panel.frame.maxY)
        let half = max(abs(soles.minX), abs(soles.maxX)) * panel.scale
        #expect(panel.frame.center.x - half >= panel.frame.minX && panel.frame.center.x + half <= panel.frame.maxX)
    }

    /// Beside other views the soles still stand where the feet stand, so a chart lines up.
    @Test func besideOtherViewsTheSolesStandWhereTheFeetStand() throws {
        let scene = try ChartBuilder.scene(ChartRequest(kind: .render, views: [.posterior, .plantar]), atlas: Self.atlas)
        #expect(scene.panels[0].origin.y == scene.panels[1].origin.y)
        #expect(scene.panels[0].scale == scene.panels[1].scale)
    }
}
