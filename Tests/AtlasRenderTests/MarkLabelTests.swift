import AtlasModel
@testable import AtlasRender
import Testing

/// A pattern mark's label ("sitting bone" beside the sacroiliac joint's blank area) stands on
/// the body, both its ends inside the outline, and hangs from the mark's lower part rather
/// than level with its centre, where it covered the sacrum and coccyx: in why-leg-pain read
/// 800 px wide (where it takes two lines), in the back view and in the handout on A4 and
/// letter; and it stays on its own side of the midline.
@Suite("Mark labels")
struct MarkLabelTests {
    static let atlas = try! RenderTestAtlas.load()

    static func check(_ scene: Scene, _ name: String) throws -> Int {
        let measure = try TextMeasurer(fontFamily: scene.style.fontFamily)
        var checked = 0
        for panel in scene.panels {
            let size = SceneDrawer.markLabelSize(scene, panel: panel)
            let outline = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
            for mark in panel.patterns.flatMap(\.marks) where mark.label == "sitting bone" {
                let placed = try #require(SceneDrawer.markLabel(mark, panel: panel, size: size, measure: { measure.size($0, size: size) }))
                let ends = [Point(placed.box.minX, placed.box.center.y), Point(placed.box.maxX, placed.box.center.y)]
                #expect(ends.allSatisfy { Callouts.contains($0, outline) }, "\(name): '\(placed.text)' runs off the body: \(placed.box)")
                // On the mark's own half of the body: never across the cleft onto the other buttock.
                let midline = panel.toPixels(Point(0, 0)).x
                let markX = panel.toPixels(try #require(mark.path.bounds).center).x
                #expect(markX > midline ? placed.box.minX > midline : placed.box.maxX < midline,
                        "\(name): '\(placed.text)' crosses the midline (\(midline)): \(placed.box)")
                let markCentre = try #require(mark.path.bounds).center.y
                #expect(placed.box.minY >= panel.toPixels(Point(0, markCentre)).y - 0.5, "\(name): the label rises level with the sacrum")
                checked += 1
            }
        }
        return checked
    }

    @Test func sittingBoneLabelInTheFigure() throws {
        let figure = try #require(Self.atlas.figure("why-leg-pain"))
        #expect(try Self.check(try FigureBuilder.scene(figure, width: 800, atlas: Self.atlas), "why-leg-pain") == 1)
    }

    @Test(arguments: [BodyRegion.full, .lowerQuarter, .pelvis])
    func sittingBoneLabelInTheBackView(region: BodyRegion) throws {
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.patterns = [try #require(Self.atlas.pattern("sacroiliac-joint"))]
        request.region = region
        request.width = 1400
        #expect(try Self.check(try ChartBuilder.scene(request, atlas: Self.atlas), "back view, \(region)") == 1)
    }

    @Test(arguments: Paper.allCases)
    func sittingBoneLabelInTheHandout(paper: Paper) throws {
        var request = HandoutRequest(patterns: [try #require(Self.atlas.pattern("sacroiliac-joint"))])
        request.paper = paper
        request.dpi = 100
        let page = try HandoutBuilder.pages(request, atlas: Self.atlas)[0]
        #expect(try Self.check(page, "handout on \(paper.rawValue)") == 1)
    }
}
