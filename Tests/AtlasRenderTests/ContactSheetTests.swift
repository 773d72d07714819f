import AtlasModel
@testable import AtlasRender
import Testing

/// The contact sheet shows each pattern as its own render in `render --all` does: the same
/// views, and in each view the same trigger points (an X the pattern's picture does not draw
/// never appears on its thumbnail, nor is one left out).
@Suite("Contact sheet")
struct ContactSheetTests {
    static let atlas = try! RenderTestAtlas.load()

    @Test func everyPatternShowsTheViewsAndMarksOfItsOwnRender() throws {
        let sheet = try ContactSheet.scene(atlas: Self.atlas, patterns: Self.atlas.patterns, width: 1800)
        for pattern in Self.atlas.patterns {
            let views = pattern.bodyViews(side: .right)
            guard !views.isEmpty else { continue }
            var request = ChartRequest(kind: .render, views: views)
            request.patterns = [pattern]
            let own = try ChartBuilder.scene(request, atlas: Self.atlas)
            let thumbs = sheet.panels.filter { $0.label == pattern.name }
            // The render's muscle pictures (MuscleInsets) are not views: the sheet shows the views.
            let ownViews = own.panels.filter { !$0.inset }
            #expect(thumbs.map(\.view.id) == ownViews.map(\.view.id), "\(pattern.id): \(thumbs.map(\.view.id)) vs \(ownViews.map(\.view.id))")
            for (thumb, panel) in zip(thumbs, ownViews) {
                let marks = thumb.patterns.flatMap(\.triggerPoints).map(\.point)
                #expect(marks == panel.patterns.flatMap(\.triggerPoints).map(\.point), "\(pattern.id) in the \(thumb.view.id.rawValue) view")
            }
        }
    }

    /// Neighbouring bodies on one row never touch: with 560 mm slots a back view's hanging
    /// arm crossed its front neighbour's and the hands merged (review rev4 B).
    @Test func neighbouringBodiesLeaveAGap() throws {
        let sheet = try ContactSheet.scene(atlas: Self.atlas, patterns: Self.atlas.patterns, width: 1800)
        func span(_ panel: ScenePanel) -> (Double, Double) {
            let b = panel.view.bounds
            return (panel.origin.x + b.minX * panel.scale, panel.origin.x + b.maxX * panel.scale)
        }
        var pairs = 0
        for (left, right) in zip(sheet.panels, sheet.panels.dropFirst()) where left.frame.minY == right.frame.minY {
            pairs += 1
            #expect(span(left).1 + 2 < span(right).0,
                    "\(left.label ?? "") \(left.view.id.rawValue) runs into \(right.label ?? "") \(right.view.id.rawValue)")
        }
        #expect(pairs > 10)
    }

    /// Review rev5: on the contact sheet gluteus maximus TrP3's small zone at the tailbone
    /// lay under its X. A thumbnail's X is open at its centre, so the zone shows there.
    @Test func smallZoneShowsThroughItsX() throws {
        let pattern = try #require(Self.atlas.pattern("gluteus-maximus-trp3"))
        let sheet = try ContactSheet.scene(atlas: Self.atlas, patterns: [pattern], width: 1800)
        let panel = try #require(sheet.panels.first { $0.view.id == .posterior })
        #expect(panel.openCrosses)
        let mark = try #require(SceneDrawer.crossMarks(panel, style: sheet.style).marks.first)
        let image = try SceneRenderer.rasterize(sheet)
        let pixel = image[Int(mark.at.x.rounded()), Int(mark.at.y.rounded())]
        // The zone's red, not the X's black or its white halo.
        #expect(Int(pixel.r) - Int(pixel.g) > 40, "the X's centre is \(pixel)")
    }
}

